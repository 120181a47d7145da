package org.dvmc.host.loader.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.VmFactory;

/**
 * Builds real plugin jars for tests: Java sources compiled in memory against the spi (plus any extra
 * classpath), a manifest of your choosing, and a {@code META-INF/services/org.dvmc.spi.VmFactory} file.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("demo")
 *         .vm(FixtureVm.codename("demo"))
 *         .writeInto(pluginsDir);            // pluginsDir/demo-1.0.0.jar
 * }</pre>
 *
 * <p>A builder starts with {@code Plugin-Id}, {@code Plugin-Version: 1.0.0} and
 * {@code Dvmc-Abi-Version: 12}; each can be changed to any text or removed, and the manifest can be left
 * out altogether. Not thread-safe; the compiled classes are cached across builders
 * ({@link InMemoryCompiler}), so building many similar jars is cheap.
 */
public final class PluginJarBuilder {

    /** Where a VmFactory implementation is registered. */
    public static final String SERVICES_FILE = "META-INF/services/" + VmFactory.class.getName();

    private static final String SPI_PATH_PREFIX = VmFactory.class.getPackageName().replace('.', '/') + "/";

    private final Map<String, String> manifestAttributes = new LinkedHashMap<>();
    private boolean withManifest = true;
    private final Map<String, String> sources = new TreeMap<>();
    private final Set<String> services = new LinkedHashSet<>();
    private String rawServicesFile;
    private final Map<String, byte[]> resources = new TreeMap<>();
    private final List<Path> extraClasspath = new ArrayList<>();
    private boolean bundleSpi;
    private final Set<String> omittedClasses = new LinkedHashSet<>();

    private PluginJarBuilder() {
    }

    /** A plugin {@code pluginId}, version 1.0.0, ABI version 12, with no classes yet. */
    public static PluginJarBuilder plugin(String pluginId) {
        return new PluginJarBuilder()
                .manifestAttribute("Plugin-Id", pluginId)
                .manifestAttribute("Plugin-Version", "1.0.0")
                .manifestAttribute(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE, Integer.toString(Dvmc.ABI_VERSION));
    }

    /** A plugin {@code <codename with dashes>} holding the well-behaved {@link FixtureVm} {@code codename}. */
    public static PluginJarBuilder fixturePlugin(String codename) {
        return plugin(codename.replace('_', '-')).vm(FixtureVm.codename(codename));
    }

    /** Sets the {@code Plugin-Version}. */
    public PluginJarBuilder version(String version) {
        return manifestAttribute("Plugin-Version", version);
    }

    /** Sets {@code Dvmc-Abi-Version} to any text, e.g. {@code "11"} or {@code "abc"}. */
    public PluginJarBuilder abiVersion(String text) {
        return manifestAttribute(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE, text);
    }

    /** Sets {@code Dvmc-Abi-Version} to {@code version}. */
    public PluginJarBuilder abiVersion(int version) {
        return abiVersion(Integer.toString(version));
    }

    /** Sets a manifest main attribute. */
    public PluginJarBuilder manifestAttribute(String name, String value) {
        manifestAttributes.put(name, value);
        return this;
    }

    /** Removes a manifest main attribute, e.g. {@code "Plugin-Id"} or {@code "Dvmc-Abi-Version"}. */
    public PluginJarBuilder withoutManifestAttribute(String name) {
        manifestAttributes.remove(name);
        return this;
    }

    /** Writes the jar without any {@code META-INF/MANIFEST.MF}. */
    public PluginJarBuilder withoutManifest() {
        withManifest = false;
        return this;
    }

    /** Adds a source file; {@code className} is the binary name of its top-level class. */
    public PluginJarBuilder source(String className, String javaSource) {
        sources.put(className, javaSource);
        return this;
    }

    /** Adds {@code vm}'s sources and registers its factory in the services file. */
    public PluginJarBuilder vm(FixtureVm vm) {
        sources.putAll(vm.sources());
        return service(vm.factoryClassName());
    }

    /** Adds a line to the services file. */
    public PluginJarBuilder service(String factoryClassName) {
        services.add(factoryClassName);
        return this;
    }

    /** Replaces the services file with {@code text} exactly (an empty text writes an empty file). */
    public PluginJarBuilder servicesFile(String text) {
        rawServicesFile = text;
        return this;
    }

    /** Writes no services file at all. */
    public PluginJarBuilder withoutServicesFile() {
        services.clear();
        rawServicesFile = null;
        return this;
    }

