package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import org.dvmc.spi.VmFactory;

/**
 * The native part of a plugin jar's manifest: a native plugin jar carries a shared library per platform at
 * {@code native/<platform>/<library>} instead of Java classes, and names it in its manifest:
 *
 * <pre>
 * Dvmc-Native-Codename: trans_log_native          the codename users select it by (required)
 * Dvmc-Native-Library: libtrans_log_vm.so         the library's file name in native/&lt;platform&gt;/ (required)
 * Dvmc-Native-Create: dvmc_create_trans_log_vm    its create function (optional; default by the file name)
 * </pre>
 *
 * Platforms: {@code linux-x86_64}, {@code linux-aarch64}, {@code macos-x86_64}, {@code macos-aarch64},
 * {@code windows-x86_64}. Immutable.
 *
 * @param codename       the codename
 * @param library        the library's file name
 * @param createFunction the create function, when the manifest names one
 */
record NativePluginManifest(String codename, String library, Optional<String> createFunction) {

    static final String CODENAME = "Dvmc-Native-Codename";
    static final String LIBRARY = "Dvmc-Native-Library";
    static final String CREATE = "Dvmc-Native-Create";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** True when the manifest declares a native plugin (names a native codename or library). */
    static boolean declares(Attributes main) {
        return main.getValue(CODENAME) != null || main.getValue(LIBRARY) != null;
    }

    /**
     * Reads and checks the native attributes of a manifest that {@link #declares} a native plugin.
     *
     * @throws LoaderException SYMBOL_NOT_FOUND naming the attribute that is missing or malformed
     */
    static NativePluginManifest read(Path jar, Attributes main) throws LoaderException {
        String codename = strip(main.getValue(CODENAME));
        String library = strip(main.getValue(LIBRARY));
        String create = strip(main.getValue(CREATE));
        if (codename == null || !VmFactory.CODENAME_PATTERN.matcher(codename).matches()) {
            throw invalid(jar, CODENAME, codename, "a codename: lower-case letters, digits and underscores, starting"
                    + " with a letter, e.g. trans_log_native");
        }
        if (library == null || !FILE_NAME.matcher(library).matches()) {
            throw invalid(jar, LIBRARY, library, "the library's file name in native/<platform>/, without"
                    + " directories, e.g. libtrans_log_vm.so");
        }
        if (create != null && !C_IDENTIFIER.matcher(create).matches()) {
            throw invalid(jar, CREATE, create, "the create function's C name, e.g. dvmc_create_trans_log_vm");
        }
        return new NativePluginManifest(codename, library, Optional.ofNullable(create));
    }

    /** Where the library for this machine's platform lives in the jar. */
    String entryName() {
        return "native/" + platform() + "/" + library;
    }

    /** This machine's platform, e.g. {@code linux-x86_64}; the directory name under {@code native/}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "macos"
                : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
        String archName = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch.replaceAll("[^a-z0-9_]", "");
        };
        return osName + "-" + archName;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LoaderException invalid(Path jar, String attribute, String value, String expected) {
        return new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND, "native plugin jar " + jar + " has "
                + (value == null ? "no " + attribute : attribute + " '" + value + "'") + " in its manifest; it must"
                + " name " + expected);
    }
}
