package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.junit.jupiter.api.Test;

/** Closing the loader releases the plugins: class loaders closed, jars deletable, directory re-scannable. */
class CloseTest extends LoaderTestSupport {

    @Test
    void afterCloseTheJarsCanBeDeletedAndTheDirectoryRescanned() throws IOException, LoaderException {
        PluginJarBuilder.fixturePlugin("rescan_a").writeInto(plugins);
        PluginJarBuilder.fixturePlugin("rescan_b").writeInto(plugins);

        VmLoader first = scan();
        List<ClassLoader> pluginLoaders = first.entries().stream()
                .map(entry -> entry.factory().getClass().getClassLoader()).toList();
        try (LoadedVm vm = first.load("rescan_a")) {
            assertEquals("rescan_a", outputOf(run(vm)));
        }
        first.close();
        first.close();

        assertTrue(first.isClosed());
        assertEquals(2, pluginLoaders.size(), pluginLoaders::toString);
        for (ClassLoader loader : pluginLoaders) {
            assertTrue(((org.pf4j.PluginClassLoader) loader).isClosed(), loader::toString);
        }
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }

        PluginJarBuilder.plugin("rescan-a").vm(FixtureVm.codename("rescan_c")).writeInto(plugins);
        try (VmLoader second = scan()) {
            assertEquals(List.of("rescan_c"), codenamesOf(second));
            try (LoadedVm vm = second.load("rescan_c")) {
                assertEquals("rescan_c", outputOf(run(vm)));
            }
        }
    }

    @Test
    void rejectedPluginsLeaveNoClassLoaderOpen() throws IOException {
        PluginJarBuilder.plugin("no-factory").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertFalse(only(loader.pluginReports()).accepted());
        }
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }
        assertTrue(Files.isDirectory(plugins), () -> plugins + " is not a directory");
        try (Stream<Path> left = Files.list(plugins)) {
            assertEquals(List.of(), left.toList(), () -> "files left in " + plugins);
        }
    }
}
