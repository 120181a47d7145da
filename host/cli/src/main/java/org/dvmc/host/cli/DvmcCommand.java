package org.dvmc.host.cli;

import java.io.PrintWriter;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The top-level {@code dvmc} command: the global options, what the subcommands share — the selected VM
 * configuration, the plugins directory and the loader — and the picocli route of dispatch ({@link #execute}): every
 * line but the plain {@code run} lines {@link Invocation} runs directly is parsed by picocli into this command and
 * its subcommands, run, and its usage errors reported.
 *
 * <p>{@code --vm} and {@code -v} are inherited: they may be given before or after the subcommand. picocli
 * keeps one field for both places and starts it afresh at the subcommand, so {@link #vmOption()} counts the
 * {@code --vm} values each level's parse matched. One instance serves one invocation; not thread-safe.
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

    /** The global option {@code --plugins-dir}; {@link RunLine.Option#PLUGINS_DIR} reads it on the fast route too. */
    static final String PLUGINS_DIR_OPTION = "--plugins-dir";

    /** The global option {@code --vm}; {@link RunLine.Option#VM} reads it on the fast route too. */
    static final String VM_OPTION = "--vm";

    private final Invocation invocation;

    @Spec
    private CommandSpec spec;

    @Option(names = PLUGINS_DIR_OPTION, paramLabel = "DIR",
            description = "The directory scanned for plugin jars (default: $" + PluginsDirectory.ENVIRONMENT_VARIABLE
                    + ", else ./plugins, else the installation's plugins directory).")
    private Path pluginsDirectoryOption;

    // A list so that diff and fuzz can take --vm several times; every other command takes one (see vmOption()).
    @Option(names = VM_OPTION, paramLabel = "CONFIG", scope = ScopeType.INHERIT,
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

    DvmcCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    /**
     * The picocli route: parses and runs {@code dvmc args…} and returns the exit status; the caller flushes the
     * streams.
     *
     * @param invocation the invocation's streams and environment, which also reports a running command's failures
     * @param args       the command line, without the program name
     * @return the exit status
     */
    static int execute(Invocation invocation, String... args) {
        DvmcCommand dvmc = new DvmcCommand(invocation);
        CommandLine commandLine = model(dvmc);
        commandLine.setOut(invocation.out());
        commandLine.setErr(invocation.err());
        commandLine.setExecutionStrategy(parseResult -> execute(dvmc, parseResult));
        commandLine.setParameterExceptionHandler(usageErrorHandler(invocation));
        commandLine.setExecutionExceptionHandler(failureHandler(invocation));
        return commandLine.execute(args);
    }

    /**
     * Picocli's model of {@code dvmc} with all its commands, around {@code dvmc}: the one model that parses lines,
     * prints help and writes the man page. The options of {@code run} come from {@link RunLine.Option}, the table
     * the fast route reads too.
     *
     * @param dvmc the command object picocli fills in
     * @return the model
     */
    static CommandLine model(DvmcCommand dvmc) {
        CommandLine commandLine = new CommandLine(dvmc);
        // "@FILE" is ours (hex files), not picocli's argument files.
        commandLine.setExpandAtFiles(false);
        RunCommand.declareOptions(commandLine.getSubcommands().get(RunLine.COMMAND).getCommandSpec());
        return commandLine;
    }

    private static int execute(DvmcCommand dvmc, ParseResult parseResult) {
        // Before the first logger exists, i.e. before the loader is touched.
        if (dvmc.verbose()) {
            Logging.verbose();
        }
        // -V/--version is answered first, whatever else is on the line, as the reference tool does.
        if (parseResult.isVersionHelpRequested()) {
            try {
                return dvmc.printVersion();
            } catch (RuntimeException e) {
                return dvmc.invocation.reportFailure(e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Picocli's parse errors: the message, a suggestion for a mistyped name, and where to find help; exit status 2. */
    private static IParameterExceptionHandler usageErrorHandler(Invocation invocation) {
        return (ParameterException e, String[] args) -> {
            PrintWriter err = invocation.err();
            err.print(e.getMessage() + "\n");
            UnmatchedArgumentException.printSuggestions(e, err);
            err.print("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.\n");
            return ExitCodes.USAGE;
        };
    }

    /** Failures while a command runs, reported as on the fast route ({@link Invocation#reportFailure}). */
    private static IExecutionExceptionHandler failureHandler(Invocation invocation) {
        return (Exception e, CommandLine commandLine, ParseResult parseResult) -> invocation.reportFailure(e);
    }

    /**
     * Sets the global options as picocli would for a line {@link RunLine#parse} accepted (the fast route of
     * {@link Invocation}).
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
        List<String> given = vmOptionsOfTheWholeLine();
        if (given.size() > 1) {
            throw CliFailure.usage("--vm was given " + given.size() + " times; this command takes one VM "
                    + "(only diff and fuzz take several)");
        }
        return given.stream().findFirst();
    }

    /**
     * Every {@code --vm} of the line, before and after the command name. picocli starts the inherited field afresh
     * at the subcommand, so on its route the values come from what each level's parse matched; the fast route
     * ({@link #withOptionsOf}) has set the field itself and left no parse result.
     */
    private List<String> vmOptionsOfTheWholeLine() {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        if (parsed == null) {
            return vmOptions;
        }
        List<String> all = new ArrayList<>(VmConfigs.matched(parsed));
        if (parsed.subcommand() != null) {
            all.addAll(VmConfigs.matched(parsed.subcommand()));
        }
        return all;
    }

    /** Runs only when no command was given, which is a usage error ({@code -V}/{@code --version} never gets here). */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: give one of run, vms, test-vm, diff, fuzz, generate-completion");
    }

    /**
     * {@code dvmc -V} / {@code --version}: with a VM configuration, first the VM's name and version, then DVMC's
     * version (picocli's own version help cannot load a VM, so {@link #execute} calls this instead).
     *
     * @return the exit status, 0
     * @throws CliFailure when the configured VM cannot be loaded
     */
    int printVersion() {
        Optional<String> config = vmConfig();
        if (config.isPresent()) {
            try (VmLoader loader = openLoader(); LoadedVm loaded = load(loader, config.get())) {
                invocation.out().print(Escaping.escape(loaded.name()) + " " + Escaping.escape(loaded.version())
                        + " (" + config.get() + ")\n");
            } catch (LoaderException e) {
                throw CliFailure.of(e);
            }
        }
        invocation.out().print(Version.line());
        return ExitCodes.OK;
    }

    Invocation invocation() {
        return invocation;
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
        String fromEnvironment = invocation.environment().get(VM_ENVIRONMENT_VARIABLE);
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
        return PluginsDirectory.resolve(Optional.ofNullable(pluginsDirectoryOption), invocation.environment(),
                invocation.workingDirectory(), invocation.installedJar());
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
        invocation.deadline().start(Deadline.chosen(Optional.ofNullable(timeoutOption), invocation.environment()));
        VmLoader.Builder builder = VmLoader.builder().pluginsDirectory(pluginsDirectory).computeDigests(digests);
        trusted.ifPresent(builder::trustedDigests);
        return builder.build();
    }

    /** The digests of {@code --trust-file}, else of {@code DVMC_TRUST_FILE} when set and not blank; empty for no pinning. */
    Optional<TrustedDigests> trustedDigests() {
        Path file = trustFileOption;
        if (file == null) {
            String fromEnvironment = invocation.environment().get(TRUST_FILE_ENVIRONMENT_VARIABLE);
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                return Optional.empty();
            }
            file = Path.of(fromEnvironment);
        }
        try {
            return Optional.of(TrustedDigests.read(invocation.workingDirectory().resolve(file)));
        } catch (LoaderException e) {
            throw CliFailure.usage(e.getMessage());
        }
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
