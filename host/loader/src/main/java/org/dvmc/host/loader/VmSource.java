package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a VM factory came from: a plugin jar (its PF4J plugin id, version and path) or the host's own
 * classpath (all three empty).
 *
 * <p>Immutable and thread-safe.
 *
 * @param pluginId      the plugin's {@code Plugin-Id}; empty for the classpath
 * @param pluginVersion the plugin's {@code Plugin-Version}; empty for the classpath
 * @param jar           the plugin jar as the loader found it (relative when the plugins directory was
 *                      given relative); empty for the classpath
 */
public record VmSource(Optional<String> pluginId, Optional<String> pluginVersion, Optional<Path> jar) {

    private static final VmSource CLASSPATH = new VmSource(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks that every component is present (each may be empty).
     *
     * @param pluginId      the plugin's {@code Plugin-Id}; non-null, empty for the classpath
     * @param pluginVersion the plugin's {@code Plugin-Version}; non-null, empty for the classpath
     * @param jar           the plugin jar; non-null, empty for the classpath
     * @throws NullPointerException if any argument is null
     */
    public VmSource {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(jar, "jar");
    }

    /**
     * The source of factories found by {@link java.util.ServiceLoader} on the host's classpath.
     *
     * @return the classpath source, with all three components empty; always the same instance
     */
    public static VmSource classpath() {
        return CLASSPATH;
    }

    /** The source of factories in the plugin {@code pluginId} {@code pluginVersion} at {@code jar}. */
    static VmSource plugin(String pluginId, String pluginVersion, Path jar) {
        return new VmSource(Optional.of(pluginId), Optional.of(pluginVersion), Optional.of(jar));
    }

    /**
     * Whether the factory came from the host's classpath.
     *
     * @return true for the host's classpath (no jar), false for a plugin jar
     */
    public boolean isClasspath() {
        return jar.isEmpty();
    }

    /**
     * A short human description, e.g. {@code "plugin trans_log 1.0.0 (plugins/trans-log-1.0.0.jar)"}
     * or {@code "classpath"}.
     *
     * @return the description, for messages and listings; never null
     */
    public String describe() {
        if (isClasspath()) {
            return "classpath";
        }
        if (pluginId.isEmpty() && NativeLibraryNames.isNativeLibrary(jar.get().toString())) {
            return "native library " + jar.get();
        }
        StringBuilder text = new StringBuilder("plugin");
        pluginId.ifPresent(id -> text.append(' ').append(id));
        pluginVersion.ifPresent(version -> text.append(' ').append(version));
        return text.append(" (").append(jar.get()).append(')').toString();
    }
}
