#!/usr/bin/env bash
# Whole-process cold-start figures: `dvmc --vm trans_log run 30600052596000f3` beside a bare JVM hello world,
# measured alternately in one run on the same machine, so the ratio holds whatever the machine.
#
# Usage (from anywhere, after `mvn -B install` built the CLI jar, the trans_log plugin and this module):
#   benchmarks/cold-start.sh [RUNS]          # RUNS per command, default 20
#   benchmarks/cold-start.sh --ideas [RUNS]  # also each start-up flag of the launcher alone and combined
#
# Each run is one fresh process under `/usr/bin/time -v` (peak RSS, user and system CPU); the wall time is
# taken with nanosecond resolution around it (GNU time prints it in 10 ms steps only). Printed and written to
# benchmarks/results/cold-start.txt: median and min wall, median CPU (user+sys) and median/max peak RSS per
# command, and each command's median wall over the hello world's. If `hyperfine` is installed, it also
# times the same commands (3 warm-up runs, then RUNS) into benchmarks/results/cold-start-hyperfine.md/.json.
#
# Commands compared (a missing one is skipped with a note):
#   hello      java -cp benchmarks/target/classes org.dvmc.benchmarks.Hello      (the baseline)
#   dvmc       ./dvmc --plugins-dir plugins --vm trans_log run 30600052596000f3  (the launcher users run)
#   java-jar   java -jar host/cli/target/dvmc.jar --plugins-dir plugins ...    (the jar without launcher flags)
# and with --ideas, `java FLAGS -jar host/cli/target/dvmc.jar ...` for these FLAGS:
#   c1         -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1
#   cds        -XX:SharedArchiveFile=host/cli/target/dvmc.jsa
#   cds+c1     both
#   launcher   both, -XX:-UsePerfData and -XX:ArchiveRelocationMode=0: the launcher's flags without bash
#   +serialgc  the launcher's flags and -XX:+UseSerialGC (the archive's heap objects then go unused)
set -euo pipefail
cd "$(dirname "$0")/.."

IDEAS=false
if [[ "${1:-}" == --ideas ]]; then
    IDEAS=true
    shift
fi
RUNS="${1:-20}"
CODE=30600052596000f3
RESULTS=benchmarks/results
mkdir -p "$RESULTS"

if [[ ! -x /usr/bin/time ]]; then
    echo "cold-start: /usr/bin/time is missing; install GNU time (Debian: apt-get install -y time)" >&2
    exit 2
fi
if [[ ! -d benchmarks/target/classes/org/dvmc/benchmarks ]]; then
    echo "cold-start: benchmarks/target/classes is missing; build first: mvn -B install" >&2
    exit 2
fi

names=(hello)
commands=("java -cp benchmarks/target/classes org.dvmc.benchmarks.Hello")
if [[ -x ./dvmc ]]; then
    names+=(dvmc)
    commands+=("./dvmc --plugins-dir plugins --vm trans_log run $CODE")
else
    echo "cold-start: ./dvmc launcher not found; skipping it" >&2
fi
if [[ -f host/cli/target/dvmc.jar ]]; then
    names+=(java-jar)
    commands+=("java -jar host/cli/target/dvmc.jar --plugins-dir plugins --vm trans_log run $CODE")
else
    echo "cold-start: host/cli/target/dvmc.jar not found; skipping it (build it: mvn -B install)" >&2
fi
if $IDEAS; then
    jar_run="-jar host/cli/target/dvmc.jar --plugins-dir plugins --vm trans_log run $CODE"
    c1="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
    cds="-XX:SharedArchiveFile=host/cli/target/dvmc.jsa"
    launcher="$c1 -XX:-UsePerfData $cds -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
    names+=(c1 cds cds+c1 launcher +serialgc)
    commands+=("java $c1 $jar_run" "java $cds $jar_run" "java $cds $c1 $jar_run" "java $launcher $jar_run"
        "java $launcher -XX:+UseSerialGC $jar_run")
fi

# Every command must work before it is timed: a fast failure is not a cold start.
for i in "${!names[@]}"; do
    if ! out=$(${commands[$i]} 2>&1); then
        echo "cold-start: '${commands[$i]}' failed:" >&2
        echo "$out" >&2
        exit 1
    fi
    if [[ "${names[$i]}" != hello ]] && ! grep -q '^Result: *success' <<<"$out"; then
        echo "cold-start: '${commands[$i]}' did not print 'Result: success':" >&2
        echo "$out" >&2
        exit 1
    fi
done

samples=$(mktemp)
timefile=$(mktemp)
trap 'rm -f "$samples" "$timefile"' EXIT

# One warm-up round so the page cache holds every jar; it is not recorded.
for i in "${!names[@]}"; do ${commands[$i]} >/dev/null 2>&1; done

for ((run = 1; run <= RUNS; run++)); do
    for i in "${!names[@]}"; do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$timefile" ${commands[$i]} >/dev/null 2>&1
        end=$(date +%s%N)
        awk -v name="${names[$i]}" -v wall_ns=$((end - start)) -F': ' '
            /User time \(seconds\)/ { user = $2 }
            /System time \(seconds\)/ { sys = $2 }
            /Maximum resident set size/ { rss = $2 }
            END { printf "%s %.3f %.3f %d\n", name, wall_ns / 1e6, (user + sys) * 1000, rss }
        ' "$timefile" >>"$samples"
    done
done

report() {
    echo "# Cold start, $(date -u +%Y-%m-%dT%H:%MZ), $RUNS runs per command, alternating"
    echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
        "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for i in "${!names[@]}"; do echo "# ${names[$i]}: ${commands[$i]}"; done
    printf '%-9s %10s %10s %12s %14s %13s %9s\n' command "wall med" "wall min" "CPU med" "RSS med" "RSS max" "vs hello"
    local hello_wall=""
    for name in "${names[@]}"; do
        local walls cpus rsss
        walls=$(awk -v n="$name" '$1 == n { print $2 }' "$samples" | sort -n)
        cpus=$(awk -v n="$name" '$1 == n { print $3 }' "$samples" | sort -n)
        rsss=$(awk -v n="$name" '$1 == n { print $4 }' "$samples" | sort -n)
        local wall_med wall_min cpu_med rss_med rss_max
        wall_med=$(median <<<"$walls")
        wall_min=$(head -1 <<<"$walls")
        cpu_med=$(median <<<"$cpus")
        rss_med=$(median <<<"$rsss")
        rss_max=$(tail -1 <<<"$rsss")
        [[ "$name" == hello ]] && hello_wall="$wall_med"
        printf '%-9s %7.1f ms %7.1f ms %9.0f ms %9.1f MiB %8.1f MiB %8.2fx\n' "$name" "$wall_med" "$wall_min" \
            "$cpu_med" "$(awk -v k="$rss_med" 'BEGIN { print k / 1024 }')" \
            "$(awk -v k="$rss_max" 'BEGIN { print k / 1024 }')" \
            "$(awk -v w="$wall_med" -v h="$hello_wall" 'BEGIN { print w / h }')"
    done
    echo "# CPU = user + system time from /usr/bin/time (10 ms resolution); RSS = its 'Maximum resident set size'"
}

median() {
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report | tee "$RESULTS/cold-start.txt"

if command -v hyperfine >/dev/null; then
    args=()
    for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown "$RESULTS/cold-start-hyperfine.md" \
        --export-json "$RESULTS/cold-start-hyperfine.json" "${args[@]}" >/dev/null 2>&1 \
        && cat "$RESULTS/cold-start-hyperfine.md"
fi
