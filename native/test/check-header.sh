#!/usr/bin/env bash
# Checks the C header native/include/dvmc/dvmc.h (run by the Maven build of module `native`, phase test):
#   1. layout_check.c — every sizeof/offsetof/enum value as static assertions — compiles warning-free
#      as C99, C11 and C++17 with -Wall -Wextra -pedantic -Werror;
#   2. hpp_check.cpp compiles dvmc.hpp (C++17, same flags) and runs its helpers under ASan + UBSan;
#   3. the guide's example VM docs/examples/native-vm/echo_vm.c builds as a C99 library and runs (ASan);
#   4. layout_dump.c prints the same numbers; its output must equal test/layout_expected.txt (the file the
#      Java bridge's layout test compares its own layouts with). The dump is also left in OUT_DIR/layout.txt.
# Usage: check-header.sh OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
include="$here/../include"
out="${1:?usage: check-header.sh OUT_DIR}"
mkdir -p "$out"

for tool in gcc g++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-header: '$tool' not found on PATH. The native parts of DVMC need a C/C++ toolchain:" \
         "install gcc and g++ (Debian/Ubuntu: apt-get install build-essential)." >&2
    exit 1
  fi
done

strict=(-Wall -Wextra -pedantic -Werror -I "$include")
for std in c99 c11; do
  gcc -std=$std "${strict[@]}" -c "$here/layout_check.c" -o "$out/layout_check_$std.o"
  echo "check-header: dvmc.h layout checks pass as $std"
done
g++ -std=c++17 "${strict[@]}" -x c++ -c "$here/layout_check.c" -o "$out/layout_check_cxx17.o"
echo "check-header: dvmc.h layout checks pass as c++17"
g++ -std=c++17 "${strict[@]}" -O0 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
  "$here/hpp_check.cpp" -o "$out/hpp_check"
"$out/hpp_check"

example="$here/../../docs/examples/native-vm/echo_vm.c"
gcc -std=c99 "${strict[@]}" -O2 -fPIC -shared -fvisibility=hidden "$example" -o "$out/libecho_vm.so"
gcc -std=c99 "${strict[@]}" -O0 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
  "$example" "$here/echo_vm_check.c" -o "$out/echo_vm_check"
"$out/echo_vm_check"

gcc -std=c99 "${strict[@]}" "$here/layout_dump.c" -o "$out/layout_dump"
"$out/layout_dump" > "$out/layout.txt"
if ! diff -u "$here/layout_expected.txt" "$out/layout.txt"; then
  echo "check-header: layout_dump output differs from native/test/layout_expected.txt (diff above)." \
       "The header's layout changed: it must stay that of ABI 12 of the reference interface." >&2
  exit 1
fi
echo "check-header: layout_dump output equals layout_expected.txt ($(wc -l < "$out/layout.txt") values)"
