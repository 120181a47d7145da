package org.dvmc.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The counters of {@link InterleavedScalingBenchmark}: nanoseconds spent in the one-thread and in the two-thread
 * phases during one iteration, and the executions each phase made. JMH reports each public field as a
 * secondary result, summed per iteration. At the end of the trial it prints the scaling over all iterations.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ScalingTotals {

    /** Nanoseconds of the phases in which one thread executes. */
    public long oneThreadNanos;
    /** Executions made in those phases. */
    public long oneThreadExecutions;
    /** Nanoseconds of the phases in which two threads execute at once (until both are done). */
    public long twoThreadNanos;
    /** Executions made in those phases, both threads together. */
    public long twoThreadExecutions;

    private double trialOne;
    private double trialTwo;

    /** Starts each iteration from zero, keeping the previous one's totals for the summary. */
    @Setup(Level.Iteration)
    public void startIteration() {
        if (oneThreadNanos > 0 && twoThreadNanos > 0) {
            trialOne += oneThreadNanos;
            trialTwo += twoThreadNanos;
        }
        oneThreadNanos = 0;
        oneThreadExecutions = 0;
        twoThreadNanos = 0;
        twoThreadExecutions = 0;
    }

    /** Prints the two-thread throughput over the one-thread throughput, over the whole trial. */
    @TearDown(Level.Trial)
    public void summarize() {
        startIteration();
        // Each phase makes the same executions per thread, so the scaling is 2 * t(one) / t(two).
        System.out.printf("%n[interleaved] 2-thread / 1-thread throughput = %.3f%n", 2 * trialOne / trialTwo);
    }
}
