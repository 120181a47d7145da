#!/usr/bin/env bash
# A/B cold start of two dvmc builds: `run 30600052596000f3` on the trans_log plugin, runs paired and interleaved
# (A, B, A, B, ...) so that the machine's load hits both alike. Used to check that a change of the CLI does not
# slow its cold start; benchmarks/cold-start.sh measures one build against a bare JVM.
#
# Usage (from anywhere, after a build): benchmarks/ab-cold-start.sh BEFORE_DVMC_JAR AFTER_DVMC_JAR [PAIRS]
# PAIRS defaults to 60. Each jar is copied to a temporary directory and gets its own class-data archive, made as
# the CLI's package step makes it (a training run of `run` and of `vms`, then -Xshare:dump), because an archive
# is valid only for the jar path it was made with. Each is then run as ./dvmc runs it (C1 only, the archive) and
# as plain `java -jar`. Prints per way and build the median and minimum wall time, and the median of the
# paired differences (after − before), which a busy machine disturbs less than either median.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="$1"
AFTER="$2"
PAIRS="${3:-60}"
CODE=30600052596000f3
PLUGINS=plugins
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for build in before after; do
    jar=$BEFORE
    [[ $build == after ]] && jar=$AFTER
    mkdir -p "$work/$build"
    cp "$jar" "$work/$build/dvmc.jar"
    dir="$work/$build"
    java -XX:DumpLoadedClassList="$dir/run.classlist" -jar "$dir/dvmc.jar" --plugins-dir "$PLUGINS" --vm trans_log \
        run $CODE >/dev/null
    java -XX:DumpLoadedClassList="$dir/vms.classlist" -jar "$dir/dvmc.jar" --plugins-dir "$PLUGINS" vms >/dev/null
    # The same filter as the package step (host/cli/pom.xml): JDK 17's dump cannot archive these lambdas.
    cat "$dir/run.classlist" "$dir/vms.classlist" | grep -Ev '^@lambda-proxy .*(picocli/|org/dvmc/vm/)' \
        >"$dir/dvmc.classlist"
    for attempt in 1 2 3; do
        java -Xshare:dump -XX:SharedClassListFile="$dir/dvmc.classlist" -XX:SharedArchiveFile="$dir/dvmc.jsa" \
            -jar "$dir/dvmc.jar" >/dev/null 2>&1 && break
    done
done

wall_micros() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
}

samples="$work/samples"
for ((pair = 1; pair <= PAIRS; pair++)); do
    for way in launcher plain; do
        line="$way"
        for build in before after; do
            dir="$work/$build"
            if [[ $way == launcher ]]; then
                line="$line $(wall_micros java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData \
                    -XX:SharedArchiveFile="$dir/dvmc.jsa" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
                    -jar "$dir/dvmc.jar" --plugins-dir "$PLUGINS" --vm trans_log run $CODE)"
            else
                line="$line $(wall_micros java -jar "$dir/dvmc.jar" --plugins-dir "$PLUGINS" --vm trans_log run $CODE)"
            fi
        done
        echo "$line" >>"$samples"
    done
done

echo "# A/B cold start, $(date -u +%Y-%m-%dT%H:%MZ), $PAIRS pairs, $(java -version 2>&1 | head -1),"\
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# before: $BEFORE"
echo "# after:  $AFTER"
for way in launcher plain; do
    awk -v way="$way" '$1 == way { print $2, $3 }' "$samples" | python3 -c '
import statistics, sys
rows = [tuple(int(v) / 1000 for v in line.split()) for line in sys.stdin]
before = [r[0] for r in rows]; after = [r[1] for r in rows]
print(f"{sys.argv[1]:9} before median {statistics.median(before):6.1f} ms (min {min(before):6.1f})"
      f"  after median {statistics.median(after):6.1f} ms (min {min(after):6.1f})"
      f"  median paired difference {statistics.median(a - b for b, a in rows):+5.1f} ms")' "$way"
done
