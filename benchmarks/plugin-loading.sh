#!/usr/bin/env bash
# Whole-process plugin loading, and proof that ABI-rejected jars cost no class loading.
#
# Usage (after `mvn -B install`): benchmarks/plugin-loading.sh [RUNS]     # RUNS per directory, default 10
#
# 1. Generates plugin directories with the benchmark jar's generator (copies of the trans_log plugin, each with
#    its own Plugin-Id and factory): 1, 10 and 100 accepted jars, 50 accepted, and 50 accepted + 50 whose
#    manifest says Dvmc-Abi-Version 11.
# 2. Times `./dvmc --plugins-dir DIR --vm bench_vm_0000 run 00` on each (a fresh JVM each time, runs
#    alternating between directories): scan + ABI gate + start of every accepted plugin + one VM + one run.
# 3. Runs `dvmc vms` on the 50+50 directory with -Xlog:class+load and counts the classes loaded from each
#    kind of jar: the rejected ones must show none.
# Writes benchmarks/results/plugin-loading.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-10}"
RESULTS=benchmarks/results
BENCH_JAR=benchmarks/target/benchmarks.jar
DVMC_JAR=host/cli/target/dvmc.jar
for file in "$BENCH_JAR" "$DVMC_JAR"; do
    if [[ ! -f "$file" ]]; then
        echo "plugin-loading: $file is missing; build first: mvn -B install" >&2
        exit 2
    fi
done
mkdir -p "$RESULTS"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

layouts=("1 0" "10 0" "50 0" "100 0" "50 50")
for layout in "${layouts[@]}"; do
    read -r accepted rejected <<<"$layout"
    java -cp "$BENCH_JAR" org.dvmc.benchmarks.GeneratePluginJars "$work/$accepted+$rejected" "$accepted" "$rejected" >/dev/null
done

# Each directory must work before it is timed.
for layout in "${layouts[@]}"; do
    read -r accepted rejected <<<"$layout"
    ./dvmc --plugins-dir "$work/$accepted+$rejected" --vm bench_vm_0000 run 00 | grep -q '^Result: *success' || {
        echo "plugin-loading: dvmc failed on $accepted+$rejected" >&2
        exit 1
    }
done

samples="$work/samples"
for ((run = 1; run <= RUNS; run++)); do
    for layout in "${layouts[@]}"; do
        read -r accepted rejected <<<"$layout"
        start=$(date +%s%N)
        ./dvmc --plugins-dir "$work/$accepted+$rejected" --vm bench_vm_0000 run 00 >/dev/null
        end=$(date +%s%N)
        echo "$accepted+$rejected $(((end - start) / 1000))" >>"$samples"
    done
done

log="$work/classes.log"
java -Xlog:class+load=info:file="$log" -jar "$DVMC_JAR" --plugins-dir "$work/50+50" vms >/dev/null
from_accepted=$(grep -c 'source: .*/accepted-bench_vm_' "$log" || true)
from_rejected=$(grep -c 'source: .*/rejected-bench_vm_' "$log" || true)
accepted_jars=$(grep -o 'source: .*/accepted-bench_vm_[0-9]*\.jar' "$log" | sort -u | wc -l)

{
    echo "# Plugin loading, $(date -u +%Y-%m-%dT%H:%MZ), $RUNS runs per directory, alternating"
    echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
        "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# command: ./dvmc --plugins-dir DIR --vm bench_vm_0000 run 00 (whole process, cold JVM)"
    printf '%-14s %12s %12s\n' "accepted+rej." "wall median" "wall min"
    for layout in "${layouts[@]}"; do
        read -r accepted rejected <<<"$layout"
        awk -v l="$accepted+$rejected" '$1 == l { print $2 }' "$samples" | sort -n |
            awk -v l="$accepted+$rejected" '{ v[NR] = $1 } END {
                m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                printf "%-14s %9.1f ms %9.1f ms\n", l, m / 1000, v[1] / 1000 }'
    done
    echo
    echo "# java -Xlog:class+load -jar $DVMC_JAR --plugins-dir <50 accepted + 50 rejected> vms"
    echo "classes loaded from the 50 accepted jars: $from_accepted (from $accepted_jars distinct jars)"
    echo "classes loaded from the 50 ABI-rejected jars: $from_rejected"
} | tee "$RESULTS/plugin-loading.txt"

if [[ "$from_rejected" != 0 ]]; then
    echo "plugin-loading: classes were loaded from ABI-rejected jars" >&2
    exit 1
fi
