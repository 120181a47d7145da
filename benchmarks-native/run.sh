#!/usr/bin/env bash
# The native-VM benchmarks (docs/PERFORMANCE.md, "Native VMs"), on a JDK 22+:
#   1. the C++ baseline: bench_driver.cpp drives libtrans_log_vm.so with a C++ loop and host;
#   2. CpuTimeRunner: the same programs through the bridge and on the Java trans_log, in thread CPU time;
#      ScalingRunner: 1 vs 2 threads on one instance, with plain threads (native and Java trans_log);
#   3. the JMH benchmarks of benchmarks-native.jar: the same library through the bridge, the Java trans_log,
#      one host callback (SLOAD) through an upcall, and 1 vs 2 threads.
# Usage: benchmarks-native/run.sh [JMH options, e.g. -f 1 -wi 2 -i 3 or a benchmark regex]
#        benchmarks-native/run.sh --no-jmh     # only the C++ loop, the CPU-time and the scaling runners (about 2 minutes)
# Builds what it needs first (mvn install -DskipTests with the JDK 22+ tools/jdk22.sh finds).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/jdk22.sh
if ! dvmc_find_jdk22; then
  echo "benchmarks-native/run.sh: needs a JDK 22 or newer (set DVMC_JDK22_HOME)" >&2
  exit 1
fi
jar=benchmarks-native/target/benchmarks-native.jar
library=vms/trans_log_native/target/classes/native/linux-x86_64/libtrans_log_vm.so
if [ ! -f "$jar" ] || [ ! -f "$library" ]; then
  mvn -B -q -ntp -DskipTests install "-Ddvmc.jdk22.home=$dvmc_jdk22_home"
fi
mkdir -p benchmarks/results
g++ -std=c++17 -O2 -I native/include -I vms/trans_log_native/test benchmarks-native/src/main/cpp/bench_driver.cpp \
  -o benchmarks-native/target/bench_driver -ldl
echo "== C++ loop over $library"
benchmarks-native/target/bench_driver "$library" 2 | tee benchmarks/results/native-cpp.txt
echo "== The same through the bridge and the Java trans_log, in thread CPU time, on $dvmc_jdk22_home"
"$dvmc_jdk22_home/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$jar" org.dvmc.benchmarks.nativevm.CpuTimeRunner 2 | tee benchmarks/results/native-cpu-time.txt
echo "== 1 vs 2 threads on one instance (plain threads), on $dvmc_jdk22_home"
"$dvmc_jdk22_home/bin/java" --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$jar" org.dvmc.benchmarks.nativevm.ScalingRunner | tee benchmarks/results/native-scaling.txt
[ "${1:-}" = --no-jmh ] && exit 0
echo "== JMH on $dvmc_jdk22_home"
"$dvmc_jdk22_home/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" -rf json \
  -rff benchmarks/results/jmh-native.json "$@" 2>&1 | tee benchmarks/results/jmh-native.txt
