package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a VM factory came from: a {@link Plugin plugin jar} (its PF4J plugin id, version and path), the host's
 * own {@link Classpath classpath}, or a {@link NativeLibraryPath native library given by path}. The type says
 * which; the accessors common to all three ({@link #pluginId()}, {@link #pluginVersion()}, {@link #jar()})
 * answer for any, empty where the case has no such thing.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface VmSource permits VmSource.Plugin, VmSource.Classpath, VmSource.NativeLibraryPath {

    /**
     * The plugin's id.
     *
     * @return the plugin's {@code Plugin-Id}; empty for the classpath and for a native library path
     */
    default Optional<String> pluginId() {
        return Optional.empty();
    }

    /**
     * The plugin's version.
     *
     * @return the plugin's {@code Plugin-Version}; empty for the classpath and for a native library path
     */
    default Optional<String> pluginVersion() {
        return Optional.empty();
    }

    /**
     * The file the factory came from.
     *
     * @return the plugin jar or native library as the loader found it (relative when given relative); empty for
     *         the classpath
     */
    default Optional<Path> jar() {
        return Optional.empty();
    }

    /**
     * The source of factories found by {@link java.util.ServiceLoader} on the host's classpath.
     *
     * @return the classpath source; always equal to any other {@link Classpath}
     */
    static VmSource classpath() {
        return new Classpath();
    }

    /**
     * Whether the factory came from the host's classpath.
     *
     * @return true for the host's classpath (no jar), false for a plugin jar or native library
     */
    default boolean isClasspath() {
        return this instanceof Classpath;
    }

    /**
     * A short human description, e.g. {@code "plugin trans_log 1.0.0 (plugins/trans-log-1.0.0.jar)"},
     * {@code "native library vms/libx.so"} or {@code "classpath"}.
     *
     * @return the description, for messages and listings; never null
     */
    String describe();

    /**
     * Factories in a plugin jar.
     *
     * @param id      the plugin's {@code Plugin-Id}
     * @param version the plugin's {@code Plugin-Version}
     * @param path    the plugin jar as the loader found it (relative when the plugins directory was given relative)
     */
    record Plugin(String id, String version, Path path) implements VmSource {

        /**
         * Checks that every component is present.
         *
         * @param id      the plugin's {@code Plugin-Id}; non-null
         * @param version the plugin's {@code Plugin-Version}; non-null
         * @param path    the plugin jar; non-null
         * @throws NullPointerException if any argument is null
         */
        public Plugin {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<String> pluginId() {
            return Optional.of(id);
        }

        @Override
        public Optional<String> pluginVersion() {
            return Optional.of(version);
        }

        @Override
        public Optional<Path> jar() {
            return Optional.of(path);
        }

        @Override
        public String describe() {
            return "plugin " + id + " " + version + " (" + path + ")";
        }
    }

    /** Factories found by {@link java.util.ServiceLoader} on the host's own classpath. */
    record Classpath() implements VmSource {

        @Override
        public String describe() {
            return "classpath";
        }
    }

    /**
     * A native (C/C++) VM loaded by the path of its shared library.
     *
     * @param path the shared library as given
     */
    record NativeLibraryPath(Path path) implements VmSource {

        /**
         * Checks that the path is present.
         *
         * @param path the shared library; non-null
         * @throws NullPointerException if {@code path} is null
         */
        public NativeLibraryPath {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<Path> jar() {
            return Optional.of(path);
        }

        @Override
        public String describe() {
            return "native library " + path;
        }
    }
}
