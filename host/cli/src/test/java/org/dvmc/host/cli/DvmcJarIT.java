package org.dvmc.host.cli;

import static org.dvmc.host.cli.DvmcProcess.requiredProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.dvmc.host.cli.DvmcProcess.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: runs the packaged {@code target/dvmc.jar} as a separate process, as a user would, with a
 * temporary plugins directory holding the real trans_log plugin jar. Only what a process can show is here: one
 * smoke per way of reaching a VM (a codename found in the plugins directory, a jar by path, the working
 * directory's and the installation's plugins directory) and per command ({@code run}, {@code vms},
 * {@code test-vm}), the real process's exit statuses, and the logging bundled in the jar. What the commands print
 * and every usage error are tested in-process (InvocationTest, RunCommandTest); hostile input, deadlines and
 * output failures in HostileInputIT; the class-data archive in ClassDataArchiveIT.
 */
class DvmcJarIT {

    private static final Path JAR = DvmcProcess.JAR;
    private static final Path TRANS_LOG_JAR = Path.of(requiredProperty("translog.plugin.jar"));
    private static final String VERSION = requiredProperty("dvmc.version");
    private static final String ZERO_WORD = "00".repeat(32);

    @TempDir
    static Path pluginsDirectory;

    /** The plugin jar as the plugins directory holds it. */
    private static Path installedPlugin;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void installPlugin() throws IOException {
        installedPlugin = Files.copy(TRANS_LOG_JAR, pluginsDirectory.resolve("trans-log-" + VERSION + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code java -jar dvmc.jar args…} with DVMC_PLUGINS_DIR at the test plugins directory. */
    private Run dvmc(String... args) throws Exception {
        return dvmc(Map.of(PluginsDirectory.ENVIRONMENT_VARIABLE, pluginsDirectory.toString()), args);
    }

    /** Runs {@code java -jar dvmc.jar args…} with exactly the DVMC variables in {@code environment}. */
    private Run dvmc(Map<String, String> environment, String... args) throws Exception {
        return DvmcProcess.run(DvmcProcess.THIS_JAVA, workingDirectory, environment, args);
    }

    private static Run ok(String... out) {
        return new Run(0, List.of(out), List.of());
    }

    /** The process exited with {@code status}, printed nothing on stdout, and its first error line holds {@code token}. */
    private static void assertError(int status, String token, Run run) {
        assertEquals(status, run.status(), run.toString());
        assertEquals(List.of(), run.out(), run.toString());
        assertTrue(!run.err().isEmpty() && run.err().get(0).contains(token), run.toString());
    }

    // ---- run: the reference tool's output, and exit statuses of the process ----------------------

    @Test
    void returnsTheRecipientWordWhichIsZero() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 99 gas limit", "", "Result:   success",
                "Gas used: 6", "Output:   " + ZERO_WORD), dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99"));
    }

    @Test
    void failedCreationExitsWithItsStatusCode() throws Exception {
        assertEquals(new Run(5, List.of("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit",
                "Contract creation failed: undefined instruction"), List.of()),
                dvmc("--vm", "trans_log", "run", "fe", "--create"));
        assertEquals(new Run(2, List.of("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit",
                "Contract creation failed: revert"), List.of()),
                dvmc("--vm", "trans_log", "run", "60006000fd", "--create"));
    }

    // ---- selecting the VM ----------------------------------------------------------------------

    @Test
    void vmByJarPathWithOptions() throws Exception {
        Run run = dvmc(Map.of(), "--vm", installedPlugin + ",verbose=1", "run", "00");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Config: " + installedPlugin + ",verbose=1", run.out().get(0));
        assertEquals(List.of("execution started"), run.err());
    }

    @Test
    void pluginsDirectoryOptionAndDefaults() throws Exception {
        assertEquals(0, dvmc(Map.of(), "--plugins-dir", pluginsDirectory.toString(), "--vm", "trans_log", "run", "00").status());
        // plugins/ in the working directory.
        Files.copy(TRANS_LOG_JAR, Files.createDirectory(workingDirectory.resolve("plugins")).resolve("t.jar"));
        assertEquals(0, dvmc(Map.of(), "--vm", "trans_log", "run", "00").status());
    }

    @Test
    void installationPluginsDirectoryIsFoundFromTheJar() throws Exception {
        Path installation = JAR.toAbsolutePath().getParent().resolve("../../../plugins").normalize();
        assumeTrue(Files.isDirectory(installation), "the build's plugins directory exists");
        Run run = dvmc(Map.of(), "vms");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Plugins directory: " + installation, run.out().get(0));
    }

