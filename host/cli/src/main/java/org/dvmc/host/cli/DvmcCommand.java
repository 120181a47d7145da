package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dvmc.host.loader.Escaping;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.TrustedDigests;
import org.dvmc.host.loader.VmLoader;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code dvmc} command: the global options and what the subcommands share — the
 * selected VM configuration, the plugins directory and the loader.
 *
 * <p>{@code --vm} and {@code -v} are inherited: they may be given before or after the subcommand,
 * and picocli stores them here either way. One instance serves one invocation; not thread-safe.
 */
@Command(name = "dvmc", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Runs DVM code on any plugin VM, lists the VM plugins found, and checks a VM's conformance.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RunCommand.class, VmsCommand.class, TestVmCommand.class, DiffCommand.class, FuzzCommand.class,
            AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit status: 0 on success; 1..7 a loader error (its code); 2 a usage error; "
                + "see docs/CLI.md for the rest."})
final class DvmcCommand implements Callable<Integer> {

    /** The environment variable a default {@code --vm} configuration is read from. */
    static final String VM_ENVIRONMENT_VARIABLE = "DVMC_VM";

    /** The environment variable naming the trust file when {@code --trust-file} does not. */
    static final String TRUST_FILE_ENVIRONMENT_VARIABLE = "DVMC_TRUST_FILE";

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "The directory scanned for plugin jars (default: $" + PluginsDirectory.ENVIRONMENT_VARIABLE
                    + ", else ./plugins, else the installation's plugins directory).")
    private Path pluginsDirectoryOption;

    // A list so that diff and fuzz can take --vm several times; every other command takes one (see vmOption()).
    @Option(names = "--vm", paramLabel = "CONFIG", scope = ScopeType.INHERIT,
            description = "The VM: CODENAME_OR_JAR[,name=value]*, e.g. trans_log or trans_log,verbose=1 "
                    + "(default: $" + VM_ENVIRONMENT_VARIABLE + "). Repeated for diff and fuzz.")
    private List<String> vmOptions = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long plugin code may run before the command is stopped with exit status "
                    + Deadline.EXIT_STATUS + ", e.g. 30s, 5m, 500ms; 0 for no limit (default: $"
                    + Deadline.ENVIRONMENT_VARIABLE + ", else 60s).")
    private String timeoutOption;

    @Option(names = "--trust-file", paramLabel = "FILE",
            description = "Pinning: load only plugin jars whose SHA-256 is listed in FILE (one digest per line;"
                    + " 'dvmc vms' shows them) (default: $" + TRUST_FILE_ENVIRONMENT_VARIABLE + ", else no pinning).")
    private Path trustFileOption;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what the plugin loader does (on stderr).")
    private boolean verbose;

    DvmcCommand(CliContext context) {
        this.context = context;
    }

    /**
     * Sets the global options as picocli would for a line {@link RunLine#parse} accepted (the fast path of
     * {@link DvmcApp}).
     *
     * @param line the parsed line
     * @return this command
     */
    DvmcCommand withOptionsOf(RunLine line) {
        pluginsDirectoryOption = line.pluginsDirectory().orElse(null);
        vmOptions = line.vm().map(List::of).orElse(List.of());
        return this;
    }

    /** {@code --plugins-dir} as given, if it was. */
    Optional<Path> pluginsDirectoryOption() {
        return Optional.ofNullable(pluginsDirectoryOption);
    }

    /**
     * {@code --vm} as given, if it was (not {@code DVMC_VM}; see {@link #vmConfig()}).
     *
     * @throws CliFailure a usage error when {@code --vm} was given more than once (only diff and fuzz take several)
     */
    Optional<String> vmOption() {
        if (vmOptions.size() > 1) {
            throw CliFailure.usage("--vm was given " + vmOptions.size() + " times; this command takes one VM "
                    + "(only diff and fuzz take several)");
        }
        return vmOptions.stream().findFirst();
    }

    /** Runs only when no command was given, which is a usage error ({@code -V}/{@code --version} never gets here). */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: give one of run, vms, test-vm, diff, fuzz, generate-completion");
    }

    /**
     * {@code dvmc -V} / {@code --version}: with a VM configuration, first the VM's name and version, then DVMC's
     * version (picocli's own version help cannot load a VM, so {@link PicocliDvmc} calls this instead).
     *
     * @return the exit status, 0
     * @throws CliFailure when the configured VM cannot be loaded
     */
    int printVersion() {
        Optional<String> config = vmConfig();
        if (config.isPresent()) {
            try (VmLoader loader = openLoader(); LoadedVm loaded = load(loader, config.get())) {
                context.out().print(Escaping.escape(loaded.name()) + " " + Escaping.escape(loaded.version())
                        + " (" + config.get() + ")\n");
            } catch (LoaderException e) {
                throw CliFailure.of(e);
            }
        }
        context.out().print(Version.line());
        return ExitCodes.OK;
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    /** The VM configuration from {@code --vm}, else from {@code DVMC_VM} when that is set and not empty. */
    Optional<String> vmConfig() {
        Optional<String> vmOption = vmOption();
        if (vmOption.isPresent()) {
            return vmOption;
        }
        String fromEnvironment = context.environment().get(VM_ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? Optional.empty() : Optional.of(fromEnvironment);
    }

    /**
     * The VM configuration, which the calling command requires.
     *
     * @throws CliFailure a usage error {@code --vm is required} when there is none
     */
    String requireVmConfig() {
        return vmConfig().orElseThrow(() -> CliFailure.usage("--vm is required\n"
                + "Select a VM with --vm CODENAME_OR_JAR[,name=value]* or the " + VM_ENVIRONMENT_VARIABLE
                + " environment variable; 'dvmc vms' lists the VMs found."));
    }

    /** The plugins directory, by the rules of {@link PluginsDirectory}. */
    Path pluginsDirectory() {
        return PluginsDirectory.resolve(Optional.ofNullable(pluginsDirectoryOption), context.environment(),
                context.workingDirectory(), context.installedJar());
    }

    /** A loader over the plugins directory and the classpath, with the trust file if any; the caller closes it. */
    VmLoader openLoader() {
        return openGuardedLoader(pluginsDirectory(), false);
    }

    /**
     * A loader over {@code pluginsDirectory} and the classpath, with the trust file if any; starts the deadline
     * on plugin code first. The caller closes it.
     *
     * @param digests whether to compute each jar's SHA-256 (for listings; pinning computes them anyway)
     * @throws CliFailure a usage error for a bad {@code --timeout} or trust file
     */
    VmLoader openGuardedLoader(Path pluginsDirectory, boolean digests) {
        Optional<TrustedDigests> trusted = trustedDigests();
        context.deadline().start(Deadline.chosen(Optional.ofNullable(timeoutOption), context.environment()));
        VmLoader.Builder builder = VmLoader.builder().pluginsDirectory(pluginsDirectory).computeDigests(digests);
        trusted.ifPresent(builder::trustedDigests);
        return builder.build();
    }

    /** The digests of {@code --trust-file}, else of {@code DVMC_TRUST_FILE} when set and not blank; empty for no pinning. */
    Optional<TrustedDigests> trustedDigests() {
        Path file = trustFileOption;
        if (file == null) {
            String fromEnvironment = context.environment().get(TRUST_FILE_ENVIRONMENT_VARIABLE);
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                return Optional.empty();
            }
            file = Path.of(fromEnvironment);
        }
        try {
            return Optional.of(TrustedDigests.read(context.workingDirectory().resolve(file)));
        } catch (LoaderException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    /** A loader over {@code pluginsDirectory} and the classpath; the caller closes it. */
    static VmLoader openLoader(Path pluginsDirectory) {
        return VmLoader.builder().pluginsDirectory(pluginsDirectory).build();
    }

    /**
     * Creates and configures the VM {@code config} selects.
     *
     * @throws CliFailure with the loader's message and error code (1..7) when that fails
     */
    static LoadedVm load(VmLoader loader, String config) {
        try {
            return loader.load(config);
        } catch (LoaderException e) {
            throw CliFailure.of(e);
        }
    }
}
