package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dvmc.host.loader.Escaping;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dvmc run CODE [--gas N] [--rev REV] [--input HEX|@FILE] [--create] [--bench]}: executes code
 * on the selected VM against an in-memory host and prints the result as the reference tool does (see
 * {@link RunReport}). Exits with 0 whatever the VM's status, except when {@code --create}'s creation
 * fails (see {@link ExitCodes#ofStatus}).
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = {"Executes CODE on the VM selected with --vm and prints the result.",
            "The host is in memory; the message's recipient and sender are zero unless --create is given."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private DvmcCommand dvmc;

    @Parameters(index = "0", paramLabel = "CODE",
            description = "The code: hex with or without 0x, or @FILE holding hex (white space allowed).")
    private String code;

    @Option(names = "--gas", paramLabel = "N",
            description = "The gas limit, 0.." + RunOptions.MAX_GAS + " (default: " + RunOptions.DEFAULT_GAS + ").")
    private String gas;

    @Option(names = "--rev", paramLabel = "REV",
            description = "The revision: a name (e.g. Frontier, Cancun) or number 0..15 (default: latest stable, Cancun).")
    private String revision;

    @Option(names = "--input", paramLabel = "HEX|@FILE",
            description = "The call's input: hex with or without 0x, or @FILE holding hex (default: empty).")
    private String input;

    @Option(names = "--create",
            description = "Run CODE as init code first (CREATE, gas 10000000, recipient "
                    + "c9ea7ed000000000000000000000000000000001), then call the code it returns.")
    private boolean create;

    @Option(names = "--bench", description = "Also time the call: repeat it for about a second and print the mean.")
    private boolean bench;

    /**
     * The command as picocli would have made it for a {@link RunLine} that {@link RunLine#parse} accepted: the
     * fast path of {@link DvmcApp} runs this without building picocli's model.
     *
     * @param dvmc the parent command, holding the global options
     * @param line the options of {@code run}
     * @return the command, ready to {@link #call()}
     */
    static RunCommand of(DvmcCommand dvmc, RunLine line) {
        RunCommand run = new RunCommand();
        run.dvmc = dvmc;
        run.code = line.code();
        run.gas = line.gas().orElse(null);
        run.revision = line.revision().orElse(null);
        run.input = line.input().orElse(null);
        run.create = line.create();
        run.bench = line.bench();
        return run;
    }

    /**
     * This command's options with the parent's, as a {@link RunLine}; lets a test check that the fast parser
     * and picocli read a line alike.
     *
     * @return the options
     */
    RunLine line() {
        return new RunLine(dvmc.pluginsDirectoryOption(), dvmc.vmOption(), code, Optional.ofNullable(gas),
                Optional.ofNullable(revision), Optional.ofNullable(input), create, bench);
    }

    @Override
    public Integer call() {
        CliContext context = dvmc.context();
        Path workingDirectory = context.workingDirectory();
        long gasLimit = gas == null ? RunOptions.DEFAULT_GAS : RunOptions.gas(gas);
        Revision rev = revision == null ? Revision.LATEST_STABLE : RunOptions.revision(revision);
        String config = dvmc.requireVmConfig();
        Bytes codeBytes = HexArgument.parse(code, "code", workingDirectory);
        Bytes inputBytes = input == null ? Bytes.EMPTY : HexArgument.parse(input, "--input", workingDirectory);
        RunRequest request = new RunRequest(rev, gasLimit, codeBytes, inputBytes, create, bench);

        PrintWriter out = context.out();
        PrintWriter err = context.err();
        try (VmLoader loader = dvmc.openLoader(); LoadedVm vm = DvmcCommand.load(loader, config)) {
            out.print(RunReport.config(config));
            out.print(RunReport.header(rev, gasLimit, create));
            // The header is out before a possibly long execution, as the reference tool has it.
            out.flush();
            CodeRunner runner = new CodeRunner(vm::execute, System::nanoTime, CodeRunner.TARGET_BENCH_NANOS, warning -> {
                err.print(warning + "\n");
                err.flush();
            });
            RunOutcome outcome = runner.run(request);
            if (outcome instanceof RunOutcome.CreationFailed failed) {
                out.print(RunReport.creationFailed(failed.status()));
                return ExitCodes.ofStatus(failed.status());
            }
            RunOutcome.Completed completed = (RunOutcome.Completed) outcome;
            RunReport.writeCompleted(completed, out);
            completed.cause().ifPresent(cause -> {
                // The reference tool prints only "internal error"; the cause is what a user needs to act.
                err.print("dvmc: internal error: " + Escaping.escape(String.valueOf(cause)) + "\n");
                if (dvmc.verbose()) {
                    cause.printStackTrace(err);
                }
            });
            return ExitCodes.OK;
        }
    }
}
