package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
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
    static LoaderException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
        LoaderException failure = catchThrowableOfType(LoaderException.class, action);
        assertThat(failure).as("expected a LoaderException").isNotNull();
        return failure;
    }

    static PluginReport reportOf(VmLoader loader, Path jar) {
        Optional<PluginReport> report = loader.pluginReports().stream()
                .filter(r -> r.jar().getFileName().equals(jar.getFileName())).findFirst();
        assertThat(report).as("report for " + jar).isPresent();
        return report.get();
    }

    /**
     * Puts the trans_log plugin jar built by its module into {@code directory} as
     * {@code trans-log-1.0.0.jar}. A reactor run that stops before packaging ({@code mvn test}) hands
     * over trans_log's class directory instead of its jar; that is then jarred with the manifest its
     * build would write.
     */
    static Path copyTransLogJar(Path directory) throws IOException {
        String built = System.getProperty("dvmc.transLogJar");
        assertThat(built).as("system property dvmc.transLogJar (set by the build)").isNotBlank();
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
