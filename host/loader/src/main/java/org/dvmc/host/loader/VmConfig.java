package org.dvmc.host.loader;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed VM configuration {@code CODENAME_OR_JAR[,name=value]*}, e.g. {@code trans_log},
 * {@code trans_log,verbose=1} or {@code plugins/trans-log-1.0.0.jar,verbose}.
 *
 * <p>The target is either a codename from the loader's registry or the path of one plugin jar (see
 * {@link #isPath()}). The options follow in the order given, and the loader applies them in that order.
 * Immutable and thread-safe.
 *
 * @param target  the codename or jar path; non-empty
 * @param options the options in the order given; immutable, possibly empty
 */
public record VmConfig(String target, List<VmOption> options) {

    private static final String FORMAT = "CODENAME_OR_JAR[,name=value]*";

    /**
     * Checks the target and takes an immutable copy of the options.
     *
     * @param target  the codename or jar path; non-null and non-empty, used as given (not trimmed)
     * @param options the options in the order they are to be applied; non-null, without null elements,
     *                possibly empty; copied
     * @throws IllegalArgumentException if {@code target} is empty
     * @throws NullPointerException     if {@code target}, {@code options} or an option is null
     */
    public VmConfig {
        Objects.requireNonNull(target, "target");
        options = List.copyOf(options);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("a VM configuration needs a codename or jar path");
        }
    }

    /**
     * Parses {@code CODENAME_OR_JAR[,name=value]*}.
     *
     * <p>The string is split at commas; the first part is the target, each further part an option. An
     * option is split at its first {@code =}; a bare {@code name} gets the value {@code ""}, and a value
     * may itself contain {@code =}. Surrounding white space of the whole string is ignored; nothing else
     * is trimmed.
     *
     * @param config the configuration, e.g. {@code "trans_log,verbose=1"}
     * @return the parsed configuration
     * @throws LoaderException with {@link LoaderErrorCode#INVALID_ARGUMENT} if the string is empty or
     *                         blank, the target is empty, or an option is empty or has an empty name
     */
    public static VmConfig parse(String config) throws LoaderException {
        if (config == null || config.isBlank()) {
            throw invalid("the VM configuration is empty; give a codename or jar path, " + FORMAT
                    + ", e.g. trans_log or trans_log,verbose=1");
        }
        String text = config.strip();
        String[] parts = text.split(",", -1);
        if (parts[0].isEmpty()) {
            throw invalid("the VM configuration '" + text + "' has no codename or jar path before the first comma; "
                    + "write " + FORMAT);
        }
        List<VmOption> options = new ArrayList<>(parts.length - 1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            if (name.isEmpty()) {
                throw invalid("the VM configuration '" + text + "' has "
                        + (part.isEmpty() ? "an empty option" : "an option without a name ('" + part + "')")
                        + " at position " + i + "; write " + FORMAT + " without empty parts");
            }
            options.add(new VmOption(name, value));
        }
        return new VmConfig(parts[0], options);
    }

    /**
     * True when the target is a jar or native library path rather than a codename: it ends with {@code .jar}
     * (in any case) or names a shared library ({@code .so}, {@code .so.N}, {@code .dylib}, {@code .dll}), or
     * contains {@code /} or the platform's path separator. A codename never does.
     *
     * @return true for a jar or native library path, false for a codename
     */
    public boolean isPath() {
        return target.regionMatches(true, target.length() - 4, ".jar", 0, 4)
                || NativeLibraryNames.isNativeLibrary(target)
                || target.indexOf('/') >= 0
                || target.indexOf(File.separatorChar) >= 0;
    }

    /**
     * The target as a path, for a configuration that {@link #isPath() is a path}.
     *
     * @throws LoaderException with {@link LoaderErrorCode#INVALID_ARGUMENT} if the platform cannot
     *                         express the target as a path
     */
    Path jarPath() throws LoaderException {
        try {
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new LoaderException(LoaderErrorCode.INVALID_ARGUMENT,
                    "'" + target + "' is not a valid jar path on this system (" + e.getReason()
                            + "); give a codename or the path of a plugin jar",
                    e);
        }
    }

    /** The configuration in its string form; {@link #parse} of it gives an equal configuration. */
    @Override
    public String toString() {
        return options.isEmpty()
                ? target
                : target + "," + options.stream().map(VmOption::toString).collect(Collectors.joining(","));
    }

    private static LoaderException invalid(String message) {
        return new LoaderException(LoaderErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * The codename a jar's file name suggests, for a {@code --vm} given as the path of a jar holding several
     * VMs: the base name with the extension and a trailing {@code -<version>} cut, and dashes read as
     * underscores; {@code trans-log-1.0.0.jar} gives {@code trans_log}.
     */
    static String expectedCodename(Path jar) {
        String name = jar.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            name = name.substring(0, name.length() - 4);
        }
        // The version suffix starts at the first dash followed by an ASCII digit; by hand rather than a regular
        // expression, whose machinery would cost every run's cold start when this class initialises.
        for (int i = 0; i + 1 < name.length(); i++) {
            if (name.charAt(i) == '-' && name.charAt(i + 1) >= '0' && name.charAt(i + 1) <= '9') {
                name = name.substring(0, i);
                break;
            }
        }
        return name.replace('-', '_');
    }
}
