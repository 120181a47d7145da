package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What reading one jar's manifest found: a descriptor PF4J may load, a native VM, or the reason to reject the jar.
 *
 * @param jar           the jar
 * @param pluginId      the manifest's {@code Plugin-Id}, when readable and present
 * @param pluginVersion the manifest's {@code Plugin-Version}, when readable and present
 * @param descriptor    the descriptor to load; present exactly when neither {@code rejection} nor {@code nativeVm} is
 * @param factories     the class names listed in the jar's services file, in order, without duplicates;
 *                      non-empty when the jar passed, empty when rejected
 * @param withClassFile the names of {@code factories} whose class file is in the jar, to tell a class missing
 *                      from the jar from one the class loader could not read
 * @param rejection     why the jar must not load
 * @param nativeVm      for a native plugin jar that passed (one PF4J never loads): its native manifest
 */
record JarInspection(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
        Optional<DvmcPluginDescriptor> descriptor, List<String> factories, Set<String> withClassFile,
        Optional<LoaderException> rejection, Optional<NativePluginManifest> nativeVm) {

    JarInspection {
        Objects.requireNonNull(jar, "jar");
        factories = List.copyOf(factories);
        withClassFile = Set.copyOf(withClassFile);
        if ((descriptor.isPresent() ? 1 : 0) + (rejection.isPresent() ? 1 : 0) + (nativeVm.isPresent() ? 1 : 0) != 1) {
            throw new IllegalArgumentException("an inspection has either a descriptor, a native VM or a rejection");
        }
    }

    /** A native plugin jar that passed: it carries this platform's library and names it. */
    static JarInspection passedNative(Path jar, String pluginId, String pluginVersion, NativePluginManifest manifest) {
        return new JarInspection(jar, Optional.of(pluginId), Optional.of(pluginVersion), Optional.empty(), List.of(),
                Set.of(), Optional.empty(), Optional.of(manifest));
    }

    static JarInspection passed(DvmcPluginDescriptor descriptor, List<String> factories, Set<String> withClassFile) {
        return new JarInspection(descriptor.jar(), Optional.of(descriptor.getPluginId()),
                Optional.of(descriptor.getVersion()), Optional.of(descriptor), factories, withClassFile, Optional.empty(),
                Optional.empty());
    }

    static JarInspection rejected(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
            LoaderException rejection) {
        return new JarInspection(jar, pluginId, pluginVersion, Optional.empty(), List.of(), Set.of(),
                Optional.of(rejection), Optional.empty());
    }

    /** The report of a jar rejected at inspection. */
    PluginReport rejectedReport() {
        return PluginReport.rejected(jar, pluginId, pluginVersion, rejection.orElseThrow());
    }
}
