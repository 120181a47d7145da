package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dvmc.spi.Bytes;
import org.junit.jupiter.api.Test;

/** The fixed 1 KiB memory and its active size. */
class MemoryTest {

    @Test
    void expandGrowsToTheEndOfTheRegionEvenForSizeZero() {
        Memory memory = new Memory();
        assertEquals(0, memory.activeSize());
        assertTrue(memory.expand(100, 0));
        assertEquals(100, memory.activeSize());
        assertTrue(memory.expand(0, 10));
        assertEquals(100, memory.activeSize(), "never shrinks");
        assertTrue(memory.expand(1000, 24));
        assertEquals(1024, memory.activeSize());
    }

    @Test
    void expandRejectsRegionsEndingBeyondTheBufferAndKeepsTheSize() {
        Memory memory = new Memory();
        assertFalse(memory.expand(1024, 1));
        assertFalse(memory.expand(1025, 0));
        assertFalse(memory.expand(0, 1025));
        assertFalse(memory.expand(0xffff_ffffL, 1));
        assertFalse(memory.expand(0xffff_ffffL, 0xffff_ffffL));
        assertEquals(0, memory.activeSize());
        assertTrue(memory.expand(1024, 0));
    }

    @Test
    void backingArrayGrowsOnlyAsFarAsAccessesNeed() {
        Memory memory = new Memory();
        assertTrue(memory.expand(1000, 24));
        assertEquals(0, memory.bufferSize(), "touching a region allocates nothing");
        memory.buffer(32)[31] = 7;
        assertEquals(Memory.MIN_BUFFER, memory.bufferSize());
        assertEquals(Bytes.fromHex("0700"), memory.copyOut(31, 2));
        assertEquals(Bytes.fromHex("0000"), memory.copyOut(200, 2));
        assertEquals(256, memory.bufferSize());
        assertEquals(Bytes.fromHex("07"), memory.copyOut(31, 1), "contents survive growth");
        assertEquals(Bytes.fromHex("00"), memory.copyOut(1023, 1));
        assertEquals(Memory.CAPACITY, memory.bufferSize());
    }

    @Test
    void copiesInAndOut() {
        Memory memory = new Memory();
        assertEquals(Bytes.EMPTY, memory.copyOut(5, 0));
        memory.copyIn(Bytes.fromHex("aabbcc"), 10, 2);
        assertEquals(Bytes.fromHex("00aabb00"), memory.copyOut(9, 4));
    }
}
