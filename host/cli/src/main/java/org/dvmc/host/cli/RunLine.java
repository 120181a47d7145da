package org.dvmc.host.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code dvmc … run CODE …} command line: the table of its options ({@link Option}), its option values (this
 * record), and a strict parser that reads the common forms of the line without picocli.
 *
 * <p>Why a second parser: building picocli's command model costs a cold JVM over 100 ms (annotation reflection and
 * built-in type converters), about twice what the whole {@code run} then takes; see docs/PERFORMANCE.md. So
 * {@link Invocation} first tries {@link #parse}; it accepts only lines whose meaning is plain —
 * <pre>
 *   dvmc [--plugins-dir DIR] [--vm CONFIG] run [CODE | --vm CONFIG | --gas N | --rev REV | --input X | --create | --bench]…
 * </pre>
 * with each option at most once, {@code --opt VALUE} or {@code --opt=VALUE}, exactly one CODE, and no value or
 * CODE that is empty, starts with {@code -} or names a command — and hands everything else (help, version,
 * verbose, other commands, every malformed line) to picocli, which then parses it as before. Both parsers read the
 * one table {@link Option}: picocli's model of {@code run} is built from it ({@link RunCommand#declareOptions}), so an
 * option cannot be added to one parser and not the other. An accepted line produces exactly the option values
 * picocli would have set (RunLineTest checks both parsers agree), and runs the same {@link RunCommand#call()}.
 *
 * @param pluginsDirectory {@code --plugins-dir}, if given
 * @param vm               {@code --vm}, if given (before or after {@code run})
 * @param code             the CODE argument, as typed (hex or {@code @FILE})
 * @param gas              {@code --gas}, unparsed, if given
 * @param revision         {@code --rev}, unparsed, if given
 * @param input            {@code --input}, as typed, if given
 * @param create           {@code --create}
 * @param bench            {@code --bench}
 */
record RunLine(Optional<Path> pluginsDirectory, Optional<String> vm, String code, Optional<String> gas,
        Optional<String> revision, Optional<String> input, boolean create, boolean bench) {

    /** The name of the command. */
    static final String COMMAND = "run";

    /** The label of the one positional parameter, the code. */
    static final String CODE_LABEL = "CODE";

    /** The description of CODE in help and in the man page. */
    static final String CODE_DESCRIPTION = "The code: hex with or without 0x, or @FILE holding hex (white space allowed).";

    /** Every command name: a value spelled like one is left to picocli, which may read it as the command. */
    private static final Set<String> COMMAND_NAMES = Set.of(COMMAND, "vms", "test-vm", "diff", "fuzz", "generate-completion");

    /** Where on the line an option may stand. */
    enum Place {
        /** Before the command name only: an option of {@code dvmc} itself. */
        BEFORE_COMMAND,
        /** Before or after the command name: an option of {@code dvmc} that picocli lets subcommands inherit. */
        EITHER_SIDE,
        /** After the command name only: an option of {@code run}. */
        AFTER_COMMAND
    }

    /**
     * Every option a plain {@code run} line may hold: the one declaration both parsers read. The fast parser reads
     * the names, places and whether each takes a value; picocli's model of {@code run} declares its options from
     * the labels and descriptions here, in this order. The two global options are picocli annotations of
     * {@link DvmcCommand} (every command has them), named by its constants; RunLineTest checks the rest of their
     * declaration against picocli's model.
     */
    enum Option {
        /** {@code --plugins-dir DIR}. */
        PLUGINS_DIR(DvmcCommand.PLUGINS_DIR_OPTION, Place.BEFORE_COMMAND, "DIR", ""),
        /** {@code --vm CONFIG}. */
        VM(DvmcCommand.VM_OPTION, Place.EITHER_SIDE, "CONFIG", ""),
        /** {@code --gas N}. */
        GAS("--gas", Place.AFTER_COMMAND, "N",
                "The gas limit, 0.." + RunArguments.MAX_GAS + " (default: " + RunArguments.DEFAULT_GAS + ")."),
        /** {@code --rev REV}. */
        REVISION("--rev", Place.AFTER_COMMAND, "REV",
                "The revision: a name (e.g. Frontier, Cancun) or number 0..15 (default: latest stable, Cancun)."),
        /** {@code --input HEX|@FILE}. */
        INPUT("--input", Place.AFTER_COMMAND, "HEX|@FILE",
                "The call's input: hex with or without 0x, or @FILE holding hex (default: empty)."),
        /** {@code --create}, a flag. */
        CREATE("--create", Place.AFTER_COMMAND, null,
                "Run CODE as init code first (CREATE, gas 10000000, recipient "
                        + "c9ea7ed000000000000000000000000000000001), then call the code it returns."),
        /** {@code --bench}, a flag. */
        BENCH("--bench", Place.AFTER_COMMAND, null,
                "Also time the call: repeat it for about a second and print the mean.");

        private final String optionName;
        private final Place place;
        private final String valueLabel;
        private final String description;

        Option(String optionName, Place place, String valueLabel, String description) {
            this.optionName = optionName;
            this.place = place;
            this.valueLabel = valueLabel;
            this.description = description;
        }

        /** The name, e.g. {@code --gas}. */
        String optionName() {
            return optionName;
        }

        /** Where on the line it may stand. */
        Place place() {
            return place;
        }

        /** Whether it takes a value ({@code --gas N}) rather than being a flag ({@code --create}). */
        boolean takesValue() {
            return valueLabel != null;
        }

        /** The label of its value in help, e.g. {@code N}; only for options that take a value. */
        String valueLabel() {
            return Objects.requireNonNull(valueLabel, optionName + " is a flag");
        }

        /** Its description in help and in the man page (empty for the global options, described by DvmcCommand). */
        String description() {
            return description;
        }

        /** {@code --name} or {@code --name=…}. */
        boolean isSpelledBy(String arg) {
            return arg.equals(optionName) || takesValue() && arg.startsWith(optionName + "=");
        }
    }

    /** Checks the components are present. */
    RunLine {
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(gas, "gas");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(input, "input");
    }

    /**
     * Reads a command line if it is a plain {@code run} line.
     *
     * @param args the command line, without the program name
     * @return the options, or empty when picocli must read the line
     */
    static Optional<RunLine> parse(String... args) {
        // Indexed by ordinal; null where the option was not given. (Plain code: this runs at every cold start.)
        String[] values = new String[Option.values().length];
        String code = null;
        boolean afterCommand = false;
        int index = 0;
        while (index < args.length) {
            String arg = args[index];
            if (!afterCommand && arg.equals(COMMAND)) {
                afterCommand = true;
                index++;
                continue;
            }
            Optional<Option> option = optionSpelledBy(arg, afterCommand);
            if (option.isPresent()) {
                Option known = option.get();
                if (values[known.ordinal()] != null) {
                    return Optional.empty();
                }
                if (!known.takesValue()) {
                    values[known.ordinal()] = "true";
                    index++;
                    continue;
                }
                boolean attached = arg.length() > known.optionName().length();
                String value = attached ? arg.substring(known.optionName().length() + 1)
                        : index + 1 < args.length ? args[index + 1] : null;
                if (value == null || !plain(value)) {
                    return Optional.empty();
                }
                values[known.ordinal()] = value;
                index += attached ? 1 : 2;
            } else if (afterCommand && code == null && plain(arg)) {
                code = arg;
                index++;
            } else {
                return Optional.empty();
            }
        }
        if (code == null) {
            return Optional.empty();
        }
        Optional<Path> pluginsDirectory = Optional.empty();
        String pluginsDirectoryName = values[Option.PLUGINS_DIR.ordinal()];
        if (pluginsDirectoryName != null) {
            try {
                pluginsDirectory = Optional.of(Path.of(pluginsDirectoryName));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new RunLine(pluginsDirectory, Optional.ofNullable(values[Option.VM.ordinal()]), code,
                Optional.ofNullable(values[Option.GAS.ordinal()]), Optional.ofNullable(values[Option.REVISION.ordinal()]),
                Optional.ofNullable(values[Option.INPUT.ordinal()]), values[Option.CREATE.ordinal()] != null,
                values[Option.BENCH.ordinal()] != null));
    }

    /** The option of the table {@code arg} spells that may stand on its side of the command name, if any. */
    private static Optional<Option> optionSpelledBy(String arg, boolean afterCommand) {
        for (Option option : Option.values()) {
            boolean allowedHere = option.place() == Place.EITHER_SIDE
                    || option.place() == (afterCommand ? Place.AFTER_COMMAND : Place.BEFORE_COMMAND);
            if (allowedHere && option.isSpelledBy(arg)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** A value no parser could take for an option or a command. */
    private static boolean plain(String value) {
        return !value.isEmpty() && value.charAt(0) != '-' && !COMMAND_NAMES.contains(value);
    }
}
