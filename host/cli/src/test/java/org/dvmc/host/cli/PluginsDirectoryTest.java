package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsDirectoryTest {

    @TempDir
    Path root;

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void theOptionWinsAndIsResolvedAgainstTheWorkingDirectory() throws IOException {
        Files.createDirectory(root.resolve("plugins"));
        Map<String, String> environment = Map.of("DVMC_PLUGINS_DIR", "/from/env");
        assertEquals(root.resolve("mine"), PluginsDirectory.resolve(Optional.of(Path.of("mine")), environment, root,
                Optional::empty));
        assertEquals(Path.of("/abs"), PluginsDirectory.resolve(Optional.of(Path.of("/abs")), environment, root,
                Optional::empty));
    }

    @Test
    void theEnvironmentComesNext() throws IOException {
        Files.createDirectory(root.resolve("plugins"));
        assertEquals(root.resolve("env-dir"), PluginsDirectory.resolve(Optional.empty(),
                Map.of("DVMC_PLUGINS_DIR", "env-dir"), root, Optional::empty));
    }

    @Test
    void anEmptyEnvironmentVariableDoesNotCount() throws IOException {
        Files.createDirectory(root.resolve("plugins"));
        assertEquals(root.resolve("plugins"), PluginsDirectory.resolve(Optional.empty(),
                Map.of("DVMC_PLUGINS_DIR", ""), root, Optional::empty));
    }

    @Test
    void theWorkingDirectorysPluginsWhenItExistsWithoutAskingForTheJar() throws IOException {
        Files.createDirectory(root.resolve("plugins"));
        AtomicBoolean asked = new AtomicBoolean();
        assertEquals(root.resolve("plugins"), PluginsDirectory.resolve(Optional.empty(), NO_ENVIRONMENT, root, () -> {
            asked.set(true);
            return Optional.empty();
        }));
        assertEquals(false, asked.get());
    }

    @Test
    void otherwiseTheInstallationsPluginsFoundFromTheJar() throws IOException {
        // The build's layout: <repo>/host/cli/target/dvmc.jar and <repo>/plugins.
        Path repository = Files.createDirectory(root.resolve("repo"));
        Path installed = Files.createDirectory(repository.resolve("plugins"));
        Path jar = Files.createFile(Files.createDirectories(repository.resolve("host/cli/target")).resolve("dvmc.jar"));
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));

        assertEquals(installed, PluginsDirectory.resolve(Optional.empty(), NO_ENVIRONMENT, elsewhere,
                () -> Optional.of(jar)));
    }

    @Test
    void theNearestInstallationDirectoryWins() throws IOException {
        // An installation layout: <prefix>/lib/dvmc.jar and <prefix>/plugins.
        Path prefix = Files.createDirectory(root.resolve("prefix"));
        Path installed = Files.createDirectory(prefix.resolve("plugins"));
        Path jar = Files.createFile(Files.createDirectory(prefix.resolve("lib")).resolve("dvmc.jar"));
        assertEquals(Optional.of(installed), PluginsDirectory.besideInstallation(jar));
    }

    @Test
    void noMoreThanThreeLevelsUp() throws IOException {
        Files.createDirectory(root.resolve("plugins"));
        Path jar = Files.createFile(Files.createDirectories(root.resolve("a/b/c/d")).resolve("dvmc.jar"));
        assertEquals(Optional.empty(), PluginsDirectory.besideInstallation(jar));
    }

    @Test
    void lastTheWorkingDirectorysPluginsEvenIfMissing() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        assertEquals(elsewhere.resolve("plugins"), PluginsDirectory.resolve(Optional.empty(), NO_ENVIRONMENT, elsewhere,
                Optional::empty));
    }
}
