package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the package step makes beside the jar (target/dvmc.jsa): the JVM must be able to use
 * it ({@code -Xshare:on} turns an unusable archive into an error instead of a silent slow start), with the
 * flags the ./dvmc launcher passes, and the command must behave exactly as without it. Skipped when the build's
 * JVM could not make the archive (the build then goes on without it).
 */
class ClassDataArchiveIT {

    private static final Path JAR = Path.of(property("dvmc.jar"));
    private static final Path ARCHIVE = JAR.resolveSibling("dvmc.jsa");
    private static final Path TRANS_LOG_JAR = Path.of(property("translog.plugin.jar"));

    @TempDir
    static Path plugins;

    @TempDir
    Path workingDirectory;

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set; run the test with Maven (mvn verify)");
        }
        return value;
    }

    @BeforeAll
    static void installPlugin() throws Exception {
        Files.copy(TRANS_LOG_JAR, plugins.resolve("trans-log.jar"));
    }

    private List<String> dvmcWithArchive(String... args) throws Exception {
        assumeTrue(Files.isRegularFile(ARCHIVE), "the build made no class-data archive " + ARCHIVE);
        List<String> command = new ArrayList<>(List.of(archiveJava().toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:-UsePerfData", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-jar", JAR.toString(), "--plugins-dir", plugins.toString()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out");
        Path err = workingDirectory.resolve("err");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dvmc did not finish in 120 s");
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), errors);
        assertEquals("", errors);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** The java of the JDK that made the archive (dvmc.jsa.java-home beside it; a JDK 22+ with the native bridge). */
    private static Path archiveJava() throws java.io.IOException {
        Path javaHome = JAR.resolveSibling("dvmc.jsa.java-home");
        String home = Files.isRegularFile(javaHome) ? Files.readString(javaHome).strip() : System.getProperty("java.home");
        return Path.of(home, "bin", "java");
    }

    @Test
    void runUsesTheArchive() throws Exception {
        assertEquals(List.of("Config: trans_log", "Executing on Cancun with 99 gas limit", "", "Result:   success",
                "Gas used: 6", "Output:   " + "00".repeat(32)),
                dvmcWithArchive("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99"));
    }

    @Test
    void vmsUsesTheArchive() throws Exception {
        List<String> out = dvmcWithArchive("vms");
        assertTrue(out.stream().anyMatch(line -> line.startsWith("trans_log ")), String.join("\n", out));
    }
}
