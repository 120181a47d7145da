#!/usr/bin/env bash
# Generates a VM project from the archetype org.dvmc:dvmc-vm-archetype (made from this template), builds it
# (its EchoVmTest and conformance test run), checks the plugin jar, drops it into a fresh plugins directory,
# and runs it with the dvmc command, checking every output line. Exits non-zero on any mismatch.
#
# The generated project gets other names than the template (group org.acme, package org.acme.vm, codename
# acme_vm), so the check also proves the archetype renames everything it should.
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

# One source for each fact: the DVMC version from the dvmc command, the ABI version from the spi jar's
# manifest (written from the build property that the spi's tests compare with Dvmc.ABI_VERSION).
dvmc_version="$(DVMC_VM= java -jar "$dvmc_jar" --version | sed -n 's/^DVMC //p')"
spi_jar="$repo/spi/target/dvmc-spi-$dvmc_version.jar"
abi_version="$(unzip -p "$spi_jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Dvmc-Abi-Version: //p')"
archetype_plugin_version="$(sed -n 's:.*<maven-archetype-plugin.version>\(.*\)</maven-archetype-plugin.version>.*:\1:p' "$repo/pom.xml")"
if [[ -z "$dvmc_version" || -z "$abi_version" || -z "$archetype_plugin_version" ]]; then
    echo "check.sh: cannot read the DVMC version ($dvmc_version), the ABI version of $spi_jar ($abi_version) or" \
        "the archetype plugin's version in $repo/pom.xml ($archetype_plugin_version)" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
codename=acme_vm
project="$work/acme-vm"

echo "check.sh: generating a VM project from org.dvmc:dvmc-vm-archetype:$dvmc_version"
# shellcheck disable=SC2086 # MVN_ARGS is a list of arguments on purpose
(cd "$work" && mvn -B -ntp -q -Dstyle.color=never ${MVN_ARGS:-} \
    "org.apache.maven.plugins:maven-archetype-plugin:$archetype_plugin_version:generate" \
    -DarchetypeGroupId=org.dvmc -DarchetypeArtifactId=dvmc-vm-archetype -DarchetypeVersion="$dvmc_version" \
    -DgroupId=org.acme -DartifactId=acme-vm -Dversion=0.1.0 -Dpackage=org.acme.vm -Dcodename="$codename")

echo "check.sh: building it with Maven"
# shellcheck disable=SC2086
mvn -B -ntp -q -Dstyle.color=never ${MVN_ARGS:-} -f "$project/pom.xml" verify

# Its conformance test ran every check, each reported under its own name.
report="$project/target/surefire-reports/TEST-org.acme.vm.EchoVmConformanceTest.xml"
if [[ ! -f "$report" ]]; then
    fail "no conformance test report $report"
else
    grep -q '<testsuite [^>]*tests="14"' "$report" || fail "$report does not count 14 conformance tests"
    grep -q '<testcase name="conformance() codename: ' "$report" || fail "$report does not name the checks"
    grep -q 'failures="0"' "$report" || fail "$report has failures"
fi

shopt -s nullglob
jars=("$project"/target/acme-vm-*.jar)
if [[ ${#jars[@]} -ne 1 ]]; then
    echo "check.sh: expected exactly one target/acme-vm-*.jar but found ${#jars[@]}" >&2
    exit 1
fi
jar="${jars[0]}"

# The plugin jar: PF4J descriptor, ABI gate, services file, and no bundled spi.
manifest="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r')"
for entry in "Plugin-Id: $codename" "Plugin-Version: 0.1.0" "Plugin-Provider: " "Plugin-Description: " \
        "Dvmc-Abi-Version: $abi_version"; do
    grep -q "^$entry" <<<"$manifest" || fail "manifest of $jar lacks '$entry'"
done
grep -q "^Plugin-Class:" <<<"$manifest" && fail "manifest of $jar names a Plugin-Class; a DVMC VM needs none"
[[ "$(unzip -p "$jar" META-INF/services/org.dvmc.spi.VmFactory | tr -d '\r')" == "org.acme.vm.EchoVmFactory" ]] \
    || fail "$jar: META-INF/services/org.dvmc.spi.VmFactory must name org.acme.vm.EchoVmFactory"
listing="$(unzip -l "$jar")"
grep -q "org/dvmc/" <<<"$listing" && fail "$jar bundles org/dvmc classes; the spi must come from the host"

plugins="$work/plugins"
mkdir "$plugins"
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

expect "stop echoes the input" "Config: $codename
Executing on Cancun with 1000000 gas limit

Result:   success
Gas used: 0
Output:   c0ffee" --vm "$codename" run 00 --input 0xc0ffee

expect "push, add and return" "Config: $codename
Executing on Cancun with 100 gas limit

Result:   success
Gas used: 12
Output:   $word3" --vm "$codename" run 6001600201f3 --gas 100

expect "revert echoes the input" "Config: $codename
Executing on Cancun with 1000000 gas limit

Result:   revert
Gas used: 3
Output:   abcd" --vm "$codename" run fd --input abcd

expect "undefined instruction uses all gas" "Config: $codename
Executing on Cancun with 500 gas limit

Result:   undefined instruction
Gas used: 500" --vm "$codename" run fe00 --gas 500

expect "out of gas" "Config: $codename
Executing on Cancun with 11 gas limit

Result:   out of gas
Gas used: 11" --vm "$codename" run 6001600201f3 --gas 11

jar_in_plugins="$plugins/$(basename "$jar")"
expect "selected by jar path" "Config: $jar_in_plugins
Executing on Cancun with 1000000 gas limit

Result:   success
Gas used: 0
Output:   0102" --vm "$jar_in_plugins" run 00 --input 0102

# The conformance suite through the command line: exit status 0 and no FAIL line.
suite_status=0
suite="$(java -jar "$dvmc_jar" --plugins-dir "$plugins" --vm "$codename" test-vm 2>&1)" || suite_status=$?
if [[ $suite_status -ne 0 ]] || grep -q "^FAIL" <<<"$suite" || ! grep -q "^PASS abi-version" <<<"$suite"; then
    fail "dvmc --vm "$codename" test-vm exited with $suite_status"
    echo "$suite" >&2
else
    echo "check.sh: ok   test-vm ($(grep -c '^PASS' <<<"$suite") checks passed)"
fi

if [[ $failures -ne 0 ]]; then
    echo "check.sh: $failures check(s) failed" >&2
    exit 1
fi
echo "check.sh: the archetype's VM project builds, passes its tests, loads from a plugins directory and runs as expected"
