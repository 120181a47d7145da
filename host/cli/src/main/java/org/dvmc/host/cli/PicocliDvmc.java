package org.dvmc.host.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every {@code dvmc} line but the plain {@code run} lines of {@link RunLine}: parsed by picocli from the
 * annotated commands, run, usage errors reported. One instance per invocation; not thread-safe.
 */
final class PicocliDvmc {

    private final CliContext context;
    private final DvmcApp app;

    /**
     * @param context the invocation's streams and environment
     * @param app     reports failures of a running command, exactly as on the fast path
     */
    PicocliDvmc(CliContext context, DvmcApp app) {
        this.context = context;
        this.app = app;
    }

    /** Parses and runs {@code dvmc args…} and returns the exit status; the caller flushes the streams. */
    int execute(String... args) {
        DvmcCommand dvmc = new DvmcCommand(context);
        CommandLine commandLine = new CommandLine(dvmc);
        // "@FILE" is ours (hex files), not picocli's argument files.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionStrategy(parseResult -> execute(dvmc, parseResult));
        commandLine.setParameterExceptionHandler(usageErrorHandler());
        commandLine.setExecutionExceptionHandler(failureHandler());
        return commandLine.execute(args);
    }

    private int execute(DvmcCommand dvmc, ParseResult parseResult) {
        // Before the first logger exists, i.e. before the loader is touched.
        if (dvmc.verbose()) {
            Logging.verbose();
        }
        // -V/--version is answered first, whatever else is on the line, as the reference tool does.
        if (parseResult.isVersionHelpRequested()) {
            try {
                return dvmc.printVersion();
            } catch (RuntimeException e) {
                return app.reportFailure(e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Picocli's parse errors: the message, a suggestion for a mistyped name, and where to find help; exit status 2. */
    private IParameterExceptionHandler usageErrorHandler() {
        return (ParameterException e, String[] args) -> {
            PrintWriter err = context.err();
            err.print(e.getMessage() + "\n");
            UnmatchedArgumentException.printSuggestions(e, err);
            err.print("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.\n");
            return ExitCodes.USAGE;
        };
    }

    /** Failures while a command runs, reported by {@link DvmcApp#reportFailure}. */
    private IExecutionExceptionHandler failureHandler() {
        return (Exception e, CommandLine commandLine, ParseResult parseResult) -> app.reportFailure(e);
    }
}
