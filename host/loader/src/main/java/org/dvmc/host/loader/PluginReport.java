package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader decided about one {@code *.jar} file it found: {@link Accepted accepted} with the codenames
 * it provides, or {@link Rejected rejected} and why. The type says which; the accessors common to both
 * ({@link #accepted()}, {@link #rejection()}, {@link #pluginId()}, {@link #codenames()}, …) answer for either,
 * so code that does not need to tell the cases apart need not.
 *
 * <p>A jar is accepted when its manifest declares this host's ABI version, its plugin started, and
 * every entry of its {@code META-INF/services/org.dvmc.spi.VmFactory} file gave a factory with a valid
 * codename. A rejected jar contributes no VM; the rejection's message names the jar and what to do.
 * Immutable and thread-safe.
 */
public sealed interface PluginReport permits PluginReport.Accepted, PluginReport.Rejected {

    /**
     * The jar.
     *
     * @return the file as found in the plugins directory (or as given in path mode)
     */
    Path jar();

    /**
     * The jar's plugin id.
     *
     * @return the manifest's {@code Plugin-Id}; always present when accepted, present when rejected if the
     *         manifest could be read and has one
     */
    Optional<String> pluginId();

    /**
     * The jar's plugin version.
     *
     * @return the manifest's {@code Plugin-Version}; always present when accepted, present when rejected if the
     *         manifest could be read and has one
     */
    Optional<String> pluginVersion();

    /**
     * The codenames the jar provides.
     *
     * @return the codenames, sorted; empty when rejected
     */
    List<String> codenames();

    /**
     * The jar's digest.
     *
     * @return the SHA-256 of the bytes read (and loaded), lower-case hex; present when the loader computed
     *         digests ({@link VmLoader.Builder#computeDigests}, or pinning) and the file could be read (not
     *         missing, a regular file, not too large)
     */
    Optional<String> sha256();

    /**
     * Whether the jar was accepted.
     *
     * @return true when the jar's VMs are in the registry ({@link Accepted}), false when {@link Rejected}
     */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * Why the jar was rejected.
     *
     * @return the rejection; present exactly when {@link #accepted()} is false
     */
    default Optional<LoaderException> rejection() {
        return this instanceof Rejected rejected ? Optional.of(rejected.reason()) : Optional.empty();
    }

    /**
     * A jar whose VMs are in the registry.
     *
     * @param jar       the file as found
     * @param id        its {@code Plugin-Id}
     * @param version   its {@code Plugin-Version}
     * @param codenames the codenames it provides, sorted
     * @param sha256    its SHA-256, if computed
     */
    record Accepted(Path jar, String id, String version, List<String> codenames, Optional<String> sha256)
            implements PluginReport {

        /**
         * Checks that every component is present and copies the codenames.
         *
         * @param jar       the file as found; non-null
         * @param id        its {@code Plugin-Id}; non-null
         * @param version   its {@code Plugin-Version}; non-null
         * @param codenames the codenames it provides, sorted
         * @param sha256    its SHA-256, if computed; non-null
         * @throws NullPointerException if any argument is null
         */
        public Accepted {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(sha256, "sha256");
            codenames = List.copyOf(codenames);
        }

        @Override
        public Optional<String> pluginId() {
            return Optional.of(id);
        }

        @Override
        public Optional<String> pluginVersion() {
            return Optional.of(version);
        }
    }

    /**
     * A jar that contributes no VM.
     *
     * @param jar           the file as found
     * @param pluginId      its {@code Plugin-Id}, when the manifest could be read and has one
     * @param pluginVersion its {@code Plugin-Version}, when the manifest could be read and has one
     * @param reason        why it was rejected; the message names the jar and what to do
     * @param sha256        its SHA-256, if computed
     */
    record Rejected(Path jar, Optional<String> pluginId, Optional<String> pluginVersion, LoaderException reason,
            Optional<String> sha256) implements PluginReport {

        /**
         * Checks that every component is present.
         *
         * @param jar           the file as found; non-null
         * @param pluginId      its {@code Plugin-Id}, if known; non-null
         * @param pluginVersion its {@code Plugin-Version}, if known; non-null
         * @param reason        why it was rejected; non-null
         * @param sha256        its SHA-256, if computed; non-null
         * @throws NullPointerException if any argument is null
         */
        public Rejected {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public List<String> codenames() {
            return List.of();
        }
    }
}
