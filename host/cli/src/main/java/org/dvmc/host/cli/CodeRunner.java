package org.dvmc.host.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;

/**
 * Does the work of {@code dvmc run} the way the reference tool does: an optional creation, one call,
 * and for {@code --bench} a timed series of the same call, all against one fresh {@link MockedHost}.
 *
 * <p>Without {@code --create}, the call's recipient, sender and code address are zero. With it, the
 * code runs first as init code with a CREATE message of {@value #CREATE_GAS} gas to
 * {@link #CREATE_ADDRESS}; its output is installed as that account's code, which is then called with
 * recipient and code address {@link #CREATE_ADDRESS}.
 *
 * <p>What it is asked ({@link Request}), what it runs code with ({@link Executor}) and what comes of it
 * ({@link Outcome}) are its nested types. Not thread-safe; one runner serves one command.
 */
final class CodeRunner {

    /**
     * Executes code on a VM, the way {@link org.dvmc.host.loader.LoadedVm#execute} does: never throws and never
     * returns null. {@code run} passes the loaded VM's; tests pass a lambda.
     */
    @FunctionalInterface
    interface Executor {

        /** Executes {@code code} for {@code message} under {@code revision} against {@code host}; the caller closes the result. */
        Result execute(Host host, Revision revision, Message message, Bytes code);
    }

    /**
     * What {@code dvmc run} was asked to do, with every argument parsed. Immutable.
     *
     * @param revision the revision to execute under
     * @param gas      the gas limit of the call, in gas units, 0..1,000,000,000
     * @param code     the code: the code to call, or with {@code create} the init code
     * @param input    the call's input data
     * @param create   whether to run {@code code} as init code first and call the code it returns
     * @param bench    whether to time repeated executions of the call
     */
    record Request(Revision revision, long gas, Bytes code, Bytes input, boolean create, boolean bench) {

        Request {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(input, "input");
        }
    }

    /** What came of {@code dvmc run}: a failed creation, or the call's result. Immutable. */
    sealed interface Outcome permits CreationFailed, Completed {
    }

    /**
     * The init code of {@code --create} did not succeed, so nothing was called.
     *
     * @param status the creation's status
     * @param cause  what made it an internal error, when known (a throw, a broken result rule)
     */
    record CreationFailed(StatusCode status, Optional<Throwable> cause) implements Outcome {
        CreationFailed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The call ran.
     *
     * @param status  the call's status
     * @param gasUsed the gas limit minus the gas left, in gas units
     * @param output  the call's output
     * @param bench   the timing, when {@code --bench} was given
     * @param cause   why the call ended in an internal error, when the VM or the host's guard said
     */
    record Completed(StatusCode status, long gasUsed, Bytes output, Optional<BenchFigures> bench,
            Optional<Throwable> cause) implements Outcome {

        /** A call without a known cause of failure. */
        Completed(StatusCode status, long gasUsed, Bytes output, Optional<BenchFigures> bench) {
            this(status, gasUsed, output, bench, Optional.empty());
        }

        Completed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(bench, "bench");
        }
    }

    /**
     * The timing of {@code --bench}.
     *
     * @param nanosPerExecution the mean wall time of one execution, in nanoseconds
     * @param iterations        how many timed executions the mean is over, 1 or more
     */
    record BenchFigures(long nanosPerExecution, long iterations) {
    }

    /** Where {@code --create} puts the new contract. */
    static final Address CREATE_ADDRESS = Address.fromHex("c9ea7ed000000000000000000000000000000001");
    /** The gas of the creation of {@code --create}, in gas units. */
    static final long CREATE_GAS = 10_000_000L;
    /** How long {@code --bench} aims to spend on its timed series: one second, in nanoseconds. */
    static final long TARGET_BENCH_NANOS = 1_000_000_000L;

    /** The most executions {@code --bench} times, so a clock that does not advance cannot loop forever. */
    static final long MAX_BENCH_ITERATIONS = Integer.MAX_VALUE;

    static final String INCONSISTENT_WARNING = "WARNING! Inconsistent execution result likely due to the use of storage";

    private final Executor executor;
    private final LongSupplier nanoTime;
    private final long targetBenchNanos;
    private final Consumer<String> warnings;

    /**
     * @param executor         runs code on the VM
     * @param nanoTime         the clock for {@code --bench}, in nanoseconds (e.g. {@code System::nanoTime})
     * @param targetBenchNanos how long the timed series should take, in nanoseconds
     * @param warnings         receives the benchmark's warning line, if any
     */
    CodeRunner(Executor executor, LongSupplier nanoTime, long targetBenchNanos, Consumer<String> warnings) {
        this.executor = executor;
        this.nanoTime = nanoTime;
        this.targetBenchNanos = targetBenchNanos;
        this.warnings = warnings;
    }

