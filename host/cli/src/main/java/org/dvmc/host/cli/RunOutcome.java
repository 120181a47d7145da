package org.dvmc.host.cli;

import java.util.Objects;
import java.util.Optional;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.StatusCode;

/** What came of {@code dvmc run}: a failed creation, or the call's result. Immutable. */
sealed interface RunOutcome {

    /**
     * The init code of {@code --create} did not succeed, so nothing was called.
     *
     * @param status the creation's status
     */
    record CreationFailed(StatusCode status) implements RunOutcome {
        public CreationFailed {
            Objects.requireNonNull(status, "status");
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
            Optional<Throwable> cause) implements RunOutcome {

        /** A call without a known cause of failure. */
        public Completed(StatusCode status, long gasUsed, Bytes output, Optional<BenchFigures> bench) {
            this(status, gasUsed, output, bench, Optional.empty());
        }

        public Completed {
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
}
