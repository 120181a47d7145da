package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
            assertEquals(VmSource.classpath(), entry.source());
            assertEquals("classpath", entry.source().describe());
            assertEquals(List.of(), loader.pluginReports());
            try (LoadedVm vm = loader.load("embedded")) {
                assertEquals("embedded", outputOf(run(vm)));
            }
        }
    }

    @Test
    void theClasspathIsIgnoredWhenExcluded() throws IOException {
        Path embedded = PluginJarBuilder.fixturePlugin("excluded").writeTo(plugins.resolve("lib/excluded.jar"));

        try (URLClassLoader classpath = classpathOf(embedded);
                VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).classLoader(classpath)
                        .includeClasspath(false).build()) {
            assertEquals(List.of(), loader.entries());
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
            assertMessageContains(only(loader.conflicts()), plugin.toString(), "classpath (cp.both.Factory in ",
                    "both.jar");
            assertEquals(Optional.empty(), loader.find("both"));
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
            assertEquals(List.of("good_cp"), codenamesOf(loader));
            List<LoaderException> problems = loader.classpathProblems();
            assertEquals(2, problems.size(), problems::toString);
            for (String expected : List.of("cp.missing.Factory", "invalid codename 'Invalid Codename'")) {
                assertTrue(problems.stream().anyMatch(e -> e.getMessage() != null && e.getMessage().contains(expected)),
                        () -> "no problem mentions \"" + expected + "\": " + problems);
            }
        }
    }
}
