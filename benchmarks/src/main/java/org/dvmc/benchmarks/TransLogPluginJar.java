package org.dvmc.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real trans_log plugin jar, as the trans_log module's build made it. The benchmarks module's build copies
 * it into its own classes ({@value #RESOURCE}), so the benchmark jar is self-contained and loads the very jar a
 * user drops into {@code plugins/}.
 */
public final class TransLogPluginJar {

    /** Class-path resource holding the plugin jar. */
    public static final String RESOURCE = "/org/dvmc/benchmarks/plugins/dvmc-vm-trans-log.jar";

    private TransLogPluginJar() {
    }

    /**
     * Writes the plugin jar into a directory.
     *
     * @param directory an existing directory
     * @param fileName  the jar's file name in it
     * @return the written jar
     * @throws UncheckedIOException if it cannot be written
     * @throws IllegalStateException if the benchmark jar was built without the plugin
     */
    public static Path copyTo(Path directory, String fileName) {
        try (InputStream in = TransLogPluginJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing: build the benchmarks with"
                        + " Maven (mvn -B install), which copies the trans_log plugin jar into them");
            }
            Path target = directory.resolve(fileName);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the trans_log plugin jar into " + directory, e);
        }
    }

    /**
     * Reads the plugin jar's bytes.
     *
     * @return the jar file's content
     */
    public static byte[] bytes() {
        try (InputStream in = TransLogPluginJar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing: build the benchmarks with"
                        + " Maven (mvn -B install), which copies the trans_log plugin jar into them");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trans_log plugin jar", e);
        }
    }
}
