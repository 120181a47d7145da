#!/usr/bin/env bash
# Builds the third-party VM template, drops its plugin jar into a fresh plugins directory, and runs
# it with the dvmc command, checking every output line. Exits non-zero on any mismatch.
#
# Needs the DVMC artifacts in the local Maven repository and the dvmc jar: run `mvn install` in the
# DVMC checkout first. Environment:
#   DVMC_JAR   the runnable dvmc jar (default: host/cli/target/dvmc.jar of this checkout)
#   MVN_ARGS   extra Maven arguments, e.g. "-o" to build offline
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
dvmc_jar="${DVMC_JAR:-$repo/host/cli/target/dvmc.jar}"
failures=0

fail() {
    echo "check.sh: FAIL $*" >&2
    failures=$((failures + 1))
}

if [[ ! -f "$dvmc_jar" ]]; then
    echo "check.sh: $dvmc_jar not found; run 'mvn install' in $repo first (or set DVMC_JAR)" >&2
    exit 2
fi

echo "check.sh: building the template with Maven"
# shellcheck disable=SC2086 # MVN_ARGS is a list of arguments on purpose
mvn -B -ntp -q -Dstyle.color=never ${MVN_ARGS:-} -f "$here/pom.xml" verify

shopt -s nullglob
jars=("$here"/target/echo-vm-*.jar)
if [[ ${#jars[@]} -ne 1 ]]; then
    echo "check.sh: expected exactly one target/echo-vm-*.jar but found ${#jars[@]}" >&2
    exit 1
fi
jar="${jars[0]}"

# The plugin jar: PF4J descriptor, ABI gate, services file, and no bundled spi.
manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r')"
for entry in "Plugin-Id: echo_vm" "Plugin-Version: 1.0.0" "Plugin-Provider: " "Plugin-Description: " \
        "Dvmc-Abi-Version: 12"; do
    grep -q "^$entry" <<<"$manifest" || fail "manifest of $jar lacks '$entry'"
done
grep -q "^Plugin-Class:" <<<"$manifest" && fail "manifest of $jar names a Plugin-Class; a DVMC VM needs none"
[[ "$(unzip -p "$jar" META-INF/services/org.dvmc.spi.VmFactory | tr -d '\r')" == "com.example.echovm.EchoVmFactory" ]] \
    || fail "$jar: META-INF/services/org.dvmc.spi.VmFactory must name com.example.echovm.EchoVmFactory"
listing="$(unzip -l "$jar")"
grep -q "org/dvmc/" <<<"$listing" && fail "$jar bundles org/dvmc classes; the spi must come from the host"

plugins="$(mktemp -d)"
trap 'rm -rf "$plugins"' EXIT
cp "$jar" "$plugins/"

# expect NAME EXPECTED-OUTPUT DVMC-ARGS...: runs dvmc on the fresh plugins directory and compares
# stdout and stderr together, and the exit status (0), exactly.
expect() {
    local name="$1" expected="$2"
    shift 2
    local actual status=0
    actual="$(java -jar "$dvmc_jar" --plugins-dir "$plugins" "$@" 2>&1)" || status=$?
    if [[ $status -ne 0 ]]; then
        fail "$name: dvmc $* exited with $status"
        echo "$actual" >&2
    elif [[ "$actual" != "$expected" ]]; then
        fail "$name: dvmc $* printed other lines"
        diff <(echo "$expected") <(echo "$actual") >&2 || true
    else
        echo "check.sh: ok   $name"
    fi
}

word3="0000000000000000000000000000000000000000000000000000000000000003"

expect "stop echoes the input" "Config: echo_vm
Executing on Cancun with 1000000 gas limit

Result:   success
Gas used: 0
Output:   c0ffee" --vm echo_vm run 00 --input 0xc0ffee

expect "push, add and return" "Config: echo_vm
Executing on Cancun with 100 gas limit

Result:   success
Gas used: 12
Output:   $word3" --vm echo_vm run 6001600201f3 --gas 100

expect "revert echoes the input" "Config: echo_vm
Executing on Cancun with 1000000 gas limit

Result:   revert
Gas used: 3
Output:   abcd" --vm echo_vm run fd --input abcd

expect "undefined instruction uses all gas" "Config: echo_vm
Executing on Cancun with 500 gas limit

Result:   undefined instruction
Gas used: 500" --vm echo_vm run fe00 --gas 500

expect "out of gas" "Config: echo_vm
Executing on Cancun with 11 gas limit

Result:   out of gas
Gas used: 11" --vm echo_vm run 6001600201f3 --gas 11

jar_in_plugins="$plugins/$(basename "$jar")"
expect "selected by jar path" "Config: $jar_in_plugins
Executing on Cancun with 1000000 gas limit

Result:   success
Gas used: 0
Output:   0102" --vm "$jar_in_plugins" run 00 --input 0102

# The conformance suite through the command line: exit status 0 and no FAIL line.
suite_status=0
suite="$(java -jar "$dvmc_jar" --plugins-dir "$plugins" --vm echo_vm test-vm 2>&1)" || suite_status=$?
if [[ $suite_status -ne 0 ]] || grep -q "^FAIL" <<<"$suite" || ! grep -q "^PASS abi-version" <<<"$suite"; then
    fail "dvmc --vm echo_vm test-vm exited with $suite_status"
    echo "$suite" >&2
else
    echo "check.sh: ok   test-vm ($(grep -c '^PASS' <<<"$suite") checks passed)"
fi

if [[ $failures -ne 0 ]]; then
    echo "check.sh: $failures check(s) failed" >&2
    exit 1
fi
echo "check.sh: the echo_vm template builds, loads from a plugins directory and runs as expected"
