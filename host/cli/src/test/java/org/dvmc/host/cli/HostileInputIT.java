package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.testing.HostileJars;
import org.dvmc.host.loader.testing.HostileVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus end to end (issue 11): the packaged {@code dvmc.jar} as a process, with a small heap
 * where running out of memory was the symptom, against generated hostile jars and VMs in a temporary plugins
 * directory. Every process is bounded in time; a hang fails the test instead of the build.
 */
class HostileInputIT {

    private static final Path JAR = Path.of(System.getProperty("dvmc.jar", "target/dvmc.jar"));
    private static final long PROCESS_BOUND_SECONDS = 90;

    @TempDir
    Path plugins;

    @TempDir
    Path work;

    /** What one process printed and how it exited. */
    private record Run(int status, String out, String err) {
    }

    private Run dvmc(List<String> jvmOptions, Map<String, String> environment, File stdout, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DVMC_"));
        builder.environment().put(PluginsDirectory.ENVIRONMENT_VARIABLE, plugins.toString());
        builder.environment().putAll(environment);
        Path out = work.resolve(".stdout");
        Path err = work.resolve(".stderr");
        builder.redirectOutput(stdout != null ? stdout : out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(PROCESS_BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("dvmc " + String.join(" ", args) + " did not finish in " + PROCESS_BOUND_SECONDS + " s");
        }
        String outText = stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
        return new Run(process.exitValue(), outText, Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run dvmc(String... args) throws Exception {
        return dvmc(List.of(), Map.of(), null, args);
    }

    private Run dvmcSmallHeap(String... args) throws Exception {
        return dvmc(List.of("-Xmx48m"), Map.of(), null, args);
    }

    // ---- defect 1: unbounded reads before the ABI gate -------------------------------------------

    @Test
    void jarsInflatingToHundredsOfMegabytesAreRejectedInASmallHeap() throws Exception {
        HostileJars.hugeManifest(plugins.resolve("big-manifest.jar"), "big-manifest", 256L << 20);
        HostileJars.hugeServicesFile(plugins.resolve("big-services.jar"), "big-services", 256L << 20);

        Run run = dvmcSmallHeap("vms");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("big-manifest.jar is rejected: its manifest is larger than 64 KiB"), run.out());
        assertTrue(run.out().contains("big-services.jar is rejected: META-INF/services/org.dvmc.spi.VmFactory is larger"
                + " than 64 KiB"), run.out());
    }

    // ---- defect 2: FIFOs ---------------------------------------------------------------------------

    @Test
    void aFifoInThePluginsDirectoryIsReportedNotOpened() throws Exception {
        Path fifo = plugins.resolve("fifo.jar");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");

        Run run = dvmc("vms");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("fifo.jar is not a regular file (a FIFO, device or socket)"), run.out());
    }

    // ---- defects 4 and 9: plugin code that fails, spins or leaves threads behind ------------------

    @Test
    void aFactoryThatSpinsEndsTheCommandAtTheDeadlineWithItsOwnStatus() throws Exception {
        HostileVm.codename("spin_ctor").constructor("while (true) { Thread.onSpinWait(); }")
                .addTo(PluginJarBuilder.plugin("spin-ctor")).writeInto(plugins);

        Path temporary = Files.createDirectory(work.resolve("tmp"));
        Run run = dvmc(List.of("-Ddvmc.privateCopies=" + temporary), Map.of(), null, "--timeout", "1s", "vms");
        assertEquals(Deadline.EXIT_STATUS, run.status(), run.toString());
        assertTrue(run.err().startsWith("dvmc: plugin code did not finish within 1s (--timeout)"), run.err());
        // The private copies of the jars are gone even so.
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList());
        }