    /** Adds a resource file at {@code path} inside the jar. */
    public PluginJarBuilder resource(String path, byte[] content) {
        resources.put(path, content.clone());
        return this;
    }

    /**
     * Adds every file under {@code directory} (e.g. a module's {@code target/classes}) at its relative
     * path, except a {@code META-INF/MANIFEST.MF}; the manifest stays the builder's.
     */
    public PluginJarBuilder resourcesFrom(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String path = directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!path.equals(JarFile.MANIFEST_NAME)) {
                    resources.put(path, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        return this;
    }

    /** Also puts the spi's classes into the jar, as a careless plugin build would. */
    public PluginJarBuilder bundleSpi() {
        bundleSpi = true;
        return this;
    }

    /**
     * Compiles the class {@code binaryName} (from the sources) but leaves it out of the jar, e.g. to
     * imitate a plugin built against an spi with a class this host's spi lacks.
     */
    public PluginJarBuilder omitClass(String binaryName) {
        omittedClasses.add(binaryName);
        return this;
    }

    /** Compiles against these jars or class directories too, besides the spi. */
    public PluginJarBuilder classpath(Path... entries) {
        extraClasspath.addAll(List.of(entries));
        return this;
    }

    /**
     * Writes the jar into {@code directory} as {@code <Plugin-Id>-<Plugin-Version>.jar} (or
     * {@code plugin.jar} without those attributes).
     */
    public Path writeInto(Path directory) {
        String id = manifestAttributes.getOrDefault("Plugin-Id", "plugin");
        String version = manifestAttributes.get("Plugin-Version");
        return writeTo(directory.resolve(version == null ? id + ".jar" : id + "-" + version + ".jar"));
    }

    /** Compiles the sources and writes the jar to {@code jar}, replacing any file there. */
    public Path writeTo(Path jar) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(spiLocation());
        classpath.addAll(extraClasspath);
        Map<String, byte[]> classes = sources.isEmpty() ? Map.of() : InMemoryCompiler.compile(sources, classpath);
        try {
            if (jar.getParent() != null) {
                Files.createDirectories(jar.getParent());
            }
            try (OutputStream file = Files.newOutputStream(jar);
                    ZipOutputStream zip = withManifest ? new JarOutputStream(file, manifest()) : new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> type : new TreeMap<>(classes).entrySet()) {
                    if (omittedClasses.contains(type.getKey())) {
                        continue;
                    }
                    put(zip, type.getKey().replace('.', '/') + ".class", type.getValue());
                }
                String servicesText = rawServicesFile != null ? rawServicesFile
                        : services.isEmpty() ? null : String.join("\n", services) + "\n";
                if (servicesText != null) {
                    put(zip, SERVICES_FILE, servicesText.getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    put(zip, resource.getKey(), resource.getValue());
                }
                if (bundleSpi) {
                    for (Map.Entry<String, byte[]> spiClass : spiClasses().entrySet()) {
                        put(zip, spiClass.getKey(), spiClass.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin jar " + jar, e);
        }
        return jar;
    }

    /** The jar or class directory the spi is loaded from. */
    public static Path spiLocation() {
        return locationOf(VmFactory.class);
    }

    /** The jar or class directory {@code type} is loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " is loaded from", e);
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((name, value) -> main.put(new Attributes.Name(name), value));
        return manifest;
    }

    private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        zip.putNextEntry(new JarEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    /** Path in jar → bytes of every class file of the spi package. */
    private static Map<String, byte[]> spiClasses() throws IOException {
        Path location = spiLocation();
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            Path packageDirectory = location.resolve(SPI_PATH_PREFIX);
            try (Stream<Path> files = Files.list(packageDirectory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.getFileName().toString().endsWith(".class")) {
                        classes.put(SPI_PATH_PREFIX + file.getFileName(), Files.readAllBytes(file));
                    }
                }
            }
        } else {
            try (JarFile spiJar = new JarFile(location.toFile())) {
                for (ZipEntry entry : (Iterable<JarEntry>) spiJar.stream()::iterator) {
                    if (entry.getName().startsWith(SPI_PATH_PREFIX) && entry.getName().endsWith(".class")) {
                        classes.put(entry.getName(), spiJar.getInputStream(entry).readAllBytes());
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no spi classes found in " + location);
        }
        return classes;
    }
}
