package org.dvmc.host.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.dvmc.spi.Dvmc;
import org.pf4j.ManifestPluginDescriptorFinder;

/**
 * Reads a plugin jar's manifest and services file and decides, without creating any class loader,
 * whether PF4J may load it: the file must be a readable jar with a manifest, declare this host's
 * {@code Dvmc-Abi-Version}, name a {@code Plugin-Id} and {@code Plugin-Version}, and list at least one
 * class in {@code META-INF/services/org.dvmc.spi.VmFactory}.
 *
 * <p>Both files are read in the one opening of the jar the ABI gate needs anyway, so a jar costs one
 * open here (and one more in its class loader if it is accepted). Not thread-safe.
 */
final class JarInspector {

    private static final String REMEDY = "replace it with a DVMC plugin jar built against dvmc-spi " + Dvmc.ABI_VERSION;

    private final InspectedDescriptorFinder finder;

    JarInspector(InspectedDescriptorFinder finder) {
        this.finder = finder;
    }

    /**
     * What the jar holds: its manifest, if present the class names of its services file, and whether it has
     * the native library its manifest names for this platform.
     */
    private record Contents(Manifest manifest, Optional<List<String>> factories, boolean hasNativeLibrary) {
    }

    /** Inspects {@code jar}; never throws for a bad file. */
    JarInspection inspect(Path jar) {
        Contents contents;
        try {
            contents = read(jar);
        } catch (LoaderException e) {
            return JarInspection.rejected(jar, Optional.empty(), Optional.empty(), e);
        }
        Attributes main = contents.manifest().getMainAttributes();
        Optional<String> pluginId = nonBlank(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID));
        Optional<String> pluginVersion = nonBlank(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION));
        String abiVersion = main.getValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE);

        Optional<LoaderException> abiProblem = AbiGate.check(jar, abiVersion);
        if (abiProblem.isPresent()) {
            return JarInspection.rejected(jar, pluginId, pluginVersion, abiProblem.get());
        }
        if (pluginId.isEmpty() || pluginVersion.isEmpty()) {
            String missing = pluginId.isEmpty() ? ManifestPluginDescriptorFinder.PLUGIN_ID
                    : ManifestPluginDescriptorFinder.PLUGIN_VERSION;
            return JarInspection.rejected(jar, pluginId, pluginVersion, cannotOpen("plugin jar " + jar
                    + " has no " + missing + " in its manifest, so it is not a PF4J plugin; add '" + missing
                    + ": ...' to META-INF/MANIFEST.MF (a DVMC plugin names Plugin-Id, Plugin-Version and "
                    + Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE + ")", null));
        }
        if (NativePluginManifest.declares(main)) {
            return inspectNative(jar, pluginId.get(), pluginVersion.get(), main, contents.hasNativeLibrary());
        }
        if (contents.factories().isEmpty() || contents.factories().get().isEmpty()) {
            return JarInspection.rejected(jar, pluginId, pluginVersion, new LoaderException(
                    LoaderErrorCode.SYMBOL_NOT_FOUND, "plugin jar " + jar + " has "
                            + (contents.factories().isEmpty() ? "no " : "an empty ") + FactoryDiscovery.SERVICES_FILE
                            + ", so it provides no VM; list its VmFactory class there"));
        }
        try {
            return JarInspection.passed(finder.describe(jar, contents.manifest(), abiVersion), contents.factories().get());
        } catch (RuntimeException e) {
            return JarInspection.rejected(jar, pluginId, pluginVersion, cannotOpen("plugin jar " + jar
                    + " has a manifest PF4J cannot read (" + e.getMessage() + "); fix its Plugin-* entries", e));
        }
    }

    /** A native plugin jar (its ABI already checked): valid native attributes and this platform's library. */
    private static JarInspection inspectNative(Path jar, String pluginId, String pluginVersion, Attributes main,
            boolean hasLibrary) {
        try {
            NativePluginManifest manifest = NativePluginManifest.read(jar, main);
            if (!hasLibrary) {
                return JarInspection.rejected(jar, Optional.of(pluginId), Optional.of(pluginVersion), cannotOpen(
                        "native plugin jar " + jar + " has no " + manifest.entryName() + ", so it carries no library"
                                + " for this platform (" + NativePluginManifest.platform() + "); use a build of the"
                                + " plugin for this platform", null));
            }
            return JarInspection.passedNative(jar, pluginId, pluginVersion, manifest);
        } catch (LoaderException e) {
            return JarInspection.rejected(jar, Optional.of(pluginId), Optional.of(pluginVersion), e);
        }
    }

    private static Contents read(Path jar) throws LoaderException {
        if (Files.isDirectory(jar)) {
            throw cannotOpen(jar + " is a directory, not a plugin jar; remove it from the plugins directory", null);
        }
        // No signature verification: only two text files are read here, and verifying costs time per jar.
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw cannotOpen("plugin jar " + jar + " has no META-INF/MANIFEST.MF, so it is not a plugin jar; "
                        + REMEDY, null);
            }
            String nativeLibrary = manifest.getMainAttributes().getValue(NativePluginManifest.LIBRARY);
            boolean hasNativeLibrary = nativeLibrary != null && file.getJarEntry("native/"
                    + NativePluginManifest.platform() + "/" + nativeLibrary.strip()) != null;
            JarEntry services = file.getJarEntry(FactoryDiscovery.SERVICES_FILE);
            if (services == null) {
                return new Contents(manifest, Optional.empty(), hasNativeLibrary);
            }
            try (InputStream in = file.getInputStream(services)) {
                return new Contents(manifest, Optional.of(parseServices(in)), hasNativeLibrary);
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw cannotOpen("plugin jar " + jar + " does not exist; check the path", e);
        } catch (ZipException e) {
            throw cannotOpen("plugin jar " + jar + (isEmptyFile(jar) ? " is an empty file"
                    : " is not a readable jar (" + e.getMessage() + ")") + "; " + REMEDY, e);
        } catch (IOException | RuntimeException e) {
            throw cannotOpen("plugin jar " + jar + " cannot be read (" + e + "); check that it is a readable jar"
                    + " file, or " + REMEDY, e);
        }
    }

    /** The class names of a services file: one per line, {@code #} starts a comment, blanks ignored, duplicates dropped. */
    private static List<String> parseServices(InputStream in) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static boolean isEmptyFile(Path jar) {
        try {
            return Files.size(jar) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static LoaderException cannotOpen(String message, Throwable cause) {
        return new LoaderException(LoaderErrorCode.CANNOT_OPEN, message, cause);
    }
}
