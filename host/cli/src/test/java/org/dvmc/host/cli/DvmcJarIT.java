package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: runs the packaged {@code target/dvmc.jar} as a separate process, as a user would, with a
 * temporary plugins directory holding the real trans_log plugin jar, and checks whole output lines
 * and exit statuses.
 */
class DvmcJarIT {

    private static final Path JAR = Path.of(requiredProperty("dvmc.jar"));
    private static final Path TRANS_LOG_JAR = Path.of(requiredProperty("translog.plugin.jar"));
    private static final String VERSION = requiredProperty("dvmc.version");
    private static final String ZERO_WORD = "00".repeat(32);

    @TempDir
    static Path pluginsDirectory;

    /** The plugin jar as the plugins directory holds it. */
    private static Path installedPlugin;

    @TempDir
    Path workingDirectory;

    /** What one process printed and how it exited. */
    private record Run(int status, List<String> out, List<String> err) {
        String outText() {
            return String.join("\n", out);
        }
    }

    @BeforeAll
    static void installPlugin() throws IOException {
        installedPlugin = Files.copy(TRANS_LOG_JAR, pluginsDirectory.resolve("trans-log-" + VERSION + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set; run the test with Maven (mvn verify)");
        }
        return value;
    }

    /** Runs {@code java -jar dvmc.jar args…} with DVMC_PLUGINS_DIR at the test plugins directory. */
    private Run dvmc(String... args) throws Exception {
        return dvmc(Map.of(PluginsDirectory.ENVIRONMENT_VARIABLE, pluginsDirectory.toString()), args);
    }

    /** Runs {@code java -jar dvmc.jar args…} with exactly the DVMC variables in {@code environment}. */
    private Run dvmc(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> processEnvironment = builder.environment();
        processEnvironment.remove(DvmcCommand.VM_ENVIRONMENT_VARIABLE);
        processEnvironment.remove(PluginsDirectory.ENVIRONMENT_VARIABLE);
        processEnvironment.putAll(environment);
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

    private static Run ok(String... out) {
        return new Run(0, List.of(out), List.of());
    }

    private static Run error(int status, String... err) {
        return new Run(status, List.of(), List.of(err));
    }

    private static void assertFirstErrorLine(int status, String line, Run run) {
        assertEquals(status, run.status(), run.toString());
        assertEquals(List.of(), run.out(), run.toString());
        assertTrue(!run.err().isEmpty() && run.err().get(0).equals(line), run.toString());
    }

    // ---- run: the trans_log examples and the reference tool's output -----------------------------

    @Test
    void returnsTheRecipientWordWhichIsZero() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 99 gas limit", "", "Result:   success",
                "Gas used: 6", "Output:   " + ZERO_WORD), dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99"));
    }

