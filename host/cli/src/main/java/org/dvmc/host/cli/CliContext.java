package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the commands see of the outside world, so that tests can run them in-process: where output
 * goes, the environment, the working directory and the jar the command runs from.
 *
 * @param out              standard output: the command's results
 * @param err              standard error: errors, warnings and log lines
 * @param environment      the process environment (read for {@code DVMC_VM} and {@code DVMC_PLUGINS_DIR})
 * @param workingDirectory what relative file names are resolved against; {@code Path.of("")} for the
 *                         process's own
 * @param installedJar     the jar the command runs from, if any; asked only when needed
 * @param deadline         the deadline on plugin code the command starts before it loads plugins
 *                         ({@link Deadline#NONE} when nobody enforces it, as in-process)
 */
record CliContext(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
        Supplier<Optional<Path>> installedJar, Deadline deadline) {

    /** A context without a deadline, as tests run commands in-process. */
    CliContext(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
            Supplier<Optional<Path>> installedJar) {
        this(out, err, environment, workingDirectory, installedJar, Deadline.NONE);
    }

    CliContext {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(installedJar, "installedJar");
    }
}
