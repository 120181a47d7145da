package org.dvmc.host.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one invocation of {@code dvmc}: parses the arguments with picocli, runs the command, and turns
 * every failure into a message on stderr and an exit status. Used by {@link Main} and, in-process, by
 * tests. One instance per invocation; not thread-safe.
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
        DvmcCommand dvmc = new DvmcCommand(context);
        CommandLine commandLine = new CommandLine(dvmc);
        // "@FILE" is ours (hex files), not picocli's argument files.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionStrategy(parseResult -> execute(dvmc, parseResult));
        commandLine.setParameterExceptionHandler(usageErrorHandler());
        commandLine.setExecutionExceptionHandler(failureHandler());
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static int execute(DvmcCommand dvmc, ParseResult parseResult) {
        // Before the first logger exists, i.e. before the loader is touched.
        if (dvmc.verbose()) {
            Logging.verbose();
        }
        // --version is answered first, whatever else is on the line, as the reference tool does.
        CommandLine.IExecutionStrategy strategy = dvmc.versionRequested()
                ? new CommandLine.RunFirst() : new CommandLine.RunLast();
        return strategy.execute(parseResult);
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

    /** Failures while a command runs: a {@link CliFailure} is its message and status; anything else is a bug. */
    private IExecutionExceptionHandler failureHandler() {
        return (Exception e, CommandLine commandLine, ParseResult parseResult) -> {
            PrintWriter err = context.err();
            if (e instanceof CliFailure failure) {
                err.print(failure.getMessage() + "\n");
                return failure.exitCode();
            }
            err.print("dvmc: unexpected failure, please report it: " + e + "\n");
            e.printStackTrace(err);
            return UNEXPECTED_FAILURE;
        };
    }
}