    @Test
    void usageAndLoaderErrorsAreTheProcesssExitStatus() throws Exception {
        assertError(ExitCodes.USAGE, "code: invalid hex", dvmc("--vm", "trans_log", "run", "0x6"));
        assertError(ExitCodes.USAGE, "--vm is required", dvmc("test-vm"));
        // SYMBOL_NOT_FOUND (2), CANNOT_OPEN (1), ABI_VERSION_MISMATCH (5): each message names what it is about.
        assertError(2, "no_such_vm", dvmc("--vm", "no_such_vm", "run", "00"));
        Path missing = workingDirectory.resolve("missing.jar");
        assertError(1, missing.toString(), dvmc("--vm", missing.toString(), "run", "00"));
        Path oldAbi = writeOldAbiJar(workingDirectory.resolve("old-abi.jar"));
        assertError(5, oldAbi.toString(), dvmc("--vm", oldAbi.toString(), "run", "00"));
    }

    // ---- vms, --version, test-vm, completion ----------------------------------------------------

    @Test
    void vmsListsTheGoodJarAndTheRejectedOne() throws Exception {
        Path plugins = Files.createDirectory(workingDirectory.resolve("mixed"));
        Path good = Files.copy(TRANS_LOG_JAR, plugins.resolve("trans-log.jar"));
        Path old = writeOldAbiJar(plugins.resolve("old-abi.jar"));

        Run text = dvmc(Map.of(), "--plugins-dir", plugins.toString(), "vms");
        assertEquals(0, text.status(), text.toString());
        assertEquals(List.of(), text.err());
        assertEquals("Plugins directory: " + plugins, text.out().get(0));
        assertEquals("", text.out().get(1));
        String versionColumn = " ".repeat(Math.max(0, VERSION.length() - "VERSION".length()));
        assertEquals("CODENAME   NAME       VERSION" + versionColumn + "  ABI  CAPABILITIES  PLUGIN"
                + " ".repeat("trans_log ".length() + VERSION.length() - "PLUGIN".length() + 2) + "JAR", text.out().get(2));
        assertEquals("trans_log  trans_log  " + pad(VERSION, "VERSION".length()) + "  12   DVM1          trans_log "
                + VERSION + "  " + good, text.out().get(3));
        assertEquals(List.of("", "Rejected jars:"), text.out().subList(4, 6));
        assertTrue(text.out().get(6).startsWith("  " + old + ": "), text.out().get(6));
        assertTrue(text.out().get(6).contains("11"), text.out().get(6));
        // Then the digests of both jars, for a trust file.
        assertEquals(List.of("", "SHA-256 of the jars read (for a --trust-file):"), text.out().subList(7, 9));
        assertTrue(text.out().get(9).matches("  [0-9a-f]{64}  " + java.util.regex.Pattern.quote(old.toString())),
                text.out().get(9));
        assertTrue(text.out().get(10).matches("  [0-9a-f]{64}  " + java.util.regex.Pattern.quote(good.toString())),
                text.out().get(10));
        assertEquals(11, text.out().size(), text.toString());

        Run json = dvmc(Map.of(), "--plugins-dir", plugins.toString(), "vms", "--json");
        assertEquals(0, json.status(), json.toString());
        String document = json.outText();
        assertTrue(document.startsWith("{\n  \"pluginsDirectory\": \"" + plugins + "\",\n  \"vms\": [\n"), document);
        assertTrue(document.contains("{\"codename\": \"trans_log\", \"name\": \"trans_log\", \"version\": \"" + VERSION
                + "\", \"abiVersion\": 12, \"capabilities\": [\"DVM1\"], \"source\": \"plugin\", \"native\": false, \"pluginId\": \"trans_log\","
                + " \"pluginVersion\": \"" + VERSION + "\", \"jar\": \"" + good + "\", \"error\": null}"), document);
        assertTrue(document.contains("{\"jar\": \"" + old + "\", \"pluginId\": \"old_vm\", \"pluginVersion\": \"0.1.0\","
                + " \"errorCode\": 5, \"error\": \"ABI_VERSION_MISMATCH\", \"reason\": \""), document);
    }

    @Test
    void testVmPassesOnTransLog() throws Exception {
        Run run = dvmc("--vm", "trans_log", "test-vm");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Config: trans_log", run.out().get(0));
        List<String> checks = run.out().subList(1, run.out().size() - 2);
        assertTrue(checks.size() >= 10, run.toString());
        checks.forEach(line -> assertTrue(line.startsWith("PASS "), line));
        assertEquals("", run.out().get(run.out().size() - 2));
        assertEquals(checks.size() + " passed, 0 failed", run.out().get(run.out().size() - 1));
    }

    @Test
    void verboseLogsTheLoaderOnStderr() throws Exception {
        Run quiet = dvmc("--vm", "trans_log", "run", "00");
        Run verbose = dvmc("--vm", "trans_log", "run", "00", "-v");
        assertEquals(quiet.out(), verbose.out());
        assertEquals(List.of(), quiet.err());
        assertTrue(verbose.err().stream().anyMatch(line -> line.startsWith("[DEBUG]")), verbose.toString());
    }

    /** {@code text} padded with spaces to at least {@code width}. */
    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** A plugin jar whose manifest declares ABI version 11, which this host must reject. */
    private static Path writeOldAbiJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "old_vm");
        main.putValue("Plugin-Version", "0.1.0");
        main.putValue("Dvmc-Abi-Version", "11");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }
}
