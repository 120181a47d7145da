package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.junit.jupiter.api.Test;

/** Factories embedded on the host's classpath, found with ServiceLoader. */
class ClasspathTest extends LoaderTestSupport {

    private static URLClassLoader classpathOf(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, VmLoader.class.getClassLoader());
    }

    @Test
    void aFactoryOnTheClasspathIsAnEntryWithTheClasspathSource() throws IOException, LoaderException {
        Path embedded = PluginJarBuilder.fixturePlugin("embedded").writeTo(plugins.resolve("lib/embedded.jar"));

        try (URLClassLoader classpath = classpathOf(embedded);
                VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).classLoader(classpath).build()) {
            VmEntry entry = loader.find("embedded").orElseThrow();
            assertThat(entry.source()).isEqualTo(VmSource.classpath());
            assertThat(entry.source().describe()).isEqualTo("classpath");
            assertThat(loader.pluginReports()).isEmpty();
            try (LoadedVm vm = loader.load("embedded")) {
                assertThat(outputOf(run(vm))).isEqualTo("embedded");
            }
        }
    }

    @Test
    void theClasspathIsIgnoredWhenExcluded() throws IOException {
        Path embedded = PluginJarBuilder.fixturePlugin("excluded").writeTo(plugins.resolve("lib/excluded.jar"));

        try (URLClassLoader classpath = classpathOf(embedded);
                VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).classLoader(classpath)
                        .includeClasspath(false).build()) {
            assertThat(loader.entries()).isEmpty();
        }
    }

    @Test
    void aCodenameOnTheClasspathAndInAPluginIsAConflictNamingBoth() throws IOException {
        Path embedded = PluginJarBuilder.plugin("both").vm(FixtureVm.codename("both").packageName("cp.both"))
                .writeTo(plugins.resolve("lib/both.jar"));
        Path plugin = PluginJarBuilder.plugin("both").vm(FixtureVm.codename("both").packageName("plugin.both"))
                .writeInto(plugins);

        try (URLClassLoader classpath = classpathOf(embedded);
                VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).classLoader(classpath).build()) {
            assertThat(loader.conflicts()).singleElement().satisfies(e -> assertThat(e)
                    .hasMessageContaining(plugin.toString())
                    .hasMessageContaining("classpath (cp.both.Factory in ")
                    .hasMessageContaining("both.jar"));
            assertThat(loader.find("both")).isEmpty();
        }
    }

    @Test
    void badClasspathEntriesAreReportedWithoutHidingTheGoodOnes() throws IOException {
        Path broken = PluginJarBuilder.plugin("broken").servicesFile("cp.missing.Factory\n")
                .writeTo(plugins.resolve("lib/broken.jar"));
        Path invalid = PluginJarBuilder.plugin("invalid")
                .vm(FixtureVm.codename("invalid_cp").factoryCodename("Invalid Codename"))
                .writeTo(plugins.resolve("lib/invalid.jar"));
        Path good = PluginJarBuilder.fixturePlugin("good_cp").writeTo(plugins.resolve("lib/good.jar"));

        try (URLClassLoader classpath = classpathOf(broken, invalid, good);
                VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).classLoader(classpath).build()) {
            assertThat(loader.entries()).extracting(VmEntry::codename).containsExactly("good_cp");
            assertThat(loader.classpathProblems()).hasSize(2);
            assertThat(loader.classpathProblems()).anySatisfy(e -> assertThat(e).hasMessageContaining("cp.missing.Factory"));
            assertThat(loader.classpathProblems()).anySatisfy(e -> assertThat(e)
                    .hasMessageContaining("invalid codename 'Invalid Codename'"));
        }
    }
}
