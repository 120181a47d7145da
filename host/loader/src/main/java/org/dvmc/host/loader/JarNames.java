package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a plugin jar's file name says about the VM inside. */
final class JarNames {

    /** A trailing {@code -<version>}: a dash followed by a digit, and everything after it. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-\\d.*$");

    private JarNames() {
    }

    /**
     * The codename a jar's file name suggests: the base name with the extension and a trailing
     * {@code -<version>} cut, and dashes read as underscores; {@code trans-log-1.0.0.jar} gives
     * {@code trans_log}.
     */
    static String expectedCodename(Path jar) {
        String name = jar.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            name = name.substring(0, name.length() - 4);
        }
        return VERSION_SUFFIX.matcher(name).replaceFirst("").replace('-', '_');
    }
}
