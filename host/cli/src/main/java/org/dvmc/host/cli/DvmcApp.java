package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Runs one invocation of {@code dvmc}: parses the arguments, runs the command, and turns every failure into a
 * message on stderr and an exit status. A plain {@code run} line is read by {@link RunLine} and run directly;
 * every other line goes to picocli ({@link PicocliDvmc}). Used by {@link Main} and, in-process, by tests. One
 * instance per invocation; not thread-safe.
 *
 * <p>This class deliberately names no picocli type: the JVM checks the types a class's code uses when it
 * links the class, and picocli's classes (compiled for Java 5) cannot be kept in the class-data archive, so
 * the fast path would load and verify some from the jar for nothing.
 */
final class DvmcApp {

    /** The exit status of a failure nobody foresaw (a bug), after its stack trace: EX_SOFTWARE of sysexits.h. */
    static final int UNEXPECTED_FAILURE = 70;

    private final CliContext context;

    DvmcApp(CliContext context) {
        this.context = context;
    }

    /** Runs {@code dvmc args…} and returns the exit status; flushes stdout and stderr. */
    int execute(String... args) {
        try {
            Optional<RunLine> runLine = RunLine.parse(args);
            return runLine.isPresent() ? run(runLine.get()) : new PicocliDvmc(context, this).execute(args);
        } catch (Throwable t) {
            // An Error no command caught (plugin code is guarded; this is the host's own failure, e.g. memory).
            context.err().print("dvmc: unexpected failure, please report it: " + t + "\n");
            t.printStackTrace(context.err());
            return UNEXPECTED_FAILURE;
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * The fast path: a plain {@code run} line, run without building picocli's model (see {@link RunLine}), with
     * the very command and failure reporting the picocli path uses.
     */
    private int run(RunLine line) {
        try {
            return RunCommand.of(new DvmcCommand(context).withOptionsOf(line), line).call();
        } catch (Exception e) {
            return reportFailure(e);
        }
    }

    /**
     * A failure while a command runs: a {@link CliFailure} is its message and status; anything else is a bug,
     * reported with its stack trace.
     *
     * @param e what the command threw
     * @return the exit status
     */
    int reportFailure(Exception e) {
        PrintWriter err = context.err();
        if (e instanceof CliFailure failure) {
            err.print(failure.getMessage() + "\n");
            return failure.exitCode();
        }
        err.print("dvmc: unexpected failure, please report it: " + e + "\n");
        e.printStackTrace(err);
        return UNEXPECTED_FAILURE;
    }
}
