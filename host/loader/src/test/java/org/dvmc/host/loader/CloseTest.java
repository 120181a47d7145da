package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(outputOf(run(vm))).isEqualTo("rescan_a");
        }
        first.close();
        first.close();

        assertThat(first.isClosed()).isTrue();
        assertThat(pluginLoaders).hasSize(2).allSatisfy(loader ->
                assertThat(((org.pf4j.PluginClassLoader) loader).isClosed()).isTrue());
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }

        PluginJarBuilder.plugin("rescan-a").vm(FixtureVm.codename("rescan_c")).writeInto(plugins);
        try (VmLoader second = scan()) {
            assertThat(second.entries()).extracting(VmEntry::codename).containsExactly("rescan_c");
            try (LoadedVm vm = second.load("rescan_c")) {
                assertThat(outputOf(run(vm))).isEqualTo("rescan_c");
            }
        }
    }

    @Test
    void rejectedPluginsLeaveNoClassLoaderOpen() throws IOException {
        PluginJarBuilder.plugin("no-factory").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(loader.pluginReports()).singleElement().satisfies(r -> assertThat(r.accepted()).isFalse());
        }
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }
        assertThat(plugins).isEmptyDirectory();
    }
}
