package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static final String ZERO_WORD = "00".repeat(32);

    @Test
    void printsTheDesignExampleCharacterForCharacter() {
        String text = RunReport.config("trans_log") + RunReport.header(Revision.CANCUN, 99, false)
                + RunReport.completed(new RunOutcome.Completed(StatusCode.SUCCESS, 6, Bytes.of(new byte[32]),
                        Optional.empty()));
        assertEquals("Config: trans_log\n"
                + "Executing on Cancun with 99 gas limit\n"
                + "\n"
                + "Result:   success\n"
                + "Gas used: 6\n"
                + "Output:   " + ZERO_WORD + "\n", text);
    }

    @Test
    void createHeaderAndRevisionDisplayName() {
        assertEquals("Creating and executing on Tangerine Whistle with 1000000 gas limit\n",
                RunReport.header(Revision.TANGERINE_WHISTLE, 1_000_000, true));
    }

    @Test
    void benchTimeComesBeforeTheResult() {
        String text = RunReport.completed(new RunOutcome.Completed(StatusCode.REVERT, 3, Bytes.fromHex("aa"),
                Optional.of(new RunOutcome.BenchFigures(123, 4567))));
        assertEquals("\nTime:     123 ns (avg of 4567 iterations)\nResult:   revert\nGas used: 3\nOutput:   aa\n", text);
    }

    @Test
    void outputOnlyForSuccessAndRevert() {
        assertEquals("\nResult:   out of gas\nGas used: 5\n", RunReport.completed(
                new RunOutcome.Completed(StatusCode.OUT_OF_GAS, 5, Bytes.EMPTY, Optional.empty())));
        assertEquals("\nResult:   internal error\nGas used: 7\n", RunReport.completed(
                new RunOutcome.Completed(StatusCode.INTERNAL_ERROR, 7, Bytes.EMPTY, Optional.empty())));
        assertEquals("\nResult:   success\nGas used: 0\nOutput:   \n", RunReport.completed(
                new RunOutcome.Completed(StatusCode.SUCCESS, 0, Bytes.EMPTY, Optional.empty())));
    }

    @Test
    void creationFailedNamesTheStatus() {
        assertEquals("Contract creation failed: undefined instruction\n",
                RunReport.creationFailed(StatusCode.UNDEFINED_INSTRUCTION));
    }

    @Test
    void abbreviatedHexCutsLongOutputs() {
        assertEquals("(empty)", RunReport.abbreviatedHex(Bytes.EMPTY));
        assertEquals("0102", RunReport.abbreviatedHex(Bytes.fromHex("0102")));
        assertEquals("00".repeat(32) + "... (40 bytes)", RunReport.abbreviatedHex(Bytes.of(new byte[40])));
    }

    @Test
    void createFailureExitStatusIsTheLowByteOfTheStatusCode() {
        assertEquals(1, ExitCodes.ofStatus(StatusCode.FAILURE));
        assertEquals(5, ExitCodes.ofStatus(StatusCode.UNDEFINED_INSTRUCTION));
        assertEquals(255, ExitCodes.ofStatus(StatusCode.INTERNAL_ERROR));
        assertEquals(254, ExitCodes.ofStatus(StatusCode.REJECTED));
        assertEquals(253, ExitCodes.ofStatus(StatusCode.OUT_OF_MEMORY));
    }
}
