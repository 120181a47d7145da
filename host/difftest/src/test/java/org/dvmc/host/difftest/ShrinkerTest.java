package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.dvmc.host.difftest.fixtures.SkewedVms;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

    @Test
    void keepsOnlyWhatTheFailureNeeds() {
        // Fails whenever the code holds the byte 0x43 as an instruction; the rest is noise.
        Bytes noisy = Bytes.fromHex("6001600201" + "43" + "7f" + "11".repeat(32) + "5960005200");
        DiffCase failing = new DiffCase(noisy, Bytes.fromHex("aabbcc"), 5000, Revision.CANCUN, false);
        Shrinker.Shrunk shrunk = new Shrinker(c -> Instructions.decode(c.code()).stream()
                .anyMatch(i -> i.opcode() == 0x43), 1000).shrink(failing);
        assertEquals(new DiffCase(Bytes.fromHex("43"), Bytes.EMPTY, 0, Revision.CANCUN, false), shrunk.shrunk());
    }

    @Test
    void narrowsPushesToTheValueThatMatters() {
        // Fails while some PUSH pushes a value whose low byte is 0x2a.
        DiffCase failing = new DiffCase(Bytes.fromHex("7f" + "00".repeat(31) + "2a" + "00"), Bytes.EMPTY, 10,
                Revision.CANCUN, false);
        Shrinker.Shrunk shrunk = new Shrinker(c -> Instructions.decode(c.code()).stream()
                .anyMatch(i -> i.isPush() && i.immediate().length > 0 && i.immediate()[i.immediate().length - 1] == 0x2a), 1000)
                .shrink(failing);
        assertEquals(Bytes.fromHex("602a"), shrunk.shrunk().code());
    }

    @Test
    void spendsNoMoreThanItsBudget() {
        DiffCase failing = DiffCase.call(Bytes.fromHex("01".repeat(100)), 1_000_000, Revision.CANCUN);
        Shrinker.Shrunk shrunk = new Shrinker(c -> true, 10).shrink(failing);
        assertEquals(10, shrunk.attempts());
    }

    @Test
    void aDisagreementIsShrunkOnlyWhileItsFirstKindOfDifferenceRemains() {
        DiffEngine engine = new DiffEngine();
        List<DiffVm> vms = List.of(DiffVm.of("trans_log", SkewedVms.transLog()),
                DiffVm.of("skewed", SkewedVms.skewedStorageAndFlippedOutput()));
        // PUSH1 2 PUSH1 1 SSTORE STOP: the VMs write different values, and return no output.
        Comparison found = engine.compare(DiffCase.call(Bytes.fromHex("600260015500"), 1000, Revision.CANCUN), vms);
        assertEquals("storage write #1", found.differences().get(0).field());
        Predicate<DiffCase> same = Shrinker.sameDisagreement(engine, vms, found);

        assertTrue(same.test(DiffCase.call(Bytes.fromHex("600360025500"), 1000, Revision.CANCUN)));
        // MSTORE 7 and RETURN 32 bytes: the VMs disagree there too, but on the output only, another difference.
        DiffCase outputOnly = DiffCase.call(Bytes.fromHex("600760005260206000f3"), 1000, Revision.CANCUN);
        assertTrue(engine.disagree(outputOnly, vms));
        assertFalse(same.test(outputOnly));

        Comparison agreement = engine.compare(DiffCase.call(Bytes.fromHex("00"), 1000, Revision.CANCUN), vms);
        assertThrows(IllegalArgumentException.class, () -> Shrinker.sameDisagreement(engine, vms, agreement));
    }

    @Test
    void aDifferencesKindLeavesOutTheRecordsNumber() {
        assertEquals("storage write", new Difference("storage write #12", List.of("a", "b")).kind());
        assertEquals("creation status", new Difference("creation status", List.of("a", "b")).kind());
        assertEquals("logs (count)", new Difference("logs (count)", List.of("1", "2")).kind());
    }
}
