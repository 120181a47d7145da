package org.dvmc.host.cli;

import static org.dvmc.host.cli.InProcessDvmc.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dvmc.host.cli.InProcessDvmc.Outcome;
import org.dvmc.host.difftest.DiffCase;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} and {@code fuzz} in-process, with trans_log from the test classpath (the plugins directory is
 * empty). Disagreements between real plugin jars are tested end to end by {@code DiffFuzzJarIT}.
 */
class DiffFuzzCommandTest {

    @TempDir
    Path workingDirectory;

    private Outcome dvmc(String... args) {
        return InProcessDvmc.run(workingDirectory, InProcessDvmc.withoutPlugins(workingDirectory), args);
    }

    @Test
    void vmOptionsMayStandOnBothSidesOfTheCommand() {
        Outcome outcome = dvmc("--vm", "trans_log", "diff", "6001600101", "--vm", "trans_log,verbose=0", "--vm", "trans_log");
        assertEquals(0, outcome.status(), outcome.toString());
        assertTrue(outcome.out().contains("Config: trans_log\n"), outcome.out());
        assertTrue(outcome.out().contains("Config: trans_log,verbose=0\n"), outcome.out());
        assertTrue(outcome.out().endsWith("\nAgree\n"), outcome.out());
        assertEquals(3, outcome.out().split("Config: ", -1).length - 1, outcome.out());
    }

    @Test
    void diffTakesRunsOptionsAndFiles() throws Exception {
        Files.writeString(workingDirectory.resolve("code.hex"), "60 00 35\n60 00 52\n59 60 00 f3\n");
        Outcome outcome = dvmc("--vm", "trans_log", "--vm", "trans_log", "diff", "@code.hex", "--input", "aabb",
                "--rev", "Frontier", "--gas", "50");
        String one = "Executing on Frontier with 50 gas limit\n\nResult:   success\nGas used: 7\nOutput:   aabb"
                + "00".repeat(30) + "\n\n";
        assertEquals(new Outcome(0, "Config: trans_log\n" + one + "Config: trans_log\n" + one + "Agree\n", ""), outcome);
    }

    @Test
    void diffCreateFailureIsPrintedAsRunPrintsIt() {
        Outcome outcome = dvmc("--vm", "trans_log", "--vm", "trans_log", "diff", "fe", "--create");
        assertEquals(new Outcome(0, ("Config: trans_log\nCreating and executing on Cancun with 1000000 gas limit\n"
                + "Contract creation failed: undefined instruction\n\n").repeat(2) + "Agree\n", ""), outcome);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertUsageError("code: invalid hex", dvmc("--vm", "trans_log", "--vm", "trans_log", "diff", "xyz"));
        assertUsageError("diff needs --vm at least twice", dvmc("diff", "00"));
        assertUsageError("--generator: unknown generator 'evm'",
                dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--generator", "evm"));
        assertUsageError("--duration: 'soon' is not a duration",
                dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--duration", "soon"));
        assertUsageError("--count: 0 is out of range", dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--count", "0"));
        assertUsageError("--count and --duration exclude each other",
                dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--count", "5", "--duration", "1s"));
    }

    @Test
    void anUnknownVmIsALoaderError() {
        Outcome outcome = dvmc("--vm", "trans_log", "--vm", "nope", "diff", "00");
        assertEquals(2, outcome.status(), "SYMBOL_NOT_FOUND");
        assertEquals("", outcome.out());
        assertTrue(outcome.err().startsWith("no VM with codename nope"), outcome.err());
    }

    @Test
    void runStillTakesOneVm() {
        assertUsageError("--vm was given 2 times", dvmc("--vm", "trans_log", "--vm", "trans_log", "run", "00"));
        // On both sides of the command name, too: picocli keeps one field for both and starts it afresh.
        assertUsageError("--vm was given 2 times", dvmc("--vm", "trans_log", "run", "00", "--vm", "trans_log"));
        assertUsageError("--vm was given 2 times", dvmc("--vm", "trans_log", "test-vm", "--vm", "nope"));
    }

    @Test
    void fuzzOfTransLogAgainstItself() {
        Outcome outcome = dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--seed", "5", "--count", "2000",
                "--generator", "dvm", "--threads", "2");
        assertEquals(0, outcome.status(), outcome.toString());
        assertTrue(outcome.out().startsWith("Fuzzing trans_log against trans_log: generator dvm, Cancun, gas 1000000, "
                + "seed 5, 2000 cases\nNo disagreement in 2000 cases ("), outcome.out());
        assertEquals("", outcome.err());
    }

    @Test
    void fuzzJsonIsOneObjectAndNothingElse() {
        Outcome outcome = dvmc("--vm", "trans_log", "--vm", "trans_log", "fuzz", "--seed", "5", "--count", "500",
                "--json");
        assertEquals(0, outcome.status(), outcome.toString());
        assertTrue(outcome.out().startsWith("{\n  \"vms\": [\"trans_log\", \"trans_log\"],\n  \"generator\": \"trans_log\","
                + "\n  \"revision\": \"Cancun\",\n  \"gas\": 1000000,\n  \"seed\": 5,\n  \"cases\": 500,\n"), outcome.out());
        assertTrue(outcome.out().endsWith("\"agree\": true,\n  \"disagreement\": null\n}\n"), outcome.out());
        assertEquals("", outcome.err());
    }

    @Test
    void progressComesAtLeastFourTimesPerTimeout() {
        assertEquals(Duration.ofSeconds(1), FuzzCommand.progressInterval(Optional.empty()));
        assertEquals(Duration.ofSeconds(1), FuzzCommand.progressInterval(Optional.of(Duration.ZERO)));
        assertEquals(Duration.ofSeconds(1), FuzzCommand.progressInterval(Optional.of(Duration.ofSeconds(60))));
        assertEquals(Duration.ofMillis(250), FuzzCommand.progressInterval(Optional.of(Duration.ofSeconds(1))));
        assertEquals(Duration.ofMillis(10), FuzzCommand.progressInterval(Optional.of(Duration.ofMillis(1))));
    }

    @Test
    void readsDurations() {
        assertEquals(Duration.ofMillis(500), FuzzCommand.duration("500ms"));
        assertEquals(Duration.ofSeconds(30), FuzzCommand.duration("30s"));
        assertEquals(Duration.ofSeconds(7), FuzzCommand.duration("7"));
        assertEquals(Duration.ofMinutes(5), FuzzCommand.duration("5m"));
        assertEquals(Duration.ofHours(1), FuzzCommand.duration("1H"));
        assertThrows(CliFailure.class, () -> FuzzCommand.duration("0s"));
        assertThrows(CliFailure.class, () -> FuzzCommand.duration("-1s"));
        assertThrows(CliFailure.class, () -> FuzzCommand.duration("1d"));
    }

    @Test
    void theDiffLineIsQuotedForTheShell() {
        DiffCase diffCase = new DiffCase(Bytes.EMPTY, Bytes.fromHex("aa"), 3, Revision.TANGERINE_WHISTLE, true);
        assertEquals("dvmc --vm trans_log --vm '/my vms/x.jar,opt=it'\\''s' diff '' --gas 3 --rev 'Tangerine Whistle' "
                + "--input aa --create", FuzzCommand.diffLine(List.of("trans_log", "/my vms/x.jar,opt=it's"), diffCase));
    }
}
