package org.dvmc.host.cli;

import java.util.ArrayList;
import java.util.List;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.difftest.DiffVm;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The several {@code --vm} configurations of {@code diff} and {@code fuzz}, and the VMs they load. Stateless.
 *
 * <p>{@code --vm} is an option of {@code dvmc} inherited by the subcommands, so it may stand before and after
 * the command name ({@code dvmc --vm a diff --vm b …}); picocli keeps one field for both places and starts it
 * afresh at the subcommand, so the values are read from what each level's parse matched instead.
 */
final class VmConfigs {

    private VmConfigs() {
    }

    /** Every {@code --vm} value of the line, in order, from the top-level command and from {@code command}. */
    static List<String> of(CommandSpec command) {
        List<String> configs = new ArrayList<>();
        if (command.parent() != null) {
            configs.addAll(matched(command.parent().commandLine().getParseResult()));
        }
        configs.addAll(matched(command.commandLine().getParseResult()));
        return configs;
    }

    /** The {@code --vm} values one level's parse matched, in order; none for no parse. */
    static List<String> matched(ParseResult parseResult) {
        if (parseResult == null) {
            return List.of();
        }
        OptionSpec option = parseResult.matchedOption("--vm");
        return option == null ? List.of() : option.originalStringValues();
    }

    /**
     * The configurations of a command comparing VMs: two or more.
     *
     * @throws CliFailure a usage error naming the command when fewer than two were given
     */
    static List<String> atLeastTwo(CommandSpec command) {
        List<String> configs = of(command);
        if (configs.size() < 2) {
            throw CliFailure.usage(command.name() + " needs --vm at least twice (got " + configs.size() + "), e.g. "
                    + "--vm trans_log --vm OTHER; give one VM twice for a sanity run");
        }
        return configs;
    }

    /**
     * Loads every configuration, each as its own instance; on a failure closes those already loaded.
     *
     * @throws CliFailure with the loader's message and code when one cannot be loaded
     */
    static List<LoadedVm> load(VmLoader loader, List<String> configs) {
        List<LoadedVm> loaded = new ArrayList<>();
        try {
            for (String config : configs) {
                loaded.add(DvmcCommand.load(loader, config));
            }
            return loaded;
        } catch (RuntimeException e) {
            close(loaded);
            throw e;
        }
    }

    /** The VMs for the engine, labelled with their configurations as given. */
    static List<DiffVm> forEngine(List<LoadedVm> loaded, List<String> configs) {
        List<DiffVm> vms = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            vms.add(new DiffVm(configs.get(i), loaded.get(i)::execute));
        }
        return vms;
    }

    /** Closes every VM (never throws: {@link LoadedVm#close()} does not). */
    static void close(List<LoadedVm> loaded) {
        loaded.forEach(LoadedVm::close);
    }
}
