package org.dvmc.benchmarks.nativevm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Message;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;

/**
 * The figures of {@link NativeTransLogBenchmark} in thread CPU time, the counterpart of bench_driver.cpp's CPU
 * column: per program and VM, executions in batches after a warm-up, timed by the thread's CPU clock, which does
 * not count time spent waiting for a core. On a machine shared with other work the wall-clock JMH figures scatter
 * by 100 % and more; CPU time stays within a few percent, so the bridge's cost (native vs bench_driver.cpp) and
 * the cost of one callback (sload-100 − sload-0, / 100) can still be read. JIT and cache effects are the same as
 * in JMH; what it leaves out is the run-to-run statistics. Run by benchmarks-native/run.sh.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks-native.jar
 * org.dvmc.benchmarks.nativevm.CpuTimeRunner [SECONDS_PER_CASE]}
 */
public final class CpuTimeRunner {

    private CpuTimeRunner() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] programs = {"address", "calldata", "counter", "push32", "sload-0", "sload-100", "sload-0-trivial", "sload-100-trivial"};
        try (VmLoader loader = NativeSetup.loader()) {
            for (String vmName : new String[] {"native", "java"}) {
                for (String programName : programs) {
                    NativeSetup.Program program = NativeSetup.program(programName);
                    Vm vm = NativeSetup.open(vmName, loader, program);
                    MockedHost host = program.newHost();
                    Message message = program.message();
                    run(vm, host, message, program, 200_000);
                    long iterations = 0;
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    while (System.nanoTime() - wallStart < seconds * 1e9) {
                        run(vm, host, message, program, 10_000);
                        iterations += 10_000;
                    }
                    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                    long wall = System.nanoTime() - wallStart;
                    System.out.printf("%-7s %-17s %8.1f ns/execution CPU, %8.1f wall (%d executions)%n", vmName,
                            programName, (double) cpu / iterations, (double) wall / iterations, iterations);
                    vm.close();
                }
            }
        }
    }

    private static void run(Vm vm, MockedHost host, Message message, NativeSetup.Program program, int n) {
        for (int i = 0; i < n; i++) {
            vm.retrieveDescVx(host, Revision.CANCUN, message, program.code()).close();
        }
    }
}
