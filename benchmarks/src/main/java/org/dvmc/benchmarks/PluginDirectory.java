package org.dvmc.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary plugins directory that deletes itself, with everything in it, when closed.
 *
 * @param path the directory
 */
public record PluginDirectory(Path path) implements AutoCloseable {

    /**
     * Creates an empty temporary directory.
     *
     * @param prefix the directory name's prefix
     * @return the directory
     */
    public static PluginDirectory create(String prefix) {
        try {
            return new PluginDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /**
     * Creates a temporary directory holding the real trans_log plugin jar only.
     *
     * @return the directory
     */
    public static PluginDirectory withTransLog() {
        PluginDirectory directory = create("dvmc-bench-plugins-");
        TransLogPluginJar.copyTo(directory.path, "trans-log-1.0.0.jar");
        return directory;
    }

    /** Deletes the directory and its content. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(PluginDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
