package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One invocation of {@code dvmc}: what it sees of the outside world (streams, environment, working directory, the
 * jar it runs from, the deadline on plugin code), and {@link #execute}, which dispatches the command line and turns
 * every failure into a message on stderr and an exit status.
 *
 * <p>Dispatch has two routes to the same commands: a plain {@code run} line ({@link RunLine#parse}) runs
 * {@link RunCommand} directly, because building picocli's model would double the cold start (docs/PERFORMANCE.md);
 * every other line goes to picocli ({@link DvmcCommand#execute}). {@link Main} makes one invocation per process;
 * tests make their own, in-process. One instance per invocation; not thread-safe.
 *
 * <p>This class deliberately names no picocli type: the JVM checks the types a class's code uses when it links the
 * class, and picocli's classes (compiled for Java 5) cannot be kept in the class-data archive, so the fast route
 * would load and verify some from the jar for nothing.
 */
final class Invocation {

    /** The exit status of a failure nobody foresaw (a bug), after its stack trace: EX_SOFTWARE of sysexits.h. */
    static final int UNEXPECTED_FAILURE = 70;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Supplier<Optional<Path>> installedJar;
    private final Deadline deadline;

    /**
     * @param out              standard output: the command's results
     * @param err              standard error: errors, warnings and log lines
     * @param environment      the process environment (read for {@code DVMC_VM}, {@code DVMC_PLUGINS_DIR}, …)
     * @param workingDirectory what relative file names are resolved against; {@code Path.of("")} for the
     *                         process's own
     * @param installedJar     the jar the command runs from, if any; asked only when needed
     * @param deadline         the deadline on plugin code the command starts before it loads plugins
     *                         ({@link Deadline#NONE} when nobody enforces it, as in-process)
     */
    Invocation(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
            Supplier<Optional<Path>> installedJar, Deadline deadline) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.environment = Map.copyOf(environment);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.installedJar = Objects.requireNonNull(installedJar, "installedJar");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /** An invocation without a deadline, as tests run commands in-process. */
    Invocation(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
            Supplier<Optional<Path>> installedJar) {
        this(out, err, environment, workingDirectory, installedJar, Deadline.NONE);
    }

    /** Runs {@code dvmc args…} and returns the exit status; flushes stdout and stderr. */
    int execute(String... args) {
        try {
            Optional<RunLine> runLine = RunLine.parse(args);
            return runLine.isPresent() ? run(runLine.get()) : DvmcCommand.execute(this, args);
        } catch (Throwable t) {
            // An Error no command caught (plugin code is guarded; this is the host's own failure, e.g. memory).
            err.print("dvmc: unexpected failure, please report it: " + t + "\n");
            t.printStackTrace(err);
            return UNEXPECTED_FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The fast route: a plain {@code run} line, run without building picocli's model, with the very command and
     * failure reporting the picocli route uses.
     */
    private int run(RunLine line) {
        try {
            return RunCommand.of(new DvmcCommand(this).withOptionsOf(line), line).call();
        } catch (Exception e) {
            return reportFailure(e);
        }
    }

    /**
     * A failure while a command runs, on either route: a {@link CliFailure} is its message and status; anything
     * else is a bug, reported with its stack trace.
     *
     * @param e what the command threw
     * @return the exit status
     */
    int reportFailure(Exception e) {
        if (e instanceof CliFailure failure) {
            err.print(failure.getMessage() + "\n");
            return failure.exitCode();
        }
        err.print("dvmc: unexpected failure, please report it: " + e + "\n");
        e.printStackTrace(err);
        return UNEXPECTED_FAILURE;
    }

    /** Standard output: the command's results. */
    PrintWriter out() {
        return out;
    }

    /** Standard error: errors, warnings and log lines. */
    PrintWriter err() {
        return err;
    }

    /** The process environment. */
    Map<String, String> environment() {
        return environment;
    }

    /** What relative file names are resolved against. */
    Path workingDirectory() {
        return workingDirectory;
    }

    /** The jar the command runs from, if any; asked only when needed. */
    Supplier<Optional<Path>> installedJar() {
        return installedJar;
    }

    /** The deadline on plugin code. */
    Deadline deadline() {
        return deadline;
    }
}
