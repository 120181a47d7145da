package org.dvmc.spi;

import static org.dvmc.spi.AddressTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Bytes32Test {

    /** Bytes 0x01 .. 0x20: every byte distinct, so any misplaced lane or byte shows. */
    private static final String COUNTING_HEX =
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static byte[] countingBytes() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i + 1);
        }
        return bytes;
    }

    @Test
    void hexRoundTripWithoutPrefix() {
        Bytes32 word = Bytes32.fromHex(COUNTING_HEX);
        assertEquals(COUNTING_HEX, word.toHex());
        assertEquals("0x" + COUNTING_HEX, word.toString());
        assertArrayEquals(countingBytes(), word.toBytes());
    }

    @Test
    void lanesHoldBigEndianBytes() {
        Bytes32 word = Bytes32.fromHex(COUNTING_HEX);
        assertEquals(0x0102030405060708L, word.w0());
        assertEquals(0x090a0b0c0d0e0f10L, word.w1());
        assertEquals(0x1112131415161718L, word.w2());
        assertEquals(0x191a1b1c1d1e1f20L, word.w3());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0X"})
    void hexPrefixIsOptionalInEitherCase(String prefix) {
        assertEquals(Bytes32.fromHex(COUNTING_HEX), Bytes32.fromHex(prefix + COUNTING_HEX));
    }

    @Test
    void upperAndMixedCaseDigitsParseAndPrintLowerCase() {
        String lower = "abcdef0123456789".repeat(4);
        assertEquals(Bytes32.fromHex(lower), Bytes32.fromHex(lower.toUpperCase()));
        assertEquals(Bytes32.fromHex(lower), Bytes32.fromHex("0X" + "aBcDeF0123456789".repeat(4)));
        assertEquals(lower, Bytes32.fromHex(lower.toUpperCase()).toHex());
    }

    @ParameterizedTest
    @ValueSource(ints = {62, 63, 65, 66, 0, 40})
    void wrongDigitCountSaysExpectedAndGot(int digits) {
        String hex = "b".repeat(digits);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes32.fromHex(hex));
        assertContains(e.getMessage(), "bytes32", "expected 64 hex digits", "got " + digits);
        IllegalArgumentException prefixed =
                assertThrows(IllegalArgumentException.class, () -> Bytes32.fromHex("0X" + hex));
        assertContains(prefixed.getMessage(), "expected 64 hex digits", "got " + digits);
    }

    @Test
    void badCharacterIsNamedWithItsPosition() {
        String hex = COUNTING_HEX.substring(0, 63) + "?";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes32.fromHex(hex));
        assertContains(e.getMessage(), "bytes32", "invalid hex", "'?'", "position 63", hex);
        IllegalArgumentException prefixed =
                assertThrows(IllegalArgumentException.class, () -> Bytes32.fromHex("0x" + hex));
        assertContains(prefixed.getMessage(), "'?'", "position 65");
        assertThrows(NullPointerException.class, () -> Bytes32.fromHex(null));
    }

    @Test
    void fromBytesNeedsExactlyThirtyTwoBytes() {
        assertEquals(Bytes32.fromHex(COUNTING_HEX), Bytes32.fromBytes(countingBytes()));
        for (int size : new int[] {0, 20, 31, 33}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Bytes32.fromBytes(new byte[size]));
            assertContains(e.getMessage(), "bytes32", "expected 32 bytes", "got " + size);
        }
    }

    @Test
    void fromBytesAtOffsetAndCopyTo() {
        byte[] source = new byte[40];
        Arrays.fill(source, (byte) 0xee);
        System.arraycopy(countingBytes(), 0, source, 5, 32);
        Bytes32 word = Bytes32.fromBytes(source, 5);
        assertEquals(COUNTING_HEX, word.toHex());

        byte[] target = new byte[36];
        Arrays.fill(target, (byte) 0x77);
        word.copyTo(target, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(0x77, target[i]);
        }
        assertArrayEquals(countingBytes(), Arrays.copyOfRange(target, 4, 36));
    }

    @Test
    void offsetsAreBoundsChecked() {
        Bytes32 word = Bytes32.fromHex(COUNTING_HEX);
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes32.fromBytes(new byte[40], 9));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes32.fromBytes(new byte[40], -1));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes32.fromBytes(new byte[31], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> word.copyTo(new byte[40], 9));
        assertThrows(IndexOutOfBoundsException.class, () -> word.copyTo(new byte[40], -1));
        assertThrows(IndexOutOfBoundsException.class, () -> word.copyTo(new byte[31], 0));
        assertEquals(Bytes32.ZERO, Bytes32.fromBytes(new byte[40], 8));
    }

    @Test
    void mutatingArraysDoesNotChangeTheWord() {
        byte[] source = countingBytes();
        Bytes32 word = Bytes32.fromBytes(source);
        source[31] = 0;
        assertEquals(COUNTING_HEX, word.toHex());

        byte[] returned = word.toBytes();
        returned[0] = 0;
        assertArrayEquals(countingBytes(), word.toBytes());
    }

    @Test
    void longConversions() {
        assertSame(Bytes32.ZERO, Bytes32.fromLong(0));
        assertEquals("00".repeat(31) + "01", Bytes32.fromLong(1).toHex());
        assertEquals("00".repeat(24) + "7fffffffffffffff", Bytes32.fromLong(Long.MAX_VALUE).toHex());
        assertEquals("00".repeat(24) + "ffffffffffffffff", Bytes32.fromLong(-1).toHex());
        assertEquals(Long.MAX_VALUE, Bytes32.fromLong(Long.MAX_VALUE).toLong());
        assertEquals(-1L, Bytes32.fromLong(-1).toLong());
        assertEquals(new BigInteger("ffffffffffffffff", 16), Bytes32.fromLong(-1).toBigInteger());
        // toLong keeps the low 64 bits only.
        assertEquals(0x191a1b1c1d1e1f20L, Bytes32.fromHex(COUNTING_HEX).toLong());
    }

    @Test
    void bigIntegerRoundTripIncludingMax() {
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO.pow(63),
                BigInteger.TWO.pow(64), BigInteger.TWO.pow(128), BigInteger.TWO.pow(192), BigInteger.TWO.pow(255),
                new BigInteger(COUNTING_HEX, 16), MAX}) {
            Bytes32 word = Bytes32.fromBigInteger(value);
            assertEquals(value, word.toBigInteger(), value.toString(16));
            assertEquals(value, new BigInteger(word.toHex(), 16));
        }
        assertEquals("ff".repeat(32), Bytes32.fromBigInteger(MAX).toHex());
        assertEquals(Bytes32.fromHex(COUNTING_HEX), Bytes32.fromBigInteger(new BigInteger(COUNTING_HEX, 16)));
    }

    @Test
    void bigIntegerOutOfRangeIsRejected() {
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> Bytes32.fromBigInteger(MAX.add(BigInteger.ONE)));
        assertContains(tooBig.getMessage(), "bytes32", "outside 0..2^256-1");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Bytes32.fromBigInteger(BigInteger.valueOf(-5)));
        assertContains(negative.getMessage(), "bytes32", "-5", "outside");
        assertThrows(NullPointerException.class, () -> Bytes32.fromBigInteger(null));
    }

    @Test
    void addressConversionRightAligns() {
        Address address = Address.fromHex("ffffffff" + "00".repeat(8) + "80000000" + "00000001");
        Bytes32 word = Bytes32.fromAddress(address);
        assertEquals("00".repeat(12) + address.toHex(), word.toHex());
        assertEquals(0L, word.w0());
        assertEquals(0xffff_ffffL, word.w1()); // the int lane is not sign-extended into the high bytes
        assertEquals(address.toBigInteger(), word.toBigInteger());
        assertEquals(address, Address.fromBytes32(word));
    }

    @Test
    void zero() {
        assertTrue(Bytes32.ZERO.isZero());
        assertEquals("0x" + "0".repeat(64), Bytes32.ZERO.toString());
        assertEquals(BigInteger.ZERO, Bytes32.ZERO.toBigInteger());
        assertEquals(32, Bytes32.SIZE);
        for (int lane = 0; lane < 4; lane++) {
            long[] w = new long[4];
            w[lane] = Long.MIN_VALUE;
            assertFalse(new Bytes32(w[0], w[1], w[2], w[3]).isZero(), "lane " + lane);
        }
    }

    @Test
    void equalityAndHashingMakeWordsUsableAsKeys() {
        Bytes32 a = Bytes32.fromHex(COUNTING_HEX);
        Bytes32 same = Bytes32.fromBytes(countingBytes());
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, Bytes32.fromLong(1));
        assertNotEquals(a, null);
        assertNotEquals(Bytes32.ZERO, Address.ZERO);

        Map<Bytes32, Integer> storage = new HashMap<>();
        storage.put(a, 1);
        storage.put(Bytes32.fromLong(1), 2);
        assertEquals(1, storage.get(same));
        assertEquals(2, storage.get(Bytes32.fromBigInteger(BigInteger.ONE)));

        Set<Bytes32> distinct = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            byte[] bytes = new byte[32];
            bytes[i] = 1;
            distinct.add(Bytes32.fromBytes(bytes));
        }
        assertEquals(32, distinct.size());
    }
}
