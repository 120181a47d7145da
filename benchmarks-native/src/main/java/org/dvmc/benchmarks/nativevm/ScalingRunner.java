package org.dvmc.benchmarks.nativevm;

import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;

/**
 * 1 → 2-thread scaling of one VM instance, measured with plain threads: the counterpart of
 * {@link NativeScalingBenchmark} for a machine where JMH's two-thread iterations come out bimodal (on the
 * project's 2-vCPU machine, idle, iterations of one fork alternate between about 11 and 7 executions/µs, so the
 * JMH mean says little). Per VM ({@code native}: trans_log_native through the bridge; {@code java}: the Java
 * trans_log) and per round: a fixed number of executions of the {@code address} program on one thread, then the
 * same number on each of two threads started together (each with its own host, as in the JMH benchmark); the
 * ratio of the two throughputs is the round's scaling. The first rounds warm up; the median of the rest is
 * printed with its range. Run by benchmarks-native/run.sh.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks-native.jar
 * org.dvmc.benchmarks.nativevm.ScalingRunner [EXECUTIONS_PER_THREAD [ROUNDS]]}
 */
public final class ScalingRunner {

    private static final int WARM_UP_ROUNDS = 2;

    private ScalingRunner() {
    }

    public static void main(String[] args) throws Exception {
        long executions = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        NativeSetup.Program program = NativeSetup.program("address");
        try (VmLoader loader = NativeSetup.loader()) {
            for (String vmName : new String[] {"native", "java"}) {
                Vm vm = NativeSetup.open(vmName, loader, program);
                double[] one = new double[rounds];
                double[] two = new double[rounds];
                double[] ratio = new double[rounds];
                for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
                    double single = perMicrosecond(vm, program, 1, executions);
                    double both = perMicrosecond(vm, program, 2, executions);
                    if (round >= WARM_UP_ROUNDS) {
                        int i = round - WARM_UP_ROUNDS;
                        one[i] = single;
                        two[i] = both;
                        ratio[i] = both / single;
                    }
                }
                System.out.printf("%-7s address, one instance: 1 thread %.2f, 2 threads %.2f executions/µs (medians of"
                                + " %d rounds); 2 threads / 1 thread = %.2f× (median; range %.2f–%.2f)%n", vmName,
                        median(one), median(two), rounds, median(ratio), min(ratio), max(ratio));
                vm.close();
            }
        }
    }

    /** Executions per microsecond of all {@code threads} together, each running {@code executions}. */
    private static double perMicrosecond(Vm vm, NativeSetup.Program program, int threads, long executions)
            throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                MockedHost host = program.newHost();
                Message message = program.message();
                Bytes code = program.code();
                await(start);
                for (long i = 0; i < executions; i++) {
                    vm.retrieveDescVx(host, Revision.CANCUN, message, code).close();
                }
            }, "scaling-" + t);
            workers[t].start();
        }
        await(start);
        long begin = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double micros = (System.nanoTime() - begin) / 1e3;
        return threads * executions / micros;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
