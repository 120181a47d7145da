package org.dvmc.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an execution (the C description's {@code dvmc_result}).
 *
 * <p>The values are immutable. A VM that keeps resources alive for a result (a pooled buffer, say)
 * attaches a release hook with {@link #withRelease(Runnable)}; whoever receives the result owns it
 * and calls {@link #close()} when done, preferably with try-with-resources. {@code close()} runs the
 * hook exactly once, however many times and from however many threads it is called; a result without
 * a hook needs no closing, but closing it is harmless. The values stay readable after closing.
 *
 * <p>Factory methods make a result in one line: {@link #success(long, Bytes)},
 * {@link #revert(long, Bytes)}, {@link #failure(StatusCode)}, {@link #internalError(Throwable)} and
 * the general {@link #of(StatusCode, long, long, Bytes)}.
 *
 * <p>By the contract, gas left is 0 and the output empty unless the status is {@link StatusCode#SUCCESS}
 * or {@link StatusCode#REVERT}, the gas refund is 0 unless the status is {@link StatusCode#SUCCESS}, and the
 * create address is zero unless a creation succeeded. This
 * class does not enforce that rule, so that a host or the conformance suite can detect a VM that
 * breaks it.
 */
public final class Result implements AutoCloseable {

    private static final VarHandle RELEASE;

    static {
        try {
            RELEASE = MethodHandles.lookup().findVarHandle(Result.class, "release", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final StatusCode status;
    private final long gasLeft;
    private final long gasRefund;
    private final Bytes output;
    private final Address createAddress;
    private final Throwable cause;
    @SuppressWarnings("unused") // accessed through RELEASE
    private volatile Runnable release;

    private Result(StatusCode status, long gasLeft, long gasRefund, Bytes output, Address createAddress,
            Throwable cause, Runnable release) {
        this.status = Objects.requireNonNull(status, "status");
        this.output = Objects.requireNonNull(output, "output");
        this.createAddress = Objects.requireNonNull(createAddress, "createAddress");
        if (gasLeft < 0) {
            throw new IllegalArgumentException("result gas left must be 0 or more but was " + gasLeft);
        }
        this.gasLeft = gasLeft;
        this.gasRefund = gasRefund;
        this.cause = cause;
        this.release = release;
    }

    /**
     * A result with every value given and a zero create address.
     *
     * @param status    the outcome
     * @param gasLeft   gas units left, 0 or more
     * @param gasRefund gas units to refund at the end of the transaction
     * @param output    the output data
     * @return the result
     * @throws IllegalArgumentException if {@code gasLeft} is negative
     */
    public static Result of(StatusCode status, long gasLeft, long gasRefund, Bytes output) {
        return new Result(status, gasLeft, gasRefund, output, Address.ZERO, null, null);
    }

    /**
     * A {@link StatusCode#SUCCESS} result with {@code gasLeft} gas units left and {@code output}.
     *
     * @param gasLeft gas units left, from 0 to the message's gas
     * @param output  the returned bytes
     * @return the result
     */
    public static Result success(long gasLeft, Bytes output) {
        return of(StatusCode.SUCCESS, gasLeft, 0, output);
    }

    /**
     * A {@link StatusCode#REVERT} result with {@code gasLeft} gas units left and {@code output}.
     *
     * @param gasLeft gas units left, from 0 to the message's gas
     * @param output  the reverted bytes
     * @return the result
     */
    public static Result revert(long gasLeft, Bytes output) {
        return of(StatusCode.REVERT, gasLeft, 0, output);
    }

    /**
     * A result of {@code status} with 0 gas left and no output, as every status but success and revert has.
     *
     * @param status any status but success and revert
     * @return the result
     */
    public static Result failure(StatusCode status) {
        return of(status, 0, 0, Bytes.EMPTY);
    }

    /**
     * An {@link StatusCode#INTERNAL_ERROR} result with 0 gas left, carrying {@code cause} for whoever
     * wants to report it (see {@link #cause()}).
     *
     * @param cause what went wrong
     * @return the result
     */
    public static Result internalError(Throwable cause) {
        return new Result(StatusCode.INTERNAL_ERROR, 0, 0, Bytes.EMPTY, Address.ZERO,
                Objects.requireNonNull(cause, "cause"), null);
    }

    /**
     * A copy of this result with {@code createAddress}, for a successful creation; the release hook moves to the copy.
     *
     * @param createAddress the created contract's address
     * @return the copy; this result no longer runs the hook
     */
    public Result withCreateAddress(Address createAddress) {
        return new Result(status, gasLeft, gasRefund, output, createAddress, cause, takeRelease());
    }

    /**
     * A copy of this result whose {@link #close()} runs {@code hook} once. Any hook this result had is
     * replaced; the caller of this method is responsible for it.
     *
     * @param hook what frees the resources the result holds; runs at most once
     * @return the copy; this result no longer runs a hook
     */
    public Result withRelease(Runnable hook) {
        Objects.requireNonNull(hook, "hook");
        takeRelease();
        return new Result(status, gasLeft, gasRefund, output, createAddress, cause, hook);
    }

    /** {@return the outcome} */
    public StatusCode status() {
        return status;
    }

    /** {@return gas units left, 0 or more; 0 unless the status is success or revert} */
    public long gasLeft() {
        return gasLeft;
    }

    /**
     * {@return gas units to refund at the end of the transaction; 0 unless the status is success and the VM
     * computes refunds}
     */
    public long gasRefund() {
        return gasRefund;
    }

    /** {@return the output data: the returned or reverted bytes; empty for other statuses} */
    public Bytes output() {
        return output;
    }

    /** {@return the address of the created contract for a successful creation; otherwise zero} */
    public Address createAddress() {
        return createAddress;
    }

    /** {@return why an {@link StatusCode#INTERNAL_ERROR} happened, when the VM or host knew; otherwise empty} */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /** {@return true when {@link #status()} is {@link StatusCode#SUCCESS}} */
    public boolean isSuccess() {
        return status == StatusCode.SUCCESS;
    }

    /** {@return true when a release hook is attached and has not yet run} */
    public boolean hasPendingRelease() {
        return release != null;
    }

    /**
     * Runs the release hook, if one is attached and has not run yet. Safe to call any number of times
     * from any threads: the hook runs exactly once. The values stay readable.
     */
    @Override
    public void close() {
        Runnable hook = takeRelease();
        if (hook != null) {
            hook.run();
        }
    }

    private Runnable takeRelease() {
        return release == null ? null : (Runnable) RELEASE.getAndSet(this, (Runnable) null);
    }

    /** Results are equal when status, gas left, gas refund, output and create address are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Result that
                && status == that.status && gasLeft == that.gasLeft && gasRefund == that.gasRefund
                && output.equals(that.output) && createAddress.equals(that.createAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, gasLeft, gasRefund, output, createAddress);
    }

    @Override
    public String toString() {
        return "Result[status=" + status + ", gasLeft=" + gasLeft + ", gasRefund=" + gasRefund + ", output=" + output
                + (createAddress.isZero() ? "" : ", createAddress=" + createAddress)
                + (cause == null ? "" : ", cause=" + cause) + "]";
    }
}
