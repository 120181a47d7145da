package org.dvmc.host.loader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
 * open here (and one more in its class loader if it is accepted). What is read is bounded
 * ({@value #MAX_MANIFEST_BYTES} bytes of manifest, {@value #MAX_SERVICES_BYTES} bytes and
 * {@value #MAX_FACTORIES} names of services file), so a hostile jar cannot exhaust memory here. The jar
 * read is the scan's private copy ({@link PrivateJarCopies}), the very file PF4J then loads. Not thread-safe.
 */
final class JarInspector {

    private static final String REMEDY = "replace it with a DVMC plugin jar built against " + Dvmc.SPI_OF_THIS_ABI;

    private final InspectedDescriptorFinder finder;

    JarInspector(InspectedDescriptorFinder finder) {
        this.finder = finder;
    }

    /** The most bytes read of a jar's manifest: 64 KiB (a plugin's manifest has a dozen short lines). */
    static final int MAX_MANIFEST_BYTES = 64 << 10;
    /** The most bytes read of a jar's services file: 64 KiB. */
    static final int MAX_SERVICES_BYTES = 64 << 10;
    /** The most factory classes a services file may name. */
    static final int MAX_FACTORIES = 100;

    /**
     * What the jar holds: its manifest, the class names of its services file if it has one, which of those
     * names have a class file in the jar, and whether it has the native library its manifest names for this
     * platform.
     */
    private record Contents(Manifest manifest, Optional<List<String>> factories, Set<String> withClassFile,
            boolean hasNativeLibrary) {
    }

    /**
     * Inspects the private copy of a jar; messages name the jar as found. Never throws for a bad file.
     *
     * @param taken the jar and its private copy, which is what is read (and what PF4J will load)
     */
    JarInspection inspect(PrivateJarCopies.Taken taken) {
        Path jar = taken.original();
        Contents contents;
        try {
            contents = read(jar, taken.copy());
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
            return JarInspection.passed(finder.describe(jar, contents.manifest(), abiVersion).loadedFrom(taken.copy()),
                    contents.factories().get(), contents.withClassFile());
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

    private static Contents read(Path jar, Path copy) throws LoaderException {
        // No signature verification: only two text files are read here, and verifying costs time per jar.
        try (JarFile file = new JarFile(copy.toFile(), false)) {
            JarEntry manifestEntry = file.getJarEntry(JarFile.MANIFEST_NAME);
            if (manifestEntry == null) {
                throw cannotOpen("plugin jar " + jar + " has no META-INF/MANIFEST.MF, so it is not a plugin jar; "
                        + REMEDY, null);
            }
            Manifest manifest = new Manifest(new ByteArrayInputStream(
                    readBounded(file, manifestEntry, MAX_MANIFEST_BYTES, jar, "its manifest")));
            String nativeLibrary = manifest.getMainAttributes().getValue(NativePluginManifest.LIBRARY);
            boolean hasNativeLibrary = nativeLibrary != null && file.getJarEntry("native/"
                    + NativePluginManifest.platform() + "/" + nativeLibrary.strip()) != null;
            JarEntry services = file.getJarEntry(FactoryDiscovery.SERVICES_FILE);
            if (services == null) {
                return new Contents(manifest, Optional.empty(), Set.of(), hasNativeLibrary);
            }
            List<String> factories = parseServices(jar,
                    readBounded(file, services, MAX_SERVICES_BYTES, jar, FactoryDiscovery.SERVICES_FILE));
            Set<String> withClassFile = new HashSet<>();
            for (String factory : factories) {
                if (file.getEntry(factory.replace('.', '/') + ".class") != null) {
                    withClassFile.add(factory);
                }
            }
            return new Contents(manifest, Optional.of(factories), withClassFile, hasNativeLibrary);
        } catch (ZipException e) {
            throw cannotOpen("plugin jar " + jar + (isEmptyFile(copy) ? " is an empty file"
                    : " is not a readable jar (" + e.getMessage() + ")") + "; " + REMEDY, e);
        } catch (IOException e) {
            if (PrivateJarCopies.isOutOfFileDescriptors(e)) {
                throw PrivateJarCopies.unreadable(jar, e);
            }
            throw cannotOpen("plugin jar " + jar + " cannot be read (" + e.getMessage() + "); check that it is a"
                    + " readable jar file, or " + REMEDY, e);
        } catch (RuntimeException e) {
            throw cannotOpen("plugin jar " + jar + " cannot be read (" + e + "); check that it is a readable jar"
                    + " file, or " + REMEDY, e);
        }
    }

    /**
     * The bytes of {@code entry}, at most {@code limit}: a compressed entry of a few kilobytes can inflate to
     * gigabytes, and the size the jar declares for it cannot be trusted.
     */
    private static byte[] readBounded(JarFile file, JarEntry entry, int limit, Path jar, String what)
            throws IOException, LoaderException {
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw cannotOpen("plugin jar " + jar + " is rejected: " + what + " is larger than " + (limit >> 10)
                        + " KiB, far more than a plugin needs; " + REMEDY, null);
            }
            return bytes;
        }
    }

    /**
     * The class names of a services file: one per line, {@code #} starts a comment, blanks ignored, duplicates
     * dropped; at most {@value #MAX_FACTORIES} names.
     */
    private static List<String> parseServices(Path jar, byte[] content) throws LoaderException {
        Set<String> names = new LinkedHashSet<>();
        String text = new String(content, StandardCharsets.UTF_8);
        // By hand rather than split("\\R"): the regular-expression machinery costs a cold start milliseconds.
        for (int start = 0; start < text.length(); ) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            start = end + 1;
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty() && names.add(name) && names.size() > MAX_FACTORIES) {
                throw cannotOpen("plugin jar " + jar + " is rejected: its " + FactoryDiscovery.SERVICES_FILE
                        + " names more than " + MAX_FACTORIES + " classes; a plugin jar provides a few VMs at most", null);
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
