package org.dvmc.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The counters of {@link InterleavedHostOverheadBenchmark}: nanoseconds spent in each way of calling during one
 * iteration, and the calls each way made. JMH reports each public field as a secondary result, summed per
 * iteration. At the end of the trial it prints the ratios over all iterations, warm-up included.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class InterleavedTotals {

    /** Nanoseconds in batches of the class-path VM called directly. */
    public long directNanos;
    /** Nanoseconds in batches of the plugin's VM called without the host's guard. */
    public long pluginVmNanos;
    /** Nanoseconds in batches of the host's guarded call. */
    public long hostCallNanos;
    /** Calls made by each way. */
    public long callsPerWay;

    private long trialDirect;
    private long trialPluginVm;
    private long trialHostCall;

    /** Starts each iteration from zero, keeping the previous one's totals for the summary. */
    @Setup(Level.Iteration)
    public void startIteration() {
        trialDirect += directNanos;
        trialPluginVm += pluginVmNanos;
        trialHostCall += hostCallNanos;
        directNanos = 0;
        pluginVmNanos = 0;
        hostCallNanos = 0;
        callsPerWay = 0;
    }

    /** Prints hostCall/direct, pluginVm/direct and hostCall/pluginVm over the whole trial. */
    @TearDown(Level.Trial)
    public void summarize() {
        startIteration();
        System.out.printf("%n[interleaved] hostCall/direct = %.3f, pluginVm/direct = %.3f, hostCall/pluginVm = %.3f%n",
                (double) trialHostCall / trialDirect, (double) trialPluginVm / trialDirect,
                (double) trialHostCall / trialPluginVm);
    }
}