    @Test
    void returnsTheInput() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   aabbccdd" + "00".repeat(28)),
                dvmc("--vm", "trans_log", "run", "600035600052596000f3", "--input", "aabbccdd"));
    }

    @Test
    void emptyCodeSucceedsWithNothing() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 0", "Output:   "), dvmc("--vm", "trans_log", "run", ""));
    }

    @Test
    void emptyInputReadsZeros() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   " + ZERO_WORD),
                dvmc("--vm", "trans_log", "run", "0x600035600052596000f3", "--input", ""));
    }

    @Test
    void codeAndInputFromFiles() throws Exception {
        Files.writeString(workingDirectory.resolve("code.hex"), "0x60 00 35\n60 00 52\n59 60 00 f3\n");
        Files.writeString(workingDirectory.resolve("input.hex"), "  aa bb\n cc dd\n");
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   aabbccdd" + "00".repeat(28)),
                dvmc("--vm", "trans_log", "run", "@code.hex", "--input", "@input.hex"));
    }

    @Test
    void revisionByNameAndNumber() throws Exception {
        // PUSH1 0 PUSH1 0 REVERT: REVERT exists from Byzantium on.
        Run frontier = dvmc("--vm", "trans_log", "run", "60006000fd", "--rev", "Frontier", "--gas", "10");
        assertEquals(ok("Config: trans_log", "Executing on Frontier with 10 gas limit", "",
                "Result:   undefined instruction", "Gas used: 10"), frontier);
        assertEquals(frontier, dvmc("--vm", "trans_log", "run", "60006000fd", "--rev", "0", "--gas", "10"));
        assertEquals(ok("Config: trans_log", "Executing on Byzantium with 10 gas limit", "", "Result:   revert",
                "Gas used: 3", "Output:   "), dvmc("--vm", "trans_log", "run", "60006000fd", "--rev", "4", "--gas", "10"));
        assertEquals(ok("Config: trans_log", "Executing on Tangerine Whistle with 10 gas limit", "",
                "Result:   undefined instruction", "Gas used: 10"),
                dvmc("--vm", "trans_log", "run", "60006000fd", "--rev", "tangerine_whistle", "--gas", "10"));
    }

    @Test
    void outOfGasUsesTheWholeLimit() throws Exception {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 3 gas limit", "", "Result:   out of gas",
                "Gas used: 3"), dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "3"));
    }

    @Test
    void createInstallsTheRuntimeCodeAndCallsIt() throws Exception {
        // Init code: PUSH8 <30600052596000f3> PUSH1 0 MSTORE PUSH1 8 PUSH1 24 RETURN returns the 8-byte runtime
        // code, which returns its own address: the creation address.
        assertEquals(ok("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit", "",
                "Result:   success", "Gas used: 6",
                "Output:   000000000000000000000000c9ea7ed000000000000000000000000000000001"),
                dvmc("--vm", "trans_log", "run", "6730600052596000f360005260086018f3", "--create"));
    }

    @Test
    void createPassesTheInputToTheCall() throws Exception {
        // Init code returning 600035600052596000f3 (10 bytes), which echoes the first input word.
        assertEquals(ok("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit", "",
                "Result:   success", "Gas used: 7", "Output:   ee" + "00".repeat(31)),
                dvmc("--vm", "trans_log", "run", "69600035600052596000f3600052600a6016f3", "--create", "--input", "ee"));
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

    @Test
    void benchPrintsTheMeanTimeBeforeTheResult() throws Exception {
        Run run = dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99", "--bench");
        assertEquals(0, run.status(), run.toString());
        assertEquals(7, run.out().size(), run.toString());
        assertEquals(List.of("Config: trans_log", "Executing on Cancun with 99 gas limit", ""), run.out().subList(0, 3));
        assertTrue(run.out().get(3).matches("Time:     \\d+ ns \\(avg of [1-9]\\d* iterations\\)"), run.out().get(3));
        assertEquals(List.of("Result:   success", "Gas used: 6", "Output:   " + ZERO_WORD), run.out().subList(4, 7));
        assertEquals(List.of(), run.err());
    }

    @Test
    void benchWarnsWhenStorageChangesTheResult() throws Exception {
        // Increments slot 0 and returns it: each repetition returns one more.
        Run run = dvmc("--vm", "trans_log", "run", "60016000540160005560005460005260206000f3", "--bench");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Output:   " + "00".repeat(31) + "01", run.out().get(run.out().size() - 1));
        assertEquals(List.of(CodeRunner.INCONSISTENT_WARNING + " (repetition 1: output " + "00".repeat(31)
                + "02, first run: " + "00".repeat(31) + "01)"), run.err());
    }

    // ---- selecting the VM ----------------------------------------------------------------------

    @Test
    void vmAfterTheSubcommand() throws Exception {
        assertEquals(dvmc("--vm", "trans_log", "run", "30600052596000f3"), dvmc("run", "30600052596000f3", "--vm", "trans_log"));
    }

    @Test
    void vmFromTheEnvironment() throws Exception {
        Run run = dvmc(Map.of("DVMC_VM", "trans_log,verbose=0", "DVMC_PLUGINS_DIR", pluginsDirectory.toString()),
                "run", "30600052596000f3", "--gas", "99");
        assertEquals(ok("Config: trans_log,verbose=0", "Executing on Cancun with 99 gas limit", "", "Result:   success",
                "Gas used: 6", "Output:   " + ZERO_WORD), run);
    }

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

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void runWithoutVm() throws Exception {
        assertFirstErrorLine(2, "--vm is required", dvmc("run", "00"));
    }

    @Test
    void invalidHex() throws Exception {
        assertEquals(error(2, "code: invalid hex"), dvmc("--vm", "trans_log", "run", "0x6"));
        assertEquals(error(2, "code: invalid hex"), dvmc("--vm", "trans_log", "run", "60 00"));
        assertEquals(error(2, "--input: invalid hex"), dvmc("--vm", "trans_log", "run", "00", "--input", "xx"));
        Files.writeString(workingDirectory.resolve("bad.hex"), "60 0g\n");
        assertEquals(error(2, "code: invalid hex"), dvmc("--vm", "trans_log", "run", "@bad.hex"));
    }

    @Test
    void missingFile() throws Exception {
        assertEquals(error(2, "code: cannot read file 'nope.hex': no such file"),
                dvmc("--vm", "trans_log", "run", "@nope.hex"));
        assertEquals(error(2, "--input: cannot read file 'in.hex': no such file"),
                dvmc("--vm", "trans_log", "run", "00", "--input", "@in.hex"));
    }

    @Test
    void gasOutOfRange() throws Exception {
        assertEquals(error(2, "--gas: 1000000001 is out of range; valid: 0..1000000000"),
                dvmc("--vm", "trans_log", "run", "00", "--gas", "1000000001"));
        assertEquals(error(2, "--gas: 'many' is not a number; valid: 0..1000000000"),
                dvmc("--vm", "trans_log", "run", "00", "--gas", "many"));
    }

    @Test
    void unknownRevision() throws Exception {
        assertEquals(error(2, "--rev: unknown revision 'Foo'; valid: Frontier, Homestead, Tangerine Whistle, "
                + "Spurious Dragon, Byzantium, Constantinople, Petersburg, Istanbul, Berlin, London, Paris, Shanghai, "
                + "Cancun, Prague, Osaka, Experimental or 0..15"), dvmc("--vm", "trans_log", "run", "00", "--rev", "Foo"));
    }

    @Test
    void unknownOption() throws Exception {
        Run run = dvmc("--vm", "trans_log", "run", "00", "--gass", "5");
        assertFirstErrorLine(2, "Unknown options: '--gass', '5'", run);
        assertEquals("Try 'dvmc run --help' for more information.", run.err().get(run.err().size() - 1));
    }

    @Test
    void loaderErrorsExitWithTheirCode() throws Exception {
        Run unknown = dvmc("--vm", "no_such_vm", "run", "00");
        assertEquals(2, unknown.status());
        assertEquals(List.of(), unknown.out());
        assertTrue(unknown.err().get(0).startsWith("no VM with codename no_such_vm is available; available: trans_log"),
                unknown.toString());

        assertFirstErrorLine(1, "plugin jar " + workingDirectory.resolve("missing.jar") + " does not exist; check the path,"
                + " or give a codename instead", dvmc("--vm", workingDirectory.resolve("missing.jar").toString(), "run", "00"));
        assertEquals(3, dvmc("--vm", ",verbose=1", "run", "00").status());
        assertEquals(6, dvmc("--vm", "trans_log,colour=red", "run", "00").status());
        assertEquals(7, dvmc("--vm", "trans_log,verbose=loud", "run", "00").status());
        assertEquals(5, dvmc("--vm", writeOldAbiJar(workingDirectory.resolve("old-abi.jar")).toString(), "run", "00").status());
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
    void versionWithAndWithoutVm() throws Exception {
        assertEquals(ok("DVMC " + VERSION), dvmc("--version"));
        assertEquals(ok("trans_log " + VERSION + " (trans_log)", "DVMC " + VERSION), dvmc("--vm", "trans_log", "--version"));
        assertFirstErrorLine(2, "no VM with codename nope is available; available: trans_log (plugins directory "
                + pluginsDirectory + "); put the VM's plugin jar in the plugins directory, or give the path of its jar",
                dvmc("--vm", "nope", "--version"));
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
    void testVmWithAnUnknownVmIsALoaderError() throws Exception {
        assertEquals(2, dvmc("--vm", "nope", "test-vm").status());
        assertFirstErrorLine(2, "--vm is required", dvmc("test-vm"));
    }

    @Test
    void verboseLogsTheLoaderOnStderr() throws Exception {
        Run quiet = dvmc("--vm", "trans_log", "run", "00");
        Run verbose = dvmc("--vm", "trans_log", "run", "00", "-v");
        assertEquals(quiet.out(), verbose.out());
        assertEquals(List.of(), quiet.err());
        assertTrue(verbose.err().stream().anyMatch(line -> line.startsWith("[DEBUG]")), verbose.toString());
    }

    @Test
    void helpAndCompletion() throws Exception {
        Run help = dvmc("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().get(0).startsWith("Usage: dvmc "), help.toString());
        Run runHelp = dvmc("run", "--help");
        assertEquals(0, runHelp.status());
        assertTrue(runHelp.out().get(0).startsWith("Usage: dvmc run "), runHelp.toString());
        Run completion = dvmc("generate-completion");
        assertEquals(0, completion.status());
        assertTrue(completion.outText().contains("complete -F _complete_dvmc"), completion.toString());
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
