package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code dvmc.jar} run as a separate process, as a user runs it: for the end-to-end tests. */
final class DvmcProcess {

    /** The jar under test, from the build ({@code mvn verify} sets the property). */
    static final Path JAR = Path.of(requiredProperty("dvmc.jar"));

    /** The Java running the tests. */
    static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private DvmcProcess() {
    }

    /**
     * What one process printed and how it exited.
     *
     * @param status the exit status
     * @param out    stdout, line by line
     * @param err    stderr, line by line
     */
    record Run(int status, List<String> out, List<String> err) {
        String outText() {
            return String.join("\n", out);
        }
    }

    /**
     * Runs {@code JAVA -jar dvmc.jar args…} in {@code workingDirectory} with exactly the DVMC variables in
     * {@code dvmcVariables} ({@code DVMC_VM} and {@code DVMC_PLUGINS_DIR} of the test's own environment are
     * removed); fails the test when it takes more than 120 s.
     */
    static Run run(String java, Path workingDirectory, Map<String, String> dvmcVariables, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove(DvmcCommand.VM_ENVIRONMENT_VARIABLE);
        environment.remove(PluginsDirectory.ENVIRONMENT_VARIABLE);
        environment.putAll(dvmcVariables);
        Path out = workingDirectory.resolve(".stdout");
        Path err = workingDirectory.resolve(".stderr");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("dvmc " + String.join(" ", args) + " did not finish in 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** A system property the build sets; an error saying how to run the test when it is missing. */
    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set; run the test with Maven (mvn verify)");
        }
        return value;
    }
}
