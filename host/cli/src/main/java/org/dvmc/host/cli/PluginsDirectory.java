package org.dvmc.host.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.dvmc.host.loader.VmLoader;

/**
 * Decides which directory {@code dvmc} scans for plugin jars. The first that applies wins:
 *
 * <ol>
 *   <li>{@code --plugins-dir DIR};</li>
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE}, when set and not blank;</li>
 *   <li>{@code plugins} in the working directory, when it exists;</li>
 *   <li>the installation's {@code plugins}: the first existing directory named {@code plugins} in the
 *       directory of {@code dvmc.jar} or one of its {@value #INSTALLATION_LEVELS} parents — for the
 *       build's {@code host/cli/target/dvmc.jar} that is the repository's {@code plugins/}
 *       ({@code ../../../plugins} from the jar's directory);</li>
 *   <li>otherwise {@code plugins} in the working directory, which does not exist, so no plugin is found.</li>
 * </ol>
 *
 * Stateless.
 */
final class PluginsDirectory {

    /** The environment variable naming the plugins directory. */
    static final String ENVIRONMENT_VARIABLE = "DVMC_PLUGINS_DIR";
    /** The name of the default plugins directory. */
    static final String NAME = "plugins";
    /** How many parents of the jar's directory are searched for the installation's plugins directory. */
    static final int INSTALLATION_LEVELS = 3;

    private PluginsDirectory() {
    }

    /**
     * The directory to scan.
     *
     * @param option           the {@code --plugins-dir} value, if given; like the environment variable,
     *                         resolved against {@code workingDirectory} when relative
     * @param environment      the process environment
     * @param workingDirectory the working directory ({@code Path.of("")} for the process's own)
     * @param installedJar     the jar the command runs from, if it runs from a jar; asked only when
     *                         the earlier rules do not apply
     */
    static Path resolve(Optional<Path> option, Map<String, String> environment, Path workingDirectory,
            Supplier<Optional<Path>> installedJar) {
        if (option.isPresent()) {
            return workingDirectory.resolve(option.get());
        }
        // The loader's rule (set and not blank), so that the CLI and an embedder read the variable alike.
        Optional<Path> fromEnvironment = VmLoader.pluginsDirectoryFromEnvironment(environment);
        if (fromEnvironment.isPresent()) {
            return workingDirectory.resolve(fromEnvironment.get());
        }
        Path local = workingDirectory.resolve(NAME);
        if (Files.isDirectory(local)) {
            return local;
        }
        return installedJar.get().flatMap(PluginsDirectory::besideInstallation).orElse(local);
    }

    /** The installation's plugins directory for the jar at {@code jar}, if one exists. */
    static Optional<Path> besideInstallation(Path jar) {
        Path directory = jar.toAbsolutePath().getParent();
        for (int level = 0; level <= INSTALLATION_LEVELS && directory != null; level++) {
            Path candidate = directory.resolve(NAME);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }

    /** The jar this class was loaded from, or empty when it was not loaded from a jar file (e.g. in tests). */
    static Optional<Path> runningJar() {
        try {
            CodeSource source = PluginsDirectory.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return Optional.empty();
            }
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            // Unknown location: fall back to the working directory's plugins/.
            return Optional.empty();
        }
    }
}
