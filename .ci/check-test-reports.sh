#!/usr/bin/env bash
# Fails when a Surefire or Failsafe report counts 0 tests for a test class. Such a report hid the tests of
# classes made of @Nested groups before surefire 3.6 (SUREFIRE-2298); this keeps that from coming back.
# Run after the Maven build, from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob globstar
reports=(**/target/surefire-reports/TEST-*.xml **/target/failsafe-reports/TEST-*.xml)
if [[ ${#reports[@]} -eq 0 ]]; then
    echo "check-test-reports: no test reports found; run the Maven build first" >&2
    exit 2
fi
empty=()
for report in "${reports[@]}"; do
    if head -c 2000 "$report" | grep -q '<testsuite [^>]* tests="0"'; then
        empty+=("$report")
    fi
done
if [[ ${#empty[@]} -ne 0 ]]; then
    echo "check-test-reports: these reports count 0 tests (see the surefire version note in pom.xml):" >&2
    printf '  %s\n' "${empty[@]}" >&2
    exit 1
fi
echo "check-test-reports: ${#reports[@]} test reports, none counting 0 tests"
