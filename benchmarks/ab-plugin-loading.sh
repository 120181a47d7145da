#!/usr/bin/env bash
# A/B comparison of two dvmc builds on the same plugin directories, runs interleaved (A, B, A, B, ...) so that
# the machine's load hits both alike. Used to check that a change does not slow plugin loading.
#
# Usage: benchmarks/ab-plugin-loading.sh BEFORE_DVMC_JAR AFTER_DVMC_JAR [RUNS]   (RUNS per jar and layout, default 15)
# Each jar is run like ./dvmc runs it: C1 only, and its class-data archive (the .jsa beside it) when present.
# Prints the median and minimum wall time per layout and jar, and the median CPU time (user + system, from
# /usr/bin/time), which a busy machine disturbs less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="$1"
AFTER="$2"
RUNS="${3:-15}"
BENCH_JAR=benchmarks/target/benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags_of() {
    local jar="$1" archive="${1%.jar}.jsa"
    local flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData)
    if [[ -f "$archive" ]]; then
        flags+=("-XX:SharedArchiveFile=$archive" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
    fi
    echo "${flags[@]}"
}

layouts=("1 0" "10 0" "100 0" "50 50")
for layout in "${layouts[@]}"; do
    read -r accepted rejected <<<"$layout"
    java -cp "$BENCH_JAR" org.dvmc.benchmarks.GeneratePluginJars "$work/$accepted+$rejected" "$accepted" "$rejected" >/dev/null
done
samples="$work/samples"
for ((run = 1; run <= RUNS; run++)); do
    for layout in "${layouts[@]}"; do
        read -r accepted rejected <<<"$layout"
        for side in before after; do
            jar=$BEFORE; [[ $side == after ]] && jar=$AFTER
            start=$(date +%s%N)
            # shellcheck disable=SC2046
            /usr/bin/time -f '%U %S' -o "$work/cpu" \
                java $(flags_of "$jar") -jar "$jar" --plugins-dir "$work/$accepted+$rejected" --vm bench_vm_0000 run 00 >/dev/null
            end=$(date +%s%N)
            cpu=$(awk '{ printf "%d", ($1 + $2) * 1000000 }' "$work/cpu")
            echo "$accepted+$rejected $side $(((end - start) / 1000)) $cpu" >>"$samples"
        done
    done
done
echo "# A/B plugin loading, $(date -u +%Y-%m-%dT%H:%MZ), $RUNS interleaved runs per jar and layout, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-7s %12s %12s %12s\n' layout jar "wall median" "wall min" "CPU median"
for layout in "${layouts[@]}"; do
    read -r accepted rejected <<<"$layout"
    for side in before after; do
        cpu=$(awk -v l="$accepted+$rejected" -v s="$side" '$1 == l && $2 == s { print $4 }' "$samples" | sort -n |
            awk '{ v[NR] = $1 } END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
        awk -v l="$accepted+$rejected" -v s="$side" '$1 == l && $2 == s { print $3 }' "$samples" | sort -n |
            awk -v l="$accepted+$rejected" -v s="$side" -v c="$cpu" '{ v[NR] = $1 } END {
                m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                printf "%-10s %-7s %9.1f ms %9.1f ms %9.1f ms\n", l, s, m / 1000, v[1] / 1000, c / 1000 }'
    done
done
