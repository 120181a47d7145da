package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Shared helpers: a temporary plugins directory and loaders over it without the classpath. */
abstract class LoaderTestSupport {

    @TempDir
    Path plugins;

    /** A loader over {@link #plugins}, ignoring the test classpath. */
    VmLoader scan() {
        return scan(plugins);
    }

    static VmLoader scan(Path directory) {
        return VmLoader.builder().pluginsDirectory(directory).includeClasspath(false).build();
    }

    /** The error {@code action} fails with. */
    static LoaderException failure(Executable action) {
        return assertThrows(LoaderException.class, action, "expected a LoaderException");
    }

    static PluginReport reportOf(VmLoader loader, Path jar) {
        Optional<PluginReport> report = loader.pluginReports().stream()
                .filter(r -> r.jar().getFileName().equals(jar.getFileName())).findFirst();
        assertTrue(report.isPresent(), () -> "no report for " + jar + " in " + loader.pluginReports());
        return report.get();
    }

    /** The rejection of {@code jar}, failing when the scan accepted it. */
    static LoaderException rejectionOf(VmLoader loader, Path jar) {
        return reportOf(loader, jar).rejection().orElseGet(() -> fail("expected " + jar + " to be rejected"));
    }

    /** The codenames of the loader's entries, in its order. */
    static List<String> codenamesOf(VmLoader loader) {
        return loader.entries().stream().map(VmEntry::codename).toList();
    }

    /** The one element of {@code list}, failing with the whole list unless it has exactly one. */
    static <T> T only(List<T> list) {
        assertEquals(1, list.size(), () -> "expected exactly one element in " + list);
        return list.get(0);
    }

    /** Fails with the whole of {@code actual} unless it contains every one of {@code expectedParts}. */
    static void assertContains(String actual, String... expectedParts) {
        assertNotNull(actual, () -> "expected a text containing " + List.of(expectedParts) + ", got null");
        for (String part : expectedParts) {
            assertTrue(actual.contains(part), () -> "expected \"" + part + "\" in:\n" + actual);
        }
    }

    /** Fails with the whole message unless the message of {@code thrown} contains every one of {@code expectedParts}. */
    static void assertMessageContains(Throwable thrown, String... expectedParts) {
        assertNotNull(thrown, "expected a throwable, got null");
        assertContains(thrown.getMessage(), expectedParts);
    }

    /**
     * Puts the trans_log plugin jar built by its module into {@code directory} as
     * {@code trans-log-1.0.0.jar}. A reactor run that stops before packaging ({@code mvn test}) hands
     * over trans_log's class directory instead of its jar; that is then jarred with the manifest its
     * build would write.
     */
    static Path copyTransLogJar(Path directory) throws IOException {
        String built = System.getProperty("dvmc.transLogJar");
        assertTrue(built != null && !built.isBlank(),
                () -> "system property dvmc.transLogJar (set by the build) is blank or missing: " + built);
        Path target = directory.resolve("trans-log-1.0.0.jar");
        if (Files.isDirectory(Path.of(built))) {
            return PluginJarBuilder.plugin("trans_log").resourcesFrom(Path.of(built)).writeTo(target);
        }
        return Files.copy(Path.of(built), target);
    }

    static Result run(LoadedVm vm) {
        return vm.execute(new MockedHost(), Revision.LATEST_STABLE, Message.builder().gas(1000).build(),
                Bytes.fromHex("00"));
    }

    static String outputOf(Result result) {
        return new String(result.output().toArray(), StandardCharsets.UTF_8);
    }
}
