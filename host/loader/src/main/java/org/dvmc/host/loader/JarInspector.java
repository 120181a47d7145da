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
import java.util.Objects;
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
 * Loading step 2, in one place: reads a plugin jar's manifest and services file and decides, without creating
 * any class loader, whether PF4J may load it. The file must be a readable jar with a manifest, declare this
 * host's {@code Dvmc-Abi-Version} (the ABI gate, {@link #checkAbi}, which {@link DvmcPluginManager} re-applies
 * to every descriptor PF4J validates), name a {@code Plugin-Id} and {@code Plugin-Version}, and either list at
 * least one class in {@code META-INF/services/org.dvmc.spi.VmFactory} or be a native plugin jar
 * ({@link NativePluginManifest}) carrying this platform's library. The answer is an {@link Inspection}: the jar
 * {@link Passed passed} (a PF4J descriptor and its factory class names), is a {@link Native native} VM, or is
 * {@link Rejected rejected} with the reason.
 *
 * <p>Where the other steps live: step 1 (privately copying and, when pinning, hashing each jar) is
 * {@link PrivateJarCopies}; step 3 (PF4J class loaders, starting, services) is {@link PluginScan},
 * {@link DvmcPluginManager} and {@link FactoryDiscovery}; step 4 is {@link Registry}; steps 5 and 6 are
 * {@link VmLoader} and {@link VmCreator}.
 *
 * <p>Both files are read in the one opening of the jar the ABI gate needs anyway, so a jar costs one
 * open here (and one more in its class loader if it is accepted). What is read is bounded
 * ({@value #MAX_MANIFEST_BYTES} bytes of manifest, {@value #MAX_SERVICES_BYTES} bytes and
 * {@value #MAX_FACTORIES} names of services file), so a hostile jar cannot exhaust memory here. The jar
 * read is the scan's private copy ({@link PrivateJarCopies}), the very file PF4J then loads. Not thread-safe.
 */
final class JarInspector {

    private static final String REMEDY = "replace it with a DVMC plugin jar built against " + Dvmc.SPI_OF_THIS_ABI;

    private static final String ABI_ATTRIBUTE = Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE;
    private static final int HOST_ABI = Dvmc.ABI_VERSION;

    private final DvmcPluginManager.InspectedDescriptorFinder finder;

    JarInspector(DvmcPluginManager.InspectedDescriptorFinder finder) {
        this.finder = finder;
    }

    /** The most bytes read of a jar's manifest: 64 KiB (a plugin's manifest has a dozen short lines). */
    static final int MAX_MANIFEST_BYTES = 64 << 10;
    /** The most bytes read of a jar's services file: 64 KiB. */
    static final int MAX_SERVICES_BYTES = 64 << 10;
    /** The most factory classes a services file may name. */
    static final int MAX_FACTORIES = 100;

    /** What reading one jar's manifest found: a descriptor PF4J may load, a native VM, or the reason to reject it. */
    sealed interface Inspection permits Passed, Native, Rejected {
        /** The jar as found (messages name it), not its private copy. */
        Path jar();
    }

    /**
     * A Java plugin jar PF4J may load.
     *
     * @param descriptor    the descriptor to load
     * @param factories     the class names listed in the jar's services file, in order, without duplicates; never empty
     * @param withClassFile the names of {@code factories} whose class file is in the jar, to tell a class missing
     *                      from the jar from one the class loader could not read
     */
    record Passed(DvmcPluginDescriptor descriptor, List<String> factories, Set<String> withClassFile)
            implements Inspection {
        Passed {
            Objects.requireNonNull(descriptor, "descriptor");
            factories = List.copyOf(factories);
            withClassFile = Set.copyOf(withClassFile);
        }

        @Override
        public Path jar() {
            return descriptor.jar();
        }
    }

    /**
     * A native plugin jar (one PF4J never loads) that carries this platform's library.
     *
     * @param jar           the jar
     * @param pluginId      its {@code Plugin-Id}
     * @param pluginVersion its {@code Plugin-Version}
     * @param manifest      its native manifest
     */
    record Native(Path jar, String pluginId, String pluginVersion, NativePluginManifest manifest)
            implements Inspection {
        Native {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            Objects.requireNonNull(manifest, "manifest");
        }
    }

    /**
     * A jar that must not load.
     *
     * @param jar           the jar
     * @param pluginId      the manifest's {@code Plugin-Id}, when readable and present
     * @param pluginVersion the manifest's {@code Plugin-Version}, when readable and present
     * @param rejection     why
     */
    record Rejected(Path jar, Optional<String> pluginId, Optional<String> pluginVersion, LoaderException rejection)
            implements Inspection {
        Rejected {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            Objects.requireNonNull(rejection, "rejection");
        }

        /** The report of this jar. */
        PluginReport report() {
            return new PluginReport.Rejected(jar, pluginId, pluginVersion, rejection, Optional.empty());
        }
    }

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
    Inspection inspect(PrivateJarCopies.Taken taken) {
        Path jar = taken.original();
        Contents contents;
        try {
            contents = read(jar, taken.copy());
        } catch (LoaderException e) {
            return new Rejected(jar, Optional.empty(), Optional.empty(), e);
        }
        Attributes main = contents.manifest().getMainAttributes();
        Optional<String> pluginId = nonBlank(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID));
        Optional<String> pluginVersion = nonBlank(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION));
        String abiVersion = main.getValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE);

        Optional<LoaderException> abiProblem = checkAbi(jar, abiVersion);
        if (abiProblem.isPresent()) {
            return new Rejected(jar, pluginId, pluginVersion, abiProblem.get());
        }
        if (pluginId.isEmpty() || pluginVersion.isEmpty()) {
            String missing = pluginId.isEmpty() ? ManifestPluginDescriptorFinder.PLUGIN_ID
                    : ManifestPluginDescriptorFinder.PLUGIN_VERSION;
            return new Rejected(jar, pluginId, pluginVersion, cannotOpen("plugin jar " + jar
                    + " has no " + missing + " in its manifest, so it is not a PF4J plugin; add '" + missing
                    + ": ...' to META-INF/MANIFEST.MF (a DVMC plugin names Plugin-Id, Plugin-Version and "
                    + Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE + ")", null));
        }
        if (NativePluginManifest.declares(main)) {
            return inspectNative(jar, pluginId.get(), pluginVersion.get(), main, contents.hasNativeLibrary());
        }
        if (contents.factories().isEmpty() || contents.factories().get().isEmpty()) {
            return new Rejected(jar, pluginId, pluginVersion, new LoaderException(
                    LoaderErrorCode.SYMBOL_NOT_FOUND, "plugin jar " + jar + " has "
                            + (contents.factories().isEmpty() ? "no " : "an empty ") + FactoryDiscovery.SERVICES_FILE
                            + ", so it provides no VM; list its VmFactory class there"));
        }
        try {
            return new Passed(finder.describe(jar, contents.manifest(), abiVersion).loadedFrom(taken.copy()),
                    contents.factories().get(), contents.withClassFile());
        } catch (RuntimeException e) {
            return new Rejected(jar, pluginId, pluginVersion, cannotOpen("plugin jar " + jar
                    + " has a manifest PF4J cannot read (" + e.getMessage() + "); fix its Plugin-* entries", e));
        }
    }

    /** A native plugin jar (its ABI already checked): valid native attributes and this platform's library. */
    private static Inspection inspectNative(Path jar, String pluginId, String pluginVersion, Attributes main,
            boolean hasLibrary) {
        try {
            NativePluginManifest manifest = NativePluginManifest.read(jar, main);
            if (!hasLibrary) {
                return new Rejected(jar, Optional.of(pluginId), Optional.of(pluginVersion), cannotOpen(
                        "native plugin jar " + jar + " has no " + manifest.entryName() + ", so it carries no library"
                                + " for this platform (" + NativePluginManifest.platform() + "); use a build of the"
                                + " plugin for this platform", null));
            }
            return new Native(jar, pluginId, pluginVersion, manifest);
        } catch (LoaderException e) {
            return new Rejected(jar, Optional.of(pluginId), Optional.of(pluginVersion), e);
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

    /**
     * The ABI gate: why a jar declaring {@code declared} as its {@code Dvmc-Abi-Version} (null when absent) is
     * refused, or empty when it may load. It must equal {@link Dvmc#ABI_VERSION}; surrounding white space of
     * the value is ignored. Runs on the manifest text alone, before any class loader exists.
     */
    static Optional<LoaderException> checkAbi(Path jar, String declared) {
        String remedy = "rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI + " and declare '" + ABI_ATTRIBUTE + ": "
                + HOST_ABI + "' in its manifest";
        if (declared == null || declared.isBlank()) {
            return Optional.of(abiMismatch("plugin jar " + jar + " declares no " + ABI_ATTRIBUTE
                    + " in its manifest but this host speaks ABI version " + HOST_ABI + "; " + remedy));
        }
        String digits = declared.strip();
        if (!isPlainDecimal(digits)) {
            return Optional.of(abiMismatch("plugin jar " + jar + " declares " + ABI_ATTRIBUTE + " '"
                    + Escaping.escape(declared) + "', which is not a plain decimal number (ASCII digits, no sign, no"
                    + " leading zero), but this host speaks ABI version " + HOST_ABI + "; " + remedy));
        }
        int version = Integer.parseInt(digits);
        if (version != HOST_ABI) {
            return Optional.of(abiMismatch("plugin jar " + jar + " declares " + ABI_ATTRIBUTE + " " + version
                    + " but this host speaks " + HOST_ABI + "; rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI
                    + (version > HOST_ABI ? ", or use a newer host that speaks " + version : "")));
        }
        return Optional.empty();
    }

    /**
     * True for {@code 0} and for 1..9 ASCII digits not starting with {@code 0}: {@link Integer#parseInt} alone
     * would also take {@code +12}, {@code 012} and non-ASCII digits, each a different text for the same ABI.
     */
    static boolean isPlainDecimal(String text) {
        if (text.isEmpty() || text.length() > 9 || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static LoaderException abiMismatch(String message) {
        return new LoaderException(LoaderErrorCode.ABI_VERSION_MISMATCH, message);
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
