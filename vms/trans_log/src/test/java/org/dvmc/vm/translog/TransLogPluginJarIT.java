package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.Test;

/**
 * Opens the plugin jar the build produced (run by failsafe after {@code package}) and checks what the
 * host relies on: the PF4J and DVMC manifest entries, the services file, no bundled spi, the copy in
 * the plugins directory, and discovery by {@link ServiceLoader} with only the spi beside it.
 */
class TransLogPluginJarIT {

    private static final String SERVICES = "META-INF/services/org.dvmc.spi.VmFactory";

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), () -> "system property " + name + " is not set; run through failsafe");
        return Path.of(value);
    }

    private static Path pluginJar() {
        Path jar = property("translog.plugin.jar");
        assertTrue(Files.isRegularFile(jar), () -> "no plugin jar at " + jar);
        return jar;
    }

    @Test
    void manifestCarriesThePluginDescriptorAndTheAbiVersion() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("trans_log", main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("translog.expected.version"), main.getValue("Plugin-Version"));
            assertEquals("DVMC", main.getValue("Plugin-Provider"));
            assertFalse(main.getValue("Plugin-Description").isBlank());
            assertEquals(String.valueOf(Dvmc.ABI_VERSION), main.getValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE));
            assertEquals(System.getProperty("translog.expected.abi"), main.getValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE));
            assertNull(main.getValue("Plugin-Class"), "the VM must not depend on PF4J");
        }
    }

    @Test
    void servicesFileNamesTheFactory() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            JarEntry entry = jar.getJarEntry(SERVICES);
            assertTrue(entry != null, "missing " + SERVICES);
            try (InputStream in = jar.getInputStream(entry)) {
                List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                assertEquals(List.of(TransLogVmFactory.class.getName()), names);
            }
        }
    }

    @Test
    void containsTheVmButNoSpiClasses() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            assertTrue(names.contains("org/dvmc/vm/translog/TransLogVm.class"), () -> "entries: " + names);
            assertTrue(names.contains("org/dvmc/vm/translog/TransLogVmFactory.class"));
            assertTrue(names.contains("org/dvmc/vm/translog/" + BuildInfo.RESOURCE));
            List<String> spi = names.stream().filter(name -> name.startsWith("org/dvmc/spi/")).toList();
            assertEquals(List.of(), spi, "the spi comes from the host and must not be bundled");
        }
    }

    @Test
    void theBuildCopiedTheJarIntoThePluginsDirectory() throws IOException {
        Path copy = property("translog.plugins.dir.jar");
        assertEquals("trans-log-" + System.getProperty("translog.expected.version") + ".jar", copy.getFileName().toString());
        assertTrue(Files.isRegularFile(copy), () -> "no copy at " + copy);
        assertArrayEquals(Files.readAllBytes(pluginJar()), Files.readAllBytes(copy));
    }

    @Test
    void serviceLoaderFindsTheFactoryWithOnlyTheSpiBesideTheJar() throws Exception {
        URL spiJar = VmFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL[] classPath = {spiJar, pluginJar().toUri().toURL()};
        // Parent = platform loader, so neither target/classes nor the test class path can answer.
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> factoryType = loader.loadClass(VmFactory.class.getName());
            List<?> factories = ServiceLoader.load(factoryType, loader).stream().map(ServiceLoader.Provider::get).toList();
            assertEquals(1, factories.size());
            Object factory = factories.get(0);
            assertEquals(loader, factory.getClass().getClassLoader());
            assertEquals("trans_log", factoryType.getMethod("codename").invoke(factory));
            Object vm = factoryType.getMethod("create").invoke(factory);
            Method version = loader.loadClass("org.dvmc.spi.Vm").getMethod("version");
            assertEquals(System.getProperty("translog.expected.version"), version.invoke(vm));
        }
    }
}
