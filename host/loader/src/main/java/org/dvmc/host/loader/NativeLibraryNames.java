package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The reference loader's naming rules for native VM libraries: which {@code --vm} targets are libraries,
 * and which create functions a library is searched for.
 */
public final class NativeLibraryNames {

    /** The prefix of this project's create functions, as in {@code dvmc_create_trans_log_vm}. */
    public static final String DVMC_PREFIX = "dvmc_create";
    /** The prefix of the reference C interface's create functions, as in {@code evmc_create_evmone}. */
    public static final String REFERENCE_PREFIX = "evmc_create";

    private NativeLibraryNames() {
    }

    /**
     * True when {@code target} names a shared library rather than a plugin jar or codename: its file name
     * ends with {@code .so}, {@code .dylib} or {@code .dll}, or carries a versioned {@code .so.N} suffix.
     *
     * @param target a {@code --vm} target: a codename, a jar path or a library path
     * @return whether it names a shared library
     */
    public static boolean isNativeLibrary(String target) {
        int slash = Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\'));
        String name = target.substring(slash + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll") || name.contains(".so.");
    }

    /**
     * The VM name a library's file name gives: the name without its directory, without a leading
     * {@code lib}, cut at its first {@code .}, with {@code -} read as {@code _}; {@code /x/libtrans-log.so.1}
     * gives {@code trans_log}.
     *
     * @param library the shared library
     * @return the VM name its file name gives; empty when the name is only {@code lib} and extensions
     */
    public static String vmName(Path library) {
        String name = library.getFileName().toString();
        if (name.startsWith("lib")) {
            name = name.substring(3);
        }
        int dot = name.indexOf('.');
        if (dot >= 0) {
            name = name.substring(0, dot);
        }
        return name.replace('-', '_');
    }

    /**
     * The create functions looked up in {@code library}, in order: {@code dvmc_create_NAME},
     * {@code dvmc_create}, then the reference C interface's {@code evmc_create_NAME} and {@code evmc_create}
     * (its ABI 12 is this ABI field for field, so such libraries load unchanged).
     *
     * @param library the shared library
     * @return the create function names to try, in order; never empty
     */
    public static List<String> createFunctions(Path library) {
        String name = vmName(library);
        if (name.isEmpty()) {
            return List.of(DVMC_PREFIX, REFERENCE_PREFIX);
        }
        return List.of(DVMC_PREFIX + "_" + name, DVMC_PREFIX, REFERENCE_PREFIX + "_" + name, REFERENCE_PREFIX);
    }
}
