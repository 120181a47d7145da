package org.dvmc.host.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One named check of the {@link ConformanceSuite}, not yet run. Immutable; {@link #run()} may be
 * called any number of times, from any thread, and makes its own VM instances.
 *
 * @param name        a short, stable, lower-case name such as {@code "call-fe00"}, used in reports
 * @param description what the check verifies, one sentence
 * @param timeout     how long {@link #run()} waits for the procedure before failing the check; positive
 * @param procedure   the work: returns a pass detail, or throws {@link ConformanceFailure} (or anything)
 */
public record ConformanceCheck(String name, String description, Duration timeout, Procedure procedure) {

    /** The body of a check. */
    @FunctionalInterface
    public interface Procedure {
        /**
         * Runs the check.
         *
         * @return a one-line detail of what passed, e.g. {@code "12 equals the host's 12"}
         * @throws ConformanceFailure when the VM breaks the contract
         * @throws Exception          anything else also fails the check, reported with its class name
         */
        String verify() throws Exception;
    }

    /**
     * Checks the fields.
     *
     * @param name        a short, stable, lower-case name
     * @param description what the check verifies, one sentence
     * @param timeout     how long {@link #run()} waits, positive
     * @param procedure   the work
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public ConformanceCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(procedure, "procedure");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("conformance check timeout must be positive but was " + timeout);
        }
    }

    /**
     * Runs the procedure on a fresh daemon thread and waits at most {@link #timeout()} for it, so a VM
     * that never returns fails the check instead of hanging the caller.
     *
     * @return the outcome; never null, never throws (every throwable becomes a failure naming it)
     */
    public CheckResult run() {
        FutureTask<String> task = new FutureTask<>(procedure::verify);
        Thread worker = new Thread(task, "dvmc-conformance-" + name);
        worker.setDaemon(true);
        // In nanoseconds, saturating: a sub-millisecond timeout stays positive, a huge one (no limit) does not overflow.
        long waitNanos = TimeUnit.NANOSECONDS.convert(timeout);
        try {
            worker.start();
            String detail = task.get(waitNanos, TimeUnit.NANOSECONDS);
            return CheckResult.pass(name, detail == null ? "passed" : detail);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ConformanceFailure failure) {
                return CheckResult.fail(name, failure.getMessage());
            }
            return CheckResult.fail(name, "threw " + Throwables.describe(cause)
                    + "; no method of a VM may let an exception out");
        } catch (TimeoutException e) {
            worker.interrupt();
            return CheckResult.fail(name, "did not finish within " + describe(timeout) + "; every call into"
                    + " a VM must return, and gas bounds every execution");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return CheckResult.fail(name, "interrupted before it finished");
        } catch (Throwable t) {
            // e.g. OutOfMemoryError while starting the thread: still a result, never an exception.
            return CheckResult.fail(name, "could not run: " + Throwables.describe(t));
        }
    }

    /** {@code 10000 ms}, or {@code 0.5 ms} below a millisecond: the timeout as the failure names it. */
    private static String describe(Duration timeout) {
        if (timeout.compareTo(Duration.ofMillis(1)) < 0) {
            return timeout.toNanos() / 1e6 + " ms";
        }
        if (timeout.compareTo(Duration.ofDays(1)) > 0) {
            return timeout.toString();
        }
        return timeout.toMillis() + " ms";
    }
}
