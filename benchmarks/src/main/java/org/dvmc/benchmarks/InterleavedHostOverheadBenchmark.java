package org.dvmc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Result;
import org.dvmc.spi.Vm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The host's overhead measured so that machine noise cancels: {@link HostOverheadBenchmark}'s three ways of
 * calling trans_log, timed in alternating batches of {@value #BATCH} calls within one thread of one JVM.
 *
 * <p>Why: on a shared 2-core machine the speed of the same code drifts by tens of percent from second to
 * second, far more than the few percent measured here; runs of each way one after the other (as JMH runs
 * separate benchmarks) then compare different machine states. Interleaving the batches every few
 * milliseconds (rotating which way goes first) exposes all three to the same states.
 *
 * <p>The primary score (time per round of three batches) is only bookkeeping; the result is in the secondary
 * counters, sums per iteration: {@code directNanos}, {@code pluginVmNanos}, {@code hostCallNanos} and
 * {@code callsPerWay}. Overhead = {@code hostCallNanos / directNanos - 1}; the trial teardown also prints it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterleavedHostOverheadBenchmark {

    /** Calls per batch: about a millisecond each, far shorter than the machine's drifts. */
    static final int BATCH = 5_000;

    /** Which example of {@link Examples} runs. */
    @Param({"address", "counter"})
    public String example;

    private Example program;
    private MockedHost host;
    private TransLogCallPaths paths;
    private Vm direct;
    private LoadedVm loaded;
    private int round;

    /** Creates both VMs, loads the plugin, and checks all three ways on the example. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        program = Examples.named(example);
        paths = TransLogCallPaths.open(program);
        direct = paths.direct();
        loaded = paths.loaded();
        host = program.newHost();
    }

    /**
     * One round: a batch of each way, the order rotating from round to round.
     *
     * @param totals the iteration's counters
     * @param sink   consumes the results
     */
    @Benchmark
    public void round(InterleavedTotals totals, Blackhole sink) {
        int first = round++ % 3;
        for (int i = 0; i < 3; i++) {
            switch ((first + i) % 3) {
                case 0 -> totals.directNanos += directBatch(sink);
                case 1 -> totals.pluginVmNanos += pluginVmBatch(sink);
                default -> totals.hostCallNanos += hostCallBatch(sink);
            }
        }
        totals.callsPerWay += BATCH;
    }

    private long directBatch(Blackhole sink) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            Result result = direct.retrieveDescVx(host, program.revision(), program.message(), program.code());
            result.close();
            sink.consume(result);
        }
        return System.nanoTime() - start;
    }

    private long pluginVmBatch(Blackhole sink) {
        Vm vm = loaded.vm();
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            Result result = vm.retrieveDescVx(host, program.revision(), program.message(), program.code());
            result.close();
            sink.consume(result);
        }
        return System.nanoTime() - start;
    }

    private long hostCallBatch(Blackhole sink) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            Result result = loaded.execute(host, program.revision(), program.message(), program.code());
            result.close();
            sink.consume(result);
        }
        return System.nanoTime() - start;
    }

    /** Closes the VMs and the loader. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        paths.close();
    }
}
