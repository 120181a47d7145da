package org.dvmc.host.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one {@code dvmc … run CODE …} command line, and a strict parser that reads the common forms of
 * that line without picocli.
 *
 * <p>Why: building picocli's command model costs a cold JVM over 100 ms (annotation reflection and built-in
 * type converters), about twice what the whole {@code run} then takes; see docs/PERFORMANCE.md. So
 * {@link DvmcApp} first tries {@link #parse}; it accepts only lines whose meaning is plain —
 * <pre>
 *   dvmc [--plugins-dir DIR] [--vm CONFIG] run [CODE | --vm CONFIG | --gas N | --rev REV | --input X | --create | --bench]…
 * </pre>
 * with each option at most once, {@code --opt VALUE} or {@code --opt=VALUE}, exactly one CODE, and no value or
 * CODE that is empty, starts with {@code -} or names a command — and hands everything else (help, version,
 * verbose, other commands, every malformed line) to picocli, which then parses it as before. An accepted line
 * produces exactly the option values picocli would have set (a test checks both parsers agree), and runs the
 * same {@link RunCommand#call()}.
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

    /** Every command name: a value spelled like one is left to picocli, which may read it as the command. */
    private static final Set<String> COMMAND_NAMES = Set.of("run", "vms", "test-vm", "diff", "fuzz", "generate-completion");

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
        Builder line = new Builder();
        int index = 0;
        // Options of dvmc itself, up to the command.
        while (index < args.length && !args[index].equals("run")) {
            int next = line.global(args, index);
            if (next < 0) {
                return Optional.empty();
            }
            index = next;
        }
        if (index == args.length) {
            return Optional.empty();
        }
        index++;
        while (index < args.length) {
            int next = line.ofRun(args, index);
            if (next < 0) {
                return Optional.empty();
            }
            index = next;
        }
        return line.build();
    }

    /** Collects options; each method returns the index after what it consumed, or -1 to give up. */
    private static final class Builder {
        private Path pluginsDirectory;
        private String vm;
        private String code;
        private String gas;
        private String revision;
        private String input;
        private boolean create;
        private boolean bench;

        int global(String[] args, int index) {
            String arg = args[index];
            if (isOption(arg, "--plugins-dir")) {
                String value = value(args, index, "--plugins-dir");
                if (value == null || pluginsDirectory != null) {
                    return -1;
                }
                try {
                    pluginsDirectory = Path.of(value);
                } catch (InvalidPathException e) {
                    return -1;
                }
                return after(arg, index);
            }
            if (isOption(arg, "--vm")) {
                return vm(args, index);
            }
            return -1;
        }

        int ofRun(String[] args, int index) {
            String arg = args[index];
            if (isOption(arg, "--vm")) {
                return vm(args, index);
            }
            if (isOption(arg, "--gas")) {
                String value = value(args, index, "--gas");
                if (value == null || gas != null) {
                    return -1;
                }
                gas = value;
                return after(arg, index);
            }
            if (isOption(arg, "--rev")) {
                String value = value(args, index, "--rev");
                if (value == null || revision != null) {
                    return -1;
                }
                revision = value;
                return after(arg, index);
            }
            if (isOption(arg, "--input")) {
                String value = value(args, index, "--input");
                if (value == null || input != null) {
                    return -1;
                }
                input = value;
                return after(arg, index);
            }
            if (arg.equals("--create") && !create) {
                create = true;
                return index + 1;
            }
            if (arg.equals("--bench") && !bench) {
                bench = true;
                return index + 1;
            }
            if (plain(arg) && code == null) {
                code = arg;
                return index + 1;
            }
            return -1;
        }

        private int vm(String[] args, int index) {
            String value = value(args, index, "--vm");
            if (value == null || vm != null) {
                return -1;
            }
            vm = value;
            return after(args[index], index);
        }

        Optional<RunLine> build() {
            if (code == null) {
                return Optional.empty();
            }
            return Optional.of(new RunLine(Optional.ofNullable(pluginsDirectory), Optional.ofNullable(vm), code,
                    Optional.ofNullable(gas), Optional.ofNullable(revision), Optional.ofNullable(input), create,
                    bench));
        }

        /** {@code --name} or {@code --name=…}. */
        private static boolean isOption(String arg, String name) {
            return arg.equals(name) || arg.startsWith(name + "=");
        }

        /** The option's value, attached or the next argument, or null when it is missing or not plain. */
        private static String value(String[] args, int index, String name) {
            String arg = args[index];
            String value = arg.length() > name.length() ? arg.substring(name.length() + 1)
                    : index + 1 < args.length ? args[index + 1] : null;
            return value != null && plain(value) ? value : null;
        }

        private static int after(String arg, int index) {
            return arg.indexOf('=') >= 0 ? index + 1 : index + 2;
        }

        /** A value no parser could take for an option or a command. */
        private static boolean plain(String value) {
            return !value.isEmpty() && value.charAt(0) != '-' && !COMMAND_NAMES.contains(value);
        }
    }
}
