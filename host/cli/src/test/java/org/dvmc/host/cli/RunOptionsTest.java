package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void gasTakesZeroToOneBillion() {
        assertEquals(0, RunOptions.gas("0"));
        assertEquals(99, RunOptions.gas("99"));
        assertEquals(1_000_000_000L, RunOptions.gas("1000000000"));
    }

    @Test
    void gasOutOfRangeNamesTheRange() {
        assertEquals("--gas: 1000000001 is out of range; valid: 0..1000000000",
                assertThrows(CliFailure.class, () -> RunOptions.gas("1000000001")).getMessage());
    }

    @Test
    void gasTakesAsciiDecimalDigitsOnly() {
        for (String notPlain : new String[] {"-1", "+5", "\u0665", "\uff15", "1_000"}) {
            assertEquals("--gas: '" + notPlain + "' is not a number; valid: 0..1000000000",
                    assertThrows(CliFailure.class, () -> RunOptions.gas(notPlain)).getMessage());
        }
    }

    @Test
    void gasThatIsNoNumberNamesTheRange() {
        CliFailure failure = assertThrows(CliFailure.class, () -> RunOptions.gas("lots"));
        assertEquals("--gas: 'lots' is not a number; valid: 0..1000000000", failure.getMessage());
        assertEquals(2, failure.exitCode());
        assertThrows(CliFailure.class, () -> RunOptions.gas("99999999999999999999999"));
        assertThrows(CliFailure.class, () -> RunOptions.gas(""));
    }

    @Test
    void revisionByNameOrNumber() {
        assertEquals(Revision.FRONTIER, RunOptions.revision("Frontier"));
        assertEquals(Revision.FRONTIER, RunOptions.revision("0"));
        assertEquals(Revision.TANGERINE_WHISTLE, RunOptions.revision("tangerine whistle"));
        assertEquals(Revision.TANGERINE_WHISTLE, RunOptions.revision("TANGERINE_WHISTLE"));
        assertEquals(Revision.PRAGUE, RunOptions.revision("13"));
        assertEquals(Revision.EXPERIMENTAL, RunOptions.revision("15"));
        assertEquals(Revision.CANCUN, RunOptions.revision("cancun"));
    }

    @Test
    void unknownRevisionListsNamesAndNumbers() {
        String valid = "; valid: Frontier, Homestead, Tangerine Whistle, Spurious Dragon, Byzantium, Constantinople, "
                + "Petersburg, Istanbul, Berlin, London, Paris, Shanghai, Cancun, Prague, Osaka, Experimental or 0..15";
        assertEquals("--rev: unknown revision 'Foo'" + valid,
                assertThrows(CliFailure.class, () -> RunOptions.revision("Foo")).getMessage());
        assertEquals("--rev: unknown revision '16'" + valid,
                assertThrows(CliFailure.class, () -> RunOptions.revision("16")).getMessage());
        assertEquals("--rev: unknown revision '-1'" + valid,
                assertThrows(CliFailure.class, () -> RunOptions.revision("-1")).getMessage());
        assertThrows(CliFailure.class, () -> RunOptions.revision("99999999999"));
        assertThrows(CliFailure.class, () -> RunOptions.revision(""));
    }
}
