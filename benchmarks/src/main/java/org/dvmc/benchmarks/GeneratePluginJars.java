package org.dvmc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line entry that writes a directory of generated plugin jars, for whole-process checks such as
 * {@code benchmarks/class-loading.sh}: {@code java -cp benchmarks.jar org.dvmc.benchmarks.GeneratePluginJars
 * DIR ACCEPTED REJECTED}. Prints the accepted codenames, one a line.
 */
public final class GeneratePluginJars {

    private GeneratePluginJars() {
    }

    /**
     * Writes the jars.
     *
     * @param args the directory (created if missing), the number of accepted and of ABI-rejected jars
     * @throws Exception if the jars cannot be written
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: GeneratePluginJars DIR ACCEPTED REJECTED");
            System.exit(2);
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        int accepted = Integer.parseInt(args[1]);
        int rejected = Integer.parseInt(args[2]);
        try (PluginDirectory work = PluginDirectory.create("dvmc-bench-work-")) {
            List<String> codenames = PluginJarGenerator.create(work.path()).writeLayout(directory, accepted, rejected);
            codenames.forEach(System.out::println);
        }
    }
}
