package org.dvmc.host.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dvmc.spi.Result;
import org.dvmc.spi.Vm;

/**
 * The checks that compare results: the same execution twice on one instance (state kept between
 * calls), and many threads on one instance against one thread (state shared between calls).
 */
final class ComparisonChecks {

    /** Threads executing at once in the concurrency check. */
    static final int THREADS = 8;
    /** Executions per thread in the concurrency check. */
    static final int RUNS_PER_THREAD = 300;

    private ComparisonChecks() {
    }

    static String independence(VmSource source) {
        return source.withInstance(vm -> {
            List<Execution> executions = Programs.comparisonSet();
            List<Result> first = runAll(vm, executions);
            List<Result> second = runAll(vm, executions);
            for (int i = 0; i < executions.size(); i++) {
                if (!first.get(i).equals(second.get(i))) {
                    throw new ConformanceFailure(executions.get(i).label() + " gave " + ResultRules.describe(first.get(i))
                            + " the first time but " + ResultRules.describe(second.get(i))
                            + " the second time on the same instance; a VM must keep no state between executions");
                }
            }
            return executions.size() + " programs run twice on one instance give equal results";
        });
    }

    static String concurrency(VmSource source) {
        return source.withInstance(vm -> {
            List<Execution> executions = Programs.comparisonSet();
            List<Result> expected = runAll(vm, executions);
            AtomicReference<String> firstMismatch = new AtomicReference<>();
            AtomicInteger mismatches = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int threadIndex = t;
                Thread thread = new Thread(() -> {
                    awaitQuietly(start);
                    for (int run = 0; run < RUNS_PER_THREAD; run++) {
                        // Each thread walks the set in its own order, so different programs overlap.
                        int i = (run * 7 + threadIndex * 3) % executions.size();
                        String mismatch = compare(vm, executions.get(i), expected.get(i), threadIndex);
                        if (mismatch != null) {
                            mismatches.incrementAndGet();
                            firstMismatch.compareAndSet(null, mismatch);
                        }
                    }
                }, "dvmc-conformance-concurrency-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConformanceFailure("interrupted while " + THREADS + " threads were executing");
                }
            }
            int total = THREADS * RUNS_PER_THREAD;
            if (firstMismatch.get() != null) {
                throw new ConformanceFailure(mismatches.get() + " of " + total + " executions on " + THREADS
                        + " threads differ from one thread's results, first: " + firstMismatch.get()
                        + "; retrieveDescVx may be called concurrently on one instance and must keep no"
                        + " per-execution state in the VM object");
            }
            return THREADS + " threads x " + RUNS_PER_THREAD + " executions of " + executions.size()
                    + " programs on one instance give the single-thread results";
        });
    }

    /** Null when {@code execution} gives {@code expected} on this thread; otherwise what differed. */
    private static String compare(Vm vm, Execution execution, Result expected, int threadIndex) {
        try {
            Result actual = execution.runOn(vm);
            if (actual.equals(expected)) {
                return null;
            }
            return execution.label() + " gave " + ResultRules.describe(actual) + " on thread " + threadIndex
                    + " but " + ResultRules.describe(expected) + " alone";
        } catch (ConformanceFailure f) {
            return execution.label() + " on thread " + threadIndex + ": " + f.getMessage();
        } catch (Throwable t) {
            return execution.label() + " on thread " + threadIndex + ": " + Throwables.describe(t);
        }
    }

    private static List<Result> runAll(Vm vm, List<Execution> executions) {
        List<Result> results = new ArrayList<>(executions.size());
        for (Execution execution : executions) {
            results.add(execution.runOn(vm));
        }
        return results;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
