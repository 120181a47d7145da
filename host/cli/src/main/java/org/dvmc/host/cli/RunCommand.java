package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dvmc.host.loader.Escaping;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code dvmc run CODE [--gas N] [--rev REV] [--input HEX|@FILE] [--create] [--bench]}: executes code
 * on the selected VM against an in-memory host and prints the result as the reference tool does. Exits with 0
 * whatever the VM's status, except when {@code --create}'s creation fails (see {@link ExitCodes#ofStatus}).
 *
 * <p>The steps of {@code run}, each in one place: the line is read by {@link RunLine#parse} (plain lines) or by
 * picocli from the same option table ({@link #declareOptions}); {@link #call()} turns the argument text into values
 * ({@link RunArguments}), loads the VM, executes ({@link CodeRunner}) and prints ({@link RunReport}).
 */
@Command(name = RunLine.COMMAND, sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = {"Executes CODE on the VM selected with --vm and prints the result.",
            "The host is in memory; the message's recipient and sender are zero unless --create is given."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private DvmcCommand dvmc;

    /** Set by picocli on its route; null on the fast route, which gives {@link #line} instead. */
    @Spec
    private CommandSpec spec;

    /** The line as the fast route read it; null on picocli's route, where {@link #line()} reads the parse. */
    private RunLine line;

    /**
     * The command as picocli would have made it for a {@link RunLine} that {@link RunLine#parse} accepted: the
     * fast route of {@link Invocation} runs this without building picocli's model.
     *
     * @param dvmc the parent command, holding the global options
     * @param line the options of {@code run}
     * @return the command, ready to {@link #call()}
     */
    static RunCommand of(DvmcCommand dvmc, RunLine line) {
        RunCommand run = new RunCommand();
        run.dvmc = dvmc;
        run.line = line;
        return run;
    }

    /**
     * Declares {@code run}'s positional CODE and its options in picocli's model, from the table the fast route reads
     * ({@link RunLine.Option}), so both parsers know the same options.
     *
     * @param run the model of {@code run}, as picocli made it from this class's annotations
     */
    static void declareOptions(CommandSpec run) {
        run.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true)
                .paramLabel(RunLine.CODE_LABEL).type(String.class).description(RunLine.CODE_DESCRIPTION).build());
        // Help lists options in the order they were added: run's own first, then the help options and the
        // inherited global ones, which picocli added when it made the model.
        List<OptionSpec> addedByPicocli = new ArrayList<>(run.options());
        addedByPicocli.forEach(run::remove);
        for (RunLine.Option option : RunLine.Option.values()) {
            if (option.place() == RunLine.Place.AFTER_COMMAND) {
                OptionSpec.Builder spec = OptionSpec.builder(option.optionName()).description(option.description());
                run.addOption(option.takesValue() ? spec.paramLabel(option.valueLabel()).type(String.class).build()
                        : spec.type(boolean.class).build());
            }
        }
        addedByPicocli.forEach(run::addOption);
    }

    /**
     * This command's options with the parent's, as a {@link RunLine}, however the line was read; lets a test check
     * that the fast parser and picocli read a line alike.
     *
     * @return the options
     */
    RunLine line() {
        return line != null ? line : parsedLine(dvmc.vmOption());
    }

    /**
     * The line as picocli parsed it, with {@code vm}: {@link #call()} reads {@code --vm} through
     * {@link DvmcCommand#requireVmConfig} only after the other options, so that their usage errors come first.
     */
    private RunLine parsedLine(Optional<String> vm) {
        ParseResult parsed = spec.commandLine().getParseResult();
        return new RunLine(dvmc.pluginsDirectoryOption(), vm, parsed.matchedPositionalValue(0, null),
                Optional.ofNullable(parsed.matchedOptionValue(RunLine.Option.GAS.optionName(), null)),
                Optional.ofNullable(parsed.matchedOptionValue(RunLine.Option.REVISION.optionName(), null)),
                Optional.ofNullable(parsed.matchedOptionValue(RunLine.Option.INPUT.optionName(), null)),
                parsed.matchedOptionValue(RunLine.Option.CREATE.optionName(), false),
                parsed.matchedOptionValue(RunLine.Option.BENCH.optionName(), false));
    }

    @Override
    public Integer call() {
        RunLine options = line != null ? line : parsedLine(Optional.empty());
        Invocation invocation = dvmc.invocation();
        Path workingDirectory = invocation.workingDirectory();
        // Ternaries, not Optional.map: the first use of each lambda links a call site, which every cold start pays.
        long gasLimit = options.gas().isPresent() ? RunArguments.gas(options.gas().get()) : RunArguments.DEFAULT_GAS;
        Revision rev = options.revision().isPresent() ? RunArguments.revision(options.revision().get())
                : Revision.LATEST_STABLE;
        String config = dvmc.requireVmConfig();
        Bytes codeBytes = RunArguments.hex(options.code(), "code", workingDirectory);
        Bytes inputBytes = options.input().isPresent()
                ? RunArguments.hex(options.input().get(), "--input", workingDirectory) : Bytes.EMPTY;
        CodeRunner.Request request = new CodeRunner.Request(rev, gasLimit, codeBytes, inputBytes, options.create(),
                options.bench());

        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        try (VmLoader loader = dvmc.openLoader(); LoadedVm vm = DvmcCommand.load(loader, config)) {
            out.print(RunReport.config(config));
            out.print(RunReport.header(rev, gasLimit, options.create()));
            // The header is out before a possibly long execution, as the reference tool has it.
            out.flush();
            CodeRunner runner = new CodeRunner(vm::execute, System::nanoTime, CodeRunner.TARGET_BENCH_NANOS, warning -> {
                err.print(warning + "\n");
                err.flush();
            });
            CodeRunner.Outcome outcome = runner.run(request);
            if (outcome instanceof CodeRunner.CreationFailed failed) {
                out.print(RunReport.creationFailed(failed.status()));
                failed.cause().ifPresent(cause -> printCause(cause, err));
                return ExitCodes.ofStatus(failed.status());
            }
            CodeRunner.Completed completed = (CodeRunner.Completed) outcome;
            RunReport.writeCompleted(completed, out);
            completed.cause().ifPresent(cause -> printCause(cause, err));
            return ExitCodes.OK;
        }
    }

    /** The reference tool prints only "internal error"; the cause is what a user needs to act. */
    private void printCause(Throwable cause, PrintWriter err) {
        err.print("dvmc: internal error: " + Escaping.escape(String.valueOf(cause)) + "\n");
        if (dvmc.verbose()) {
            cause.printStackTrace(err);
        }
    }
}
