package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.junit.jupiter.api.Test;

/** The stack's lanes, its growth policy and reading bytes as zero-padded big-endian words. */
class WordStackTest {

    @Test
    void startsSmallAndGrowsByDoublingToExactlyTheLimit() {
        WordStack stack = new WordStack();
        assertEquals(0, stack.capacity(), "nothing allocated before the first push");
        stack.pushSmall(0);
        assertEquals(WordStack.INITIAL_WORDS, stack.capacity());
        stack.pop();
        for (int i = 0; i < WordStack.LIMIT; i++) {
            assertFalse(stack.isFull());
            stack.pushSmall(i);
        }
        assertTrue(stack.isFull());
        assertEquals(WordStack.LIMIT, stack.capacity());
        for (int i = WordStack.LIMIT - 1; i >= 0; i--) {
            assertEquals(Bytes32.fromLong(i), stack.pop());
        }
        assertEquals(0, stack.size());
    }

    @Test
    void pushBigEndianPadsAShortTailWithZerosOnTheRight() {
        WordStack stack = new WordStack();
        Bytes source = Bytes.fromHex("d0d1");
        stack.pushBigEndian(source, 0, 32);
        assertEquals(Bytes32.fromHex("d0d1" + "00".repeat(30)), stack.pop());
        stack.pushBigEndian(source, 0, 3);
        assertEquals(Bytes32.fromLong(0xd0d100), stack.pop());
        stack.pushBigEndian(source, 1, 2);
        assertEquals(Bytes32.fromLong(0xd100), stack.pop());
        stack.pushBigEndian(source, 0, 9);
        assertEquals(Bytes32.fromHex("00".repeat(23) + "d0d1" + "00".repeat(7)), stack.pop());
        stack.pushBigEndian(source, 1, 17);
        assertEquals(Bytes32.fromHex("00".repeat(15) + "d1" + "00".repeat(16)), stack.pop());
    }

    @Test
    void pushBigEndianReadsEveryCountAndOffset() {
        byte[] data = new byte[40];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (0xa0 + i);
        }
        Bytes source = Bytes.of(data);
        WordStack stack = new WordStack();
        for (int count = 1; count <= 32; count++) {
            for (int from = 0; from <= data.length; from++) {
                byte[] expected = new byte[32];
                for (int i = 0; i < count && from + i < data.length; i++) {
                    expected[32 - count + i] = data[from + i];
                }
                stack.pushBigEndian(source, from, count);
                assertEquals(Bytes32.fromBytes(expected), stack.pop(), "count " + count + " from " + from);
            }
        }
    }

    @Test
    void pushBigEndianFromBeyondTheEndIsZero() {
        WordStack stack = new WordStack();
        stack.pushBigEndian(Bytes.fromHex("ff"), 1, 32);
        stack.pushBigEndian(Bytes.fromHex("ff"), 0xffff_ffffL, 32);
        stack.pushBigEndian(Bytes.EMPTY, 0, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(Bytes32.ZERO, stack.pop());
        }
    }

    @Test
    void lowThirtyTwoBitsAndAddressesComeFromTheLowBytes() {
        WordStack stack = new WordStack();
        Bytes32 word = Bytes32.fromHex("ffffffffffffffffffffffff" + "0102030405060708090a0b0c0d0e0f1011121314");
        stack.push(word);
        stack.push(word);
        assertEquals(0x11121314L, stack.popLow32());
        assertEquals(Address.fromHex("0102030405060708090a0b0c0d0e0f1011121314"), stack.popAddress());
        stack.push(Bytes32.fromHex("ff".repeat(32)));
        assertEquals(0xffff_ffffL, stack.popLow32());
    }

    @Test
    void addressRoundTrip() {
        WordStack stack = new WordStack();
        Address address = Address.fromHex("f00000000000000000000000000000000000000f");
        stack.push(address);
        assertEquals(address.toBytes32(), stack.pop());
    }

    @Test
    void popIntoWritesBigEndianBytes() {
        WordStack stack = new WordStack();
        Bytes32 word = Bytes32.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        stack.push(word);
        byte[] target = new byte[40];
        stack.popInto(target, 3);
        assertEquals(Bytes.fromHex("000000" + word.toHex() + "0000000000"), Bytes.of(target));
    }

    @Test
    void dup1AndAdd() {
        WordStack stack = new WordStack();
        stack.push(-1L, -1L, -1L, -1L);
        stack.dup1();
        assertEquals(2, stack.size());
        stack.add();
        assertEquals(new Bytes32(-1L, -1L, -1L, -2L), stack.pop());
    }
}