    /** Runs {@code request}. */
    Outcome run(Request request) {
        MockedHost host = new MockedHost();
        Message.Builder call = Message.builder().gas(request.gas()).input(request.input());
        Bytes code = request.code();
        if (request.create()) {
            Message creation = Message.builder().kind(CallKind.CREATE).recipient(CREATE_ADDRESS).gas(CREATE_GAS).build();
            try (Result created = executor.execute(host, request.revision(), creation, code)) {
                if (!created.isSuccess()) {
                    return new CreationFailed(created.status(), created.cause());
                }
                code = created.output();
            }
            host.account(CREATE_ADDRESS).code(code);
            call.recipient(CREATE_ADDRESS).codeAddress(CREATE_ADDRESS);
        }
        Message message = call.build();
        StatusCode status;
        long gasLeft;
        Bytes output;
        Optional<Throwable> cause;
        try (Result result = executor.execute(host, request.revision(), message, code)) {
            status = result.status();
            gasLeft = result.gasLeft();
            output = result.output();
            cause = result.cause();
        }
        Optional<BenchFigures> bench = request.bench()
                ? Optional.of(bench(host, request, message, code, new Observed(status, gasLeft, output)))
                : Optional.empty();
        return new Completed(status, request.gas() - gasLeft, output, bench, cause);
    }

    /** The values of one execution that must repeat in a benchmark. */
    private record Observed(StatusCode status, long gasLeft, Bytes output) {
        static Observed of(Result result) {
            return new Observed(result.status(), result.gasLeft(), result.output());
        }
    }

    /**
     * Times one probe run, then repeats the call in batches until the target time is spent (at least
     * once), and reports the mean. The first batch is as long as the probe suggests, as in the reference
     * tool; since a cold probe overestimates, later batches are sized from the mean so far, which brings
     * the total close to the target. Like the reference tool it keeps the host, so code that writes
     * storage may give different results from run to run; the first difference is reported as a warning.
     */
    private BenchFigures bench(MockedHost host, Request request, Message message, Bytes code,
            Observed first) {
        boolean warned = false;
        long probeStart = nanoTime.getAsLong();
        Observed probe;
        try (Result result = executor.execute(host, request.revision(), message, code)) {
            probe = Observed.of(result);
        }
        long probeNanos = Math.max(1, nanoTime.getAsLong() - probeStart);
        if (!probe.equals(first)) {
            warned = warn(1, probe, first, request.gas());
        }
        long iterations = 0;
        long batch = batchSize(targetBenchNanos, probeNanos);
        long start = nanoTime.getAsLong();
        long elapsed = 0;
        while (batch > 0) {
            for (long i = 0; i < batch; i++) {
                try (Result result = executor.execute(host, request.revision(), message, code)) {
                    if (!warned && !matches(result, first)) {
                        warned = warn(iterations + i + 2, Observed.of(result), first, request.gas());
                    }
                }
            }
            iterations += batch;
            elapsed = nanoTime.getAsLong() - start;
            long meanNanos = Math.max(1, elapsed / iterations);
            batch = elapsed >= targetBenchNanos || iterations >= MAX_BENCH_ITERATIONS
                    ? 0
                    : Math.min(batchSize(targetBenchNanos - elapsed, meanNanos), MAX_BENCH_ITERATIONS - iterations);
        }
        return new BenchFigures(elapsed / iterations, iterations);
    }

    /** How many executions of {@code nanosEach} fit in {@code nanos}, at least 1. */
    private static long batchSize(long nanos, long nanosEach) {
        return Math.max(1, nanos / Math.max(1, nanosEach));
    }

    private static boolean matches(Result result, Observed first) {
        return result.status() == first.status() && result.gasLeft() == first.gasLeft()
                && result.output().equals(first.output());
    }

    /** Reports how repetition {@code repetition} (the probe is 1) differs from the first run; returns true. */
    private boolean warn(long repetition, Observed seen, Observed first, long gas) {
        String difference;
        if (seen.status() != first.status()) {
            difference = "result " + seen.status().description() + ", first run: " + first.status().description();
        } else if (seen.gasLeft() != first.gasLeft()) {
            difference = "gas used " + (gas - seen.gasLeft()) + ", first run: " + (gas - first.gasLeft());
        } else {
            difference = "output " + RunReport.abbreviatedHex(seen.output()) + ", first run: "
                    + RunReport.abbreviatedHex(first.output());
        }
        warnings.accept(INCONSISTENT_WARNING + " (repetition " + repetition + ": " + difference + ")");
        return true;
    }
}