        Run fromEnvironment = dvmc(List.of(), Map.of(Deadline.ENVIRONMENT_VARIABLE, "500ms"), null, "--vm", "spin_ctor",
                "run", "00");
        assertEquals(Deadline.EXIT_STATUS, fromEnvironment.status(), fromEnvironment.toString());
    }

    @Test
    void anExecutionThatSpinsEndsAtTheDeadline() throws Exception {
        HostileVm.codename("spin_run").execute("while (true) { Thread.onSpinWait(); }")
                .addTo(PluginJarBuilder.plugin("spin-run")).writeInto(plugins);

        Run run = dvmc("--timeout", "1s", "--vm", "spin_run", "run", "00");
        assertEquals(Deadline.EXIT_STATUS, run.status(), run.toString());
        assertTrue(run.out().startsWith("Config: spin_run\nExecuting on"), run.out());
    }

    @Test
    void aPluginsNonDaemonThreadAndHangingShutdownHookDoNotKeepTheCommandAlive() throws Exception {
        HostileVm.codename("lingers").create("""
                Thread t = new Thread(() -> { while (true) { Thread.onSpinWait(); } });
                t.setDaemon(false);
                t.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (true) { Thread.onSpinWait(); } }));
                return new HostileVmImpl();""").addTo(PluginJarBuilder.plugin("lingers")).writeInto(plugins);

        Run run = dvmc("--vm", "lingers", "run", "00");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Result:   success"), run.out());
    }

    @Test
    void anInternalErrorPrintsItsCauseOnStderr() throws Exception {
        HostileVm.codename("throws_run").execute("throw new IllegalStateException(\"the VM's own reason\");")
                .addTo(PluginJarBuilder.plugin("throws-run")).writeInto(plugins);
        HostileVm.codename("gas_grows").execute("return Result.success(message.gas() + 1000, Bytes.EMPTY);")
                .addTo(PluginJarBuilder.plugin("gas-grows")).writeInto(plugins);

        Run thrown = dvmc("--vm", "throws_run", "run", "00");
        assertEquals(0, thrown.status(), thrown.toString());
        assertTrue(thrown.out().contains("Result:   internal error\n"), thrown.out());
        assertEquals("dvmc: internal error: java.lang.IllegalStateException: the VM's own reason\n", thrown.err());

        Run broken = dvmc("--vm", "gas_grows", "run", "00", "--gas", "1000");
        assertTrue(broken.out().contains("Result:   internal error\nGas used: 1000\n"), broken.out());
        assertTrue(broken.err().contains("broke the result contract: gas left 2000 is not within 0..1000"), broken.err());
    }

    @Test
    void aFailingNameDoesNotCrashVmsOrVersion() throws Exception {
        HostileVm.codename("bad_name").name("throw new AssertionError(\"no name\");")
                .addTo(PluginJarBuilder.plugin("bad-name")).writeInto(plugins);

        Run vms = dvmc("vms");
        assertEquals(0, vms.status(), vms.toString());
        assertTrue(vms.out().contains("bad_name: VM bad_name from plugin bad-name"), vms.out());
        assertTrue(vms.out().contains("failed in name(): java.lang.AssertionError: no name"), vms.out());

        Run version = dvmc("--vm", "bad_name", "--version");
        assertEquals(4, version.status(), version.toString());
        assertTrue(version.err().contains("failed in name()"), version.err());
    }

    @Test
    void pluginTextInAnErrorCannotForgeLines() throws Exception {
        HostileVm.codename("forger").create("throw new IllegalStateException(\"boom\\nResult:   success\\u001b[2J\");")
                .addTo(PluginJarBuilder.plugin("forger")).writeInto(plugins);

        Run run = dvmc("--vm", "forger", "run", "00");
        assertEquals(4, run.status(), run.toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("boom\\nResult:   success\\u001b[2J"), run.err());
    }

    // ---- defect 7: unbounded CLI input and output --------------------------------------------------

    @Test
    void anEndlessAtFileIsAUsageErrorInASmallHeap() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        Run run = dvmcSmallHeap("--vm", "trans_log", "run", "@/dev/zero");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("code: file '/dev/zero' holds more than 16 MiB of hex"), run.err());
    }

    @Test
    void aLargeOutputIsStreamed() throws Exception {
        HostileVm.codename("big_output").execute("return Result.success(0, Bytes.of(new byte[48 << 20]));")
                .addTo(PluginJarBuilder.plugin("big-output")).writeInto(plugins);
        File stdout = work.resolve("big.out").toFile();

        Run run = dvmc(List.of("-Xmx256m"), Map.of(), stdout, "--vm", "big_output", "run", "00");
        assertEquals(0, run.status(), run.toString());
        // "Output:   " and 2 hex digits per byte.
        assertTrue(stdout.length() > 2L * (48 << 20), "output of " + stdout.length() + " bytes");
    }

    @Test
    void anOutputThatCannotBeWrittenIsAFailure() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full");
        Run run = dvmc(List.of(), Map.of(), full, "vms");
        assertEquals(Main.OUTPUT_FAILED, run.status(), run.toString());
        assertTrue(run.err().contains("dvmc: the output could not be written"), run.err());
    }

    // ---- defect 8: misleading messages ---------------------------------------------------------------

    @Test
    void selectingTheCodenameOfARejectedJarExitsWithItsRejection() throws Exception {
        PluginJarBuilder.fixturePlugin("old_vm").abiVersion(11).writeInto(plugins);
        Run run = dvmc("--vm", "old_vm", "run", "00");
        assertEquals(5, run.status(), run.toString());
        assertTrue(run.err().startsWith("VM old_vm is not available: plugin jar "), run.err());
    }

    @Test
    void aPluginsDirectoryThatIsAFileSaysSo() throws Exception {
        Path file = Files.writeString(work.resolve("passwd"), "root:x:0:0\n");
        Run run = dvmc(List.of(), Map.of(PluginsDirectory.ENVIRONMENT_VARIABLE, file.toString()), null, "vms");
        assertTrue(run.out().startsWith("Plugins directory: " + file + " (is not a directory)\n"), run.out());
    }

    // ---- pinning ---------------------------------------------------------------------------------------

    @Test
    void vmsShowsEachJarsDigestAndATrustFilePinsThem() throws Exception {
        Path trusted = PluginJarBuilder.fixturePlugin("pinned").writeInto(plugins);
        Path other = PluginJarBuilder.fixturePlugin("unpinned").writeInto(plugins);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trusted)));

        Run listed = dvmc("vms");
        assertTrue(listed.out().contains(digest + "  " + trusted), listed.out());

        Path trustFile = Files.writeString(work.resolve("trusted.txt"), digest + "  " + trusted + "\n");
        Run pinned = dvmc("--trust-file", trustFile.toString(), "vms");
        assertEquals(0, pinned.status(), pinned.toString());
        assertTrue(pinned.out().contains(other + ": plugin jar " + other + " is not trusted"), pinned.out());

        Run byEnvironment = dvmc(List.of(), Map.of(DvmcCommand.TRUST_FILE_ENVIRONMENT_VARIABLE, trustFile.toString()), null,
                "--vm", "unpinned", "run", "00");
        assertEquals(1, byEnvironment.status(), byEnvironment.toString());
        assertTrue(byEnvironment.err().contains("is not trusted"), byEnvironment.err());

        Run ok = dvmc("--trust-file", trustFile.toString(), "--vm", "pinned", "run", "00");
        assertEquals(0, ok.status(), ok.toString());

        Run missing = dvmc("--trust-file", "nosuch.txt", "vms");
        assertEquals(2, missing.status(), missing.toString());
        assertTrue(missing.err().startsWith("trust file nosuch.txt does not exist"), missing.err());
    }

    static {
        // Fail early and clearly when run outside Maven.
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run the test with Maven (mvn verify)");
        }
    }

}
