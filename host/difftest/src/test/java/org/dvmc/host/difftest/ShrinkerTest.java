package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
