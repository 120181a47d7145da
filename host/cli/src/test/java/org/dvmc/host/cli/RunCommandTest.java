package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code dvmc run} prints for the trans_log examples, line by line as the reference tool prints it: in-process,
 * with trans_log found on the test classpath (the plugins directory is empty). One end-to-end smoke of the same
 * command against the real plugin jar is in {@code DvmcJarIT}.
 */
class RunCommandTest {

    private static final String ZERO_WORD = "00".repeat(32);

    @TempDir
    Path workingDirectory;

    /** What one invocation printed, as lines, and returned. */
    private record Run(int status, List<String> out, List<String> err) {
    }

    private Run dvmc(String... args) {
        InProcessDvmc.Outcome outcome = InProcessDvmc.run(workingDirectory, InProcessDvmc.withoutPlugins(workingDirectory),
                args);
        return new Run(outcome.status(), outcome.out().lines().toList(), outcome.err().lines().toList());
    }

    private static Run ok(String... out) {
        return new Run(0, List.of(out), List.of());
    }

    @Test
    void returnsTheInput() {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   aabbccdd" + "00".repeat(28)),
                dvmc("--vm", "trans_log", "run", "600035600052596000f3", "--input", "aabbccdd"));
    }

    @Test
    void emptyCodeSucceedsWithNothing() {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 0", "Output:   "), dvmc("--vm", "trans_log", "run", ""));
    }

    @Test
    void emptyInputReadsZeros() {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   " + ZERO_WORD),
                dvmc("--vm", "trans_log", "run", "0x600035600052596000f3", "--input", ""));
    }

    @Test
    void codeAndInputFromFiles() throws IOException {
        Files.writeString(workingDirectory.resolve("code.hex"), "0x60 00 35\n60 00 52\n59 60 00 f3\n");
        Files.writeString(workingDirectory.resolve("input.hex"), "  aa bb\n cc dd\n");
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 1000000 gas limit", "", "Result:   success",
                "Gas used: 7", "Output:   aabbccdd" + "00".repeat(28)),
                dvmc("--vm", "trans_log", "run", "@code.hex", "--input", "@input.hex"));
    }

    @Test
    void revisionByNameAndNumber() {
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
    void outOfGasUsesTheWholeLimit() {
        assertEquals(ok("Config: trans_log", "Executing on Cancun with 3 gas limit", "", "Result:   out of gas",
                "Gas used: 3"), dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "3"));
    }

    @Test
    void createInstallsTheRuntimeCodeAndCallsIt() {
        // Init code: PUSH8 <30600052596000f3> PUSH1 0 MSTORE PUSH1 8 PUSH1 24 RETURN returns the 8-byte runtime
        // code, which returns its own address: the creation address.
        assertEquals(ok("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit", "",
                "Result:   success", "Gas used: 6",
                "Output:   000000000000000000000000c9ea7ed000000000000000000000000000000001"),
                dvmc("--vm", "trans_log", "run", "6730600052596000f360005260086018f3", "--create"));
    }

    @Test
    void createPassesTheInputToTheCall() {
        // Init code returning 600035600052596000f3 (10 bytes), which echoes the first input word.
        assertEquals(ok("Config: trans_log", "Creating and executing on Cancun with 1000000 gas limit", "",
                "Result:   success", "Gas used: 7", "Output:   ee" + "00".repeat(31)),
                dvmc("--vm", "trans_log", "run", "69600035600052596000f3600052600a6016f3", "--create", "--input", "ee"));
    }

    @Test
    void benchPrintsTheMeanTimeBeforeTheResult() {
        Run run = dvmc("--vm", "trans_log", "run", "30600052596000f3", "--gas", "99", "--bench");
        assertEquals(0, run.status(), run.toString());
        assertEquals(7, run.out().size(), run.toString());
        assertEquals(List.of("Config: trans_log", "Executing on Cancun with 99 gas limit", ""), run.out().subList(0, 3));
        assertTrue(run.out().get(3).matches("Time:     \\d+ ns \\(avg of [1-9]\\d* iterations\\)"), run.out().get(3));
        assertEquals(List.of("Result:   success", "Gas used: 6", "Output:   " + ZERO_WORD), run.out().subList(4, 7));
        assertEquals(List.of(), run.err());
    }

    @Test
    void benchWarnsWhenStorageChangesTheResult() {
        // Increments slot 0 and returns it: each repetition returns one more.
        Run run = dvmc("--vm", "trans_log", "run", "60016000540160005560005460005260206000f3", "--bench");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Output:   " + "00".repeat(31) + "01", run.out().get(run.out().size() - 1));
        assertEquals(List.of(CodeRunner.INCONSISTENT_WARNING + " (repetition 1: output " + "00".repeat(31)
                + "02, first run: " + "00".repeat(31) + "01)"), run.err());
    }
}
