package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader decided about one {@code *.jar} file it found: accepted with the codenames it
 * provides, or rejected and why.
 *
 * <p>A jar is accepted when its manifest declares this host's ABI version, its plugin started, and
 * every entry of its {@code META-INF/services/org.dvmc.spi.VmFactory} file gave a factory with a valid
 * codename. A rejected jar contributes no VM; the rejection's message names the jar and what to do.
 * Immutable and thread-safe.
 *
 * @param jar           the file as found in the plugins directory (or as given in path mode)
 * @param pluginId      the manifest's {@code Plugin-Id}, when the manifest could be read and has one
 * @param pluginVersion the manifest's {@code Plugin-Version}, when the manifest could be read and has one
 * @param accepted      true when the jar's VMs are in the registry
 * @param rejection     why the jar was rejected; present exactly when {@code accepted} is false
 * @param codenames     the codenames the jar provides, sorted; empty when rejected
 * @param sha256        the SHA-256 of the bytes read (and loaded), lower-case hex; present when the loader
 *                      computed digests ({@link VmLoader.Builder#computeDigests}, or pinning) and the file
 *                      could be read (not missing, a regular file, not too large)
 */
public record PluginReport(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
        boolean accepted, Optional<LoaderException> rejection, List<String> codenames, Optional<String> sha256) {

    /**
     * A report without a digest.
     *
     * @param jar           the jar
     * @param pluginId      its {@code Plugin-Id}, if known
     * @param pluginVersion its {@code Plugin-Version}, if known
     * @param accepted      whether it was accepted
     * @param rejection     why not, exactly when not accepted
     * @param codenames     the codenames it provides
     */
    public PluginReport(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
            boolean accepted, Optional<LoaderException> rejection, List<String> codenames) {
        this(jar, pluginId, pluginVersion, accepted, rejection, codenames, Optional.empty());
    }

    /**
     * Checks that a rejection is present exactly when the jar was not accepted.
     *
     * @param jar           the jar
     * @param pluginId      its {@code Plugin-Id}, if known
     * @param pluginVersion its {@code Plugin-Version}, if known
     * @param accepted      whether it was accepted
     * @param rejection     why not, exactly when not accepted
     * @param codenames     the codenames it provides
     * @param sha256        its SHA-256, if computed
     */
    public PluginReport {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(rejection, "rejection");
        codenames = List.copyOf(codenames);
        if (accepted == rejection.isPresent()) {
            throw new IllegalArgumentException("a plugin report has a rejection exactly when it is not accepted");
        }
    }

    static PluginReport accepted(Path jar, String pluginId, String pluginVersion, List<String> codenames) {
        return new PluginReport(jar, Optional.of(pluginId), Optional.of(pluginVersion), true, Optional.empty(),
                codenames.stream().sorted().toList());
    }

    /** This report with the jar's digest. */
    PluginReport withSha256(String digest) {
        return new PluginReport(jar, pluginId, pluginVersion, accepted, rejection, codenames, Optional.of(digest));
    }

    static PluginReport rejected(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
            LoaderException rejection) {
        return new PluginReport(jar, pluginId, pluginVersion, false, Optional.of(rejection), List.of());
    }
}
