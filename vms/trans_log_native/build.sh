#!/usr/bin/env bash
# Builds and tests the native trans_log (run by this module's Maven build; usable by hand).
#
#   build.sh library OUT_DIR VERSION
#       compiles trans_log_vm.cpp into OUT_DIR/native/<platform>/libtrans_log_vm.so (platform e.g.
#       linux-x86_64), with VERSION as the VM's version string, and checks that the library exports
#       exactly one symbol, dvmc_create_trans_log_vm.
#   build.sh test WORK_DIR VERSION LIBRARY
#       compiles test/driver.cpp together with trans_log_vm.cpp under -fsanitize=address,undefined
#       -fno-sanitize-recover=all (leak checking on) and runs it twice: on the VM compiled into the driver,
#       and on LIBRARY (the shipped .so) loaded with dlopen.
#   build.sh bench WORK_DIR LIBRARY
#       compiles test/bench.cpp (-O2) and prints ns per execution of LIBRARY driven by a C++ loop: the
#       baseline docs/PERFORMANCE.md compares the bridge with. Not part of the test run.
#
# Compiler: $CXX, default g++ (C++17). Only Linux is supported for now.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
include="$here/../../native/include"
cxx="${CXX:-g++}"

fail() {
  echo "trans_log_native: $*" >&2
  exit 1
}

if ! command -v "$cxx" >/dev/null 2>&1; then
  fail "the C++ compiler '$cxx' is not on the PATH. The native trans_log needs a C++17 compiler:" \
       "install g++ (Debian/Ubuntu: apt-get install g++), set CXX to another one, or skip the native" \
       "modules with -Ddvmc.native.skip=true."
fi

if ! command -v nm >/dev/null 2>&1; then
  fail "'nm' (binutils) is not on the PATH; it checks the library's exported symbols. Install binutils" \
       "(Debian/Ubuntu: apt-get install binutils), or skip the native modules with -Ddvmc.native.skip=true."
fi

platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    *) fail "building the native trans_log on $(uname -s) is not supported yet (Linux only);" \
            "skip it with -Ddvmc.native.skip=true" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) fail "unsupported processor $(uname -m); skip the native modules with -Ddvmc.native.skip=true" ;;
  esac
  echo "$os-$arch"
}

common=(-std=c++17 -Wall -Wextra -pedantic -Werror -I "$include")

case "${1:-}" in
  library)
    out="${2:?usage: build.sh library OUT_DIR VERSION}"
    version="${3:?usage: build.sh library OUT_DIR VERSION}"
    dir="$out/native/$(platform)"
    mkdir -p "$dir"
    # Hidden by default, so only the create function is exported. No exceptions, no RTTI and no operator
    # new: the library needs nothing of the C++ runtime, and --as-needed leaves it depending on libc alone.
    "$cxx" "${common[@]}" -O2 -fPIC -shared -fvisibility=hidden -fvisibility-inlines-hidden \
      -DTRANS_LOG_VERSION="\"$version\"" "$here/trans_log_vm.cpp" -o "$dir/libtrans_log_vm.so" \
      -fno-exceptions -fno-rtti -Wl,--as-needed -Wl,-z,defs -Wl,-z,noexecstack
    exported="$(nm -D --defined-only "$dir/libtrans_log_vm.so" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort | tr '\n' ' ')"
    if [ "$exported" != "dvmc_create_trans_log_vm " ]; then
      fail "libtrans_log_vm.so must export exactly dvmc_create_trans_log_vm, but exports: $exported"
    fi
    echo "trans_log_native: built $dir/libtrans_log_vm.so (version $version; exports: $exported)"
    ;;
  test)
    work="${2:?usage: build.sh test WORK_DIR VERSION LIBRARY}"
    version="${3:?usage: build.sh test WORK_DIR VERSION LIBRARY}"
    library="${4:?usage: build.sh test WORK_DIR VERSION LIBRARY}"
    mkdir -p "$work"
    sanitize=(-g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
              -DTRANS_LOG_VERSION="\"$version\"")
    # The VM optimised as in the library (-O1 keeps ASan's reports exact); the driver, big and not under
    # test, at -O0, which compiles it ten times faster.
    "$cxx" "${common[@]}" -O1 "${sanitize[@]}" -c "$here/trans_log_vm.cpp" -o "$work/trans_log_vm.o"
    "$cxx" "${common[@]}" -O0 "${sanitize[@]}" -c "$here/test/driver.cpp" -o "$work/driver.o"
    "$cxx" -fsanitize=address,undefined "$work/trans_log_vm.o" "$work/driver.o" -o "$work/driver" -pthread -ldl
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    "$work/driver"
    "$work/driver" --library "$library"
    ;;
  bench)
    work="${2:?usage: build.sh bench WORK_DIR LIBRARY}"
    library="${3:?usage: build.sh bench WORK_DIR LIBRARY}"
    mkdir -p "$work"
    "$cxx" "${common[@]}" -O2 "$here/test/bench.cpp" -o "$work/bench" -ldl
    "$work/bench" "$library"
    ;;
  *)
    echo "usage: build.sh library OUT_DIR VERSION | build.sh test WORK_DIR VERSION LIBRARY | build.sh bench WORK_DIR LIBRARY" >&2
    exit 2
    ;;
esac
