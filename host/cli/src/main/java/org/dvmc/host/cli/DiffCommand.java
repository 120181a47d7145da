package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dvmc.host.difftest.Comparison;
import org.dvmc.host.difftest.DiffCase;
import org.dvmc.host.difftest.DiffEngine;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dvmc --vm A --vm B [--vm C …] diff CODE [--gas N] [--rev REV] [--input HEX|@FILE] [--create] [--json]}:
 * runs the code on every VM, each against its own fresh in-memory host, prints each result as {@code run} does
 * and then {@code Agree} or the differences (see {@link DiffReport}). Exits with 0 when all agree and with
 * {@link ExitCodes#DISAGREE} when they do not.
 */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = {"Runs CODE on every VM given with --vm (two or more; one VM twice for a sanity run), each "
                + "against its own fresh in-memory host, and compares everything observable: status, gas left, "
                + "gas refund, output, create address, storage writes with their statuses, logs, nested calls, "
                + "selfdestructs, account accesses.",
            "Exit status: 0 when all agree, " + ExitCodes.DISAGREE + " when they disagree."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    private DvmcCommand dvmc;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE",
            description = "The code: hex with or without 0x, or @FILE holding hex (white space allowed).")
    private String code;

    @Option(names = "--gas", paramLabel = "N",
            description = "The gas limit, 0.." + RunArguments.MAX_GAS + " (default: " + RunArguments.DEFAULT_GAS + ").")
    private String gas;

    @Option(names = "--rev", paramLabel = "REV",
            description = "The revision: a name (e.g. Frontier, Cancun) or number 0..15 (default: latest stable, Cancun).")
    private String revision;

    @Option(names = "--input", paramLabel = "HEX|@FILE",
            description = "The call's input: hex with or without 0x, or @FILE holding hex (default: empty).")
    private String input;

    @Option(names = "--create", description = "Run CODE as init code first, then call the code it returns (as run does).")
    private boolean create;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        Invocation context = dvmc.invocation();
        Path workingDirectory = context.workingDirectory();
        long gasLimit = gas == null ? RunArguments.DEFAULT_GAS : RunArguments.gas(gas);
        Revision rev = revision == null ? Revision.LATEST_STABLE : RunArguments.revision(revision);
        List<String> configs = VmConfigs.atLeastTwo(spec);
        Bytes codeBytes = RunArguments.hex(code, "code", workingDirectory);
        Bytes inputBytes = input == null ? Bytes.EMPTY : RunArguments.hex(input, "--input", workingDirectory);
        DiffCase diffCase = new DiffCase(codeBytes, inputBytes, gasLimit, rev, create);

        try (VmLoader loader = dvmc.openLoader()) {
            List<LoadedVm> loaded = VmConfigs.load(loader, configs);
            try {
                Comparison comparison = new DiffEngine().compare(diffCase, VmConfigs.forEngine(loaded, configs));
                context.out().print(json ? DiffReport.json(comparison) : DiffReport.text(comparison));
                return comparison.agree() ? ExitCodes.OK : ExitCodes.DISAGREE;
            } finally {
                VmConfigs.close(loaded);
            }
        }
    }
}
