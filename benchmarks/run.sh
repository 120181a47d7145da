#!/usr/bin/env bash
# Runs every JMH benchmark of the project and writes the results:
#   benchmarks/results/jmh.json   JMH's JSON (every figure with its error, settings and secondary counters)
#   benchmarks/results/jmh.txt    the human-readable log and summary table
#
# Usage:
#   benchmarks/run.sh                   # every JMH benchmark, about 10 minutes on 2 cores
#   benchmarks/run.sh TransLog          # only benchmarks whose name matches a regex
#   benchmarks/run.sh -f 1 -wi 1 -i 1   # any other JMH options override the per-benchmark defaults
#   benchmarks/run.sh --all             # also the whole-process figures: cold-start.sh --ideas, plugin-loading.sh
#
# Forks, warm-up and measurement iterations are set per benchmark class with annotations (see
# docs/PERFORMANCE.md); the normal build compiles and packages the benchmarks but never runs them.
# From a clean clone the script first builds what it needs (mvn install without tests).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=false
if [[ "${1:-}" == --all ]]; then
    ALL=true
    shift
fi
JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" || ! -f host/cli/target/dvmc.jar ]]; then
    echo "run.sh: $JAR or the dvmc jar is missing; building them (mvn -B -DskipTests install)" >&2
    mvn -B -q -DskipTests install
fi
mkdir -p benchmarks/results
java -jar "$JAR" -rf json -rff benchmarks/results/jmh.json "$@" 2>&1 | tee benchmarks/results/jmh.txt
if $ALL; then
    benchmarks/cold-start.sh --ideas
    benchmarks/plugin-loading.sh
fi
