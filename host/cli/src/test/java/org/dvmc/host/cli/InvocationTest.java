package org.dvmc.host.cli;

import static org.dvmc.host.cli.InProcessDvmc.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.dvmc.host.cli.InProcessDvmc.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command in-process, with the trans_log VM found on the test classpath (the plugins
 * directory is empty). The packaged jar with the plugin jar is tested by {@code DvmcJarIT}.
 */
class InvocationTest {

    private static final String ZERO_WORD = "00".repeat(32);

    @TempDir
    Path workingDirectory;

    private Outcome dvmc(Map<String, String> environment, String... args) {
        return InProcessDvmc.run(workingDirectory, environment, args);
    }

    private Outcome dvmc(String... args) {
        return dvmc(Map.of(), args);
    }

    private static String example(String config) {
        return "Config: " + config + "\n"
                + "Executing on Cancun with 99 gas limit\n"
                + "\n"
                + "Result:   success\n"
                + "Gas used: 6\n"
                + "Output:   " + ZERO_WORD + "\n";
    }

    @Test
    void runsTheReadmeExample() {
        Outcome outcome = dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99");
        assertEquals(new Outcome(0, example("trans_log"), ""), outcome);
    }

    @Test
    void vmMayFollowTheSubcommand() {
        assertEquals(new Outcome(0, example("trans_log"), ""),
                dvmc("run", "30600052596000f3", "--gas", "99", "--vm", "trans_log"));
    }

    @Test
    void vmComesFromTheEnvironmentUnlessGiven() {
        assertEquals(new Outcome(0, example("trans_log"), ""),
                dvmc(Map.of("DVMC_VM", "trans_log"), "run", "30600052596000f3", "--gas", "99"));
        assertEquals(new Outcome(0, example("trans_log,verbose=0"), ""),
                dvmc(Map.of("DVMC_VM", "nope"), "--vm", "trans_log,verbose=0", "run", "30600052596000f3", "--gas", "99"));
    }

    @Test
    void runWithoutVmIsAUsageError() {
        Outcome outcome = dvmc("run", "00");
        assertEquals(2, outcome.status());
        assertEquals("", outcome.out());
        assertTrue(outcome.err().startsWith("--vm is required\n"), outcome.err());
        assertEquals(2, dvmc(Map.of("DVMC_VM", ""), "run", "00").status());
    }

    @Test
    void versionAloneAndWithVm() {
        String version = "DVMC " + System.getProperty("dvmc.version", "1.0.0") + "\n";
        assertEquals(new Outcome(0, version, ""), dvmc("--version"));
        assertEquals(new Outcome(0, "trans_log " + System.getProperty("dvmc.version", "1.0.0") + " (trans_log)\n" + version, ""),
                dvmc("--vm", "trans_log", "--version"));
    }

    @Test
    void loaderErrorsExitWithTheirCode() {
        Outcome unknown = dvmc("--vm", "nope", "run", "00");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("no VM with codename nope is available; available: trans_log"), unknown.err());
        assertEquals("", unknown.out());
        assertEquals(1, dvmc("--vm", "missing.jar", "run", "00").status());
        assertEquals(3, dvmc("--vm", "", "run", "00").status());
        assertEquals(6, dvmc("--vm", "trans_log,colour=red", "run", "00").status());
        assertEquals(7, dvmc("--vm", "trans_log,verbose=loud", "run", "00").status());
    }

    @Test
    void usageErrorsExitWithTwo() {
        // The fast route's failures.
        assertEquals(new Outcome(2, "", "code: invalid hex\n"), dvmc("--vm", "trans_log", "run", "6"));
        assertUsageError("--input: invalid hex", dvmc("--vm", "trans_log", "run", "00", "--input", "xyz"));
        assertUsageError("--gas: 1000000001 is out of range", dvmc("--vm", "trans_log", "run", "00", "--gas", "1000000001"));
        assertUsageError("--rev: unknown revision 'Foo'", dvmc("--vm", "trans_log", "run", "00", "--rev", "Foo"));
        // picocli's.
        assertUsageError("'CODE'", dvmc("--vm", "trans_log", "run"));
        assertUsageError("Try 'dvmc run --help'", dvmc("--vm", "trans_log", "run", "00", "--gass", "5"));
        assertUsageError("Missing command", dvmc());
    }

    @Test
    void atFileIsOursNotPicocli() {
        assertUsageError("code: cannot read file 'code.hex'", dvmc("--vm", "trans_log", "run", "@code.hex"));
    }

    @Test
    void helpEverywhere() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"vms", "-h"}, {"test-vm", "--help"},
                {"generate-completion", "--help"}}) {
            Outcome outcome = dvmc(args);
            assertEquals(0, outcome.status(), String.join(" ", args));
            assertTrue(outcome.out().startsWith("Usage: dvmc"), outcome.out());
        }
        assertTrue(dvmc("--help").out().contains("--plugins-dir=DIR"));
        assertTrue(dvmc("run", "--help").out().contains("--input=HEX|@FILE"));
    }

    @Test
    void vmsListsTheClasspathVm() {
        Outcome outcome = dvmc("vms");
        assertEquals(0, outcome.status());
        String version = System.getProperty("dvmc.version", "1.0.0");
        String versionCell = version + " ".repeat(Math.max(0, "VERSION".length() - version.length()));
        assertTrue(outcome.out().contains("\ntrans_log  trans_log  " + versionCell
                + "  12   DVM1          (classpath)  (classpath)\n"), outcome.out());
    }

    @Test
    void generatesACompletionScript() {
        Outcome outcome = dvmc("generate-completion");
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().contains("complete -F _complete_dvmc"), outcome.out());
    }
}
