package org.dvmc.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    /** Bytes 0x01, 0x02, ... 0x14: every byte distinct, so any misplaced lane or byte shows. */
    private static final String COUNTING_HEX = "0102030405060708090a0b0c0d0e0f1011121314";

    private static byte[] countingBytes() {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i + 1);
        }
        return bytes;
    }

    @Test
    void hexRoundTripWithoutPrefix() {
        Address address = Address.fromHex(COUNTING_HEX);
        assertEquals(COUNTING_HEX, address.toHex());
        assertEquals("0x" + COUNTING_HEX, address.toString());
        assertArrayEquals(countingBytes(), address.toBytes());
    }

    @Test
    void lanesHoldBigEndianBytes() {
        Address address = Address.fromHex(COUNTING_HEX);
        assertEquals(0x01020304, address.high());
        assertEquals(0x05060708090a0b0cL, address.middle());
        assertEquals(0x0d0e0f1011121314L, address.low());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0X"})
    void hexPrefixIsOptionalInEitherCase(String prefix) {
        assertEquals(Address.fromHex(COUNTING_HEX), Address.fromHex(prefix + COUNTING_HEX));
    }

    @Test
    void upperAndMixedCaseDigitsParseAndPrintLowerCase() {
        String lower = "abcdef0123456789abcdefabcdef0123456789ab";
        Address fromLower = Address.fromHex(lower);
        assertEquals(fromLower, Address.fromHex(lower.toUpperCase()));
        assertEquals(fromLower, Address.fromHex("0XAbCdEf0123456789aBcDeFAbCdEf0123456789Ab"));
        assertEquals(lower, Address.fromHex(lower.toUpperCase()).toHex());
    }

    @Test
    void highBitsSurviveTheRoundTrip() {
        String hex = "ff".repeat(20);
        Address max = Address.fromHex(hex);
        assertEquals(-1, max.high());
        assertEquals(-1L, max.middle());
        assertEquals(-1L, max.low());
        assertEquals(hex, max.toHex());
        assertEquals(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE), max.toBigInteger());
    }

    @ParameterizedTest
    @ValueSource(ints = {38, 39, 41, 42, 0, 64})
    void wrongDigitCountSaysExpectedAndGot(int digits) {
        String hex = "a".repeat(digits);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.fromHex(hex));
        assertContains(e.getMessage(), "address", "expected 40 hex digits", "got " + digits);
        IllegalArgumentException prefixed =
                assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x" + hex));
        assertContains(prefixed.getMessage(), "expected 40 hex digits", "got " + digits);
    }

    @Test
    void badCharacterIsNamedWithItsPosition() {
        String hex = COUNTING_HEX.substring(0, 7) + "g" + COUNTING_HEX.substring(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.fromHex(hex));
        assertContains(e.getMessage(), "address", "invalid hex", "'g'", "position 7", hex);

        // With a prefix the position still points into the text as the user wrote it.
        IllegalArgumentException prefixed =
                assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x" + hex));
        assertContains(prefixed.getMessage(), "'g'", "position 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "-", "+", "x", "G", "z", "\u0660", "\uff10", "\u00e9"})
    void nonHexCharactersAreRejected(String bad) {
        String hex = bad + COUNTING_HEX.substring(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.fromHex(hex));
        assertContains(e.getMessage(), "address", "invalid hex", "'" + bad + "'", "position 0");
    }

    @Test
    void nullHexIsRejected() {
        assertThrows(NullPointerException.class, () -> Address.fromHex(null));
    }

    @Test
    void fromBytesNeedsExactlyTwentyBytes() {
        assertEquals(Address.fromHex(COUNTING_HEX), Address.fromBytes(countingBytes()));
        for (int size : new int[] {0, 19, 21, 32}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Address.fromBytes(new byte[size]));
            assertContains(e.getMessage(), "address", "expected 20 bytes", "got " + size);
        }
    }

    @Test
    void fromBytesAtOffsetReadsTwentyBytes() {
        byte[] source = new byte[25];
        System.arraycopy(countingBytes(), 0, source, 3, 20);
        source[2] = (byte) 0xee;
        source[23] = (byte) 0xee;
        assertEquals(Address.fromHex(COUNTING_HEX), Address.fromBytes(source, 3));
        assertEquals(Address.fromBytes(new byte[20]), Address.fromBytes(new byte[20], 0));
    }

    @Test
    void fromBytesAtOffsetChecksBounds() {
        byte[] source = new byte[25];
        assertThrows(IndexOutOfBoundsException.class, () -> Address.fromBytes(source, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Address.fromBytes(source, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> Address.fromBytes(new byte[19], 0));
        Address.fromBytes(source, 5); // the last offset that fits
    }

    @Test
    void copyToWritesAtOffsetAndLeavesTheRestAlone() {
        byte[] target = new byte[24];
        java.util.Arrays.fill(target, (byte) 0x77);
        Address.fromHex(COUNTING_HEX).copyTo(target, 2);
        assertEquals(0x77, target[0]);
        assertEquals(0x77, target[1]);
        assertEquals(0x77, target[22]);
        assertEquals(0x77, target[23]);
        assertArrayEquals(countingBytes(), java.util.Arrays.copyOfRange(target, 2, 22));
    }

    @Test
    void copyToChecksBounds() {
        Address address = Address.fromHex(COUNTING_HEX);
        assertThrows(IndexOutOfBoundsException.class, () -> address.copyTo(new byte[20], 1));
        assertThrows(IndexOutOfBoundsException.class, () -> address.copyTo(new byte[20], -1));
        assertThrows(IndexOutOfBoundsException.class, () -> address.copyTo(new byte[19], 0));
    }

    @Test
    void mutatingArraysDoesNotChangeTheAddress() {
        byte[] source = countingBytes();
        Address address = Address.fromBytes(source);
        source[0] = 0x55;
        assertEquals(COUNTING_HEX, address.toHex());

        byte[] returned = address.toBytes();
        returned[19] = 0x55;
        assertEquals(COUNTING_HEX, address.toHex());
        assertArrayEquals(countingBytes(), address.toBytes());
    }

    @Test
    void longConversionsAreUnsigned() {
        assertSame(Address.ZERO, Address.fromLong(0));
        assertEquals("0000000000000000000000000000000000000001", Address.fromLong(1).toHex());
        assertEquals("000000000000000000000000" + "7fffffffffffffff", Address.fromLong(Long.MAX_VALUE).toHex());
        assertEquals("000000000000000000000000" + "ffffffffffffffff", Address.fromLong(-1).toHex());
        assertEquals(new BigInteger("ffffffffffffffff", 16), Address.fromLong(-1).toBigInteger());
    }

    @Test
    void bigIntegerRoundTripIncludingMax() {
        BigInteger max = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO.pow(31),
                BigInteger.TWO.pow(32), BigInteger.TWO.pow(64), BigInteger.TWO.pow(96), BigInteger.TWO.pow(128),
                BigInteger.TWO.pow(159), new BigInteger(COUNTING_HEX, 16), max}) {
            Address address = Address.fromBigInteger(value);
            assertEquals(value, address.toBigInteger(), value.toString(16));
            assertEquals(value, new BigInteger(address.toHex(), 16));
        }
        assertEquals("ff".repeat(20), Address.fromBigInteger(max).toHex());
        assertEquals(Address.ZERO, Address.fromBigInteger(BigInteger.ZERO));
    }

    @Test
    void bigIntegerOutOfRangeIsRejected() {
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> Address.fromBigInteger(BigInteger.ONE.shiftLeft(160)));
        assertContains(tooBig.getMessage(), "address", "outside 0..2^160-1");
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> Address.fromBigInteger(BigInteger.ONE.negate()));
        assertContains(negative.getMessage(), "address", "-1", "outside");
        assertThrows(NullPointerException.class, () -> Address.fromBigInteger(null));
    }

    @Test
    void bytes32ConversionKeepsTheLowTwentyBytes() {
        Address address = Address.fromHex(COUNTING_HEX);
        Bytes32 word = address.toBytes32();
        assertEquals("00".repeat(12) + COUNTING_HEX, word.toHex());
        assertEquals(address, Address.fromBytes32(word));
        assertEquals(Bytes32.fromAddress(address), word);

        Bytes32 dirty = Bytes32.fromHex("ee".repeat(12) + COUNTING_HEX);
        assertEquals(address, Address.fromBytes32(dirty));

        Address max = Address.fromHex("ff".repeat(20));
        assertEquals("00".repeat(12) + "ff".repeat(20), max.toBytes32().toHex());
        assertEquals(max, Address.fromBytes32(max.toBytes32()));
        assertEquals(Address.ZERO, Address.fromBytes32(Bytes32.ZERO));
    }

    @Test
    void zero() {
        assertTrue(Address.ZERO.isZero());
        assertEquals("0x" + "0".repeat(40), Address.ZERO.toString());
        assertEquals(Address.ZERO, Address.fromHex("0".repeat(40)));
        assertFalse(Address.fromLong(1).isZero());
        assertFalse(Address.fromHex("01" + "00".repeat(19)).isZero());
        assertFalse(new Address(0, 1, 0).isZero());
        assertEquals(20, Address.SIZE);
    }

    @Test
    void equalityAndHashingMakeAddressesUsableAsKeys() {
        Address a = Address.fromHex(COUNTING_HEX);
        Address sameValue = Address.fromBytes(countingBytes());
        Address other = Address.fromHex("0x" + COUNTING_HEX.substring(0, 38) + "15");
        assertEquals(a, sameValue);
        assertEquals(a.hashCode(), sameValue.hashCode());
        assertNotEquals(a, other);
        assertNotEquals(a, null);
        assertNotEquals(a, a.toBytes32());

        Map<Address, String> map = new HashMap<>();
        map.put(a, "a");
        map.put(other, "other");
        assertEquals("a", map.get(sameValue));
        assertEquals("other", map.get(Address.fromBigInteger(other.toBigInteger())));
        assertEquals(2, map.size());

        // Addresses differing in one lane only must all be distinct keys.
        Set<Address> set = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[20];
            bytes[i] = 1;
            set.add(Address.fromBytes(bytes));
        }
        set.add(Address.ZERO);
        assertEquals(21, set.size());
    }

    static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message != null && message.contains(part),
                    () -> "expected the message to contain <" + part + "> but it was <" + message + ">");
        }
    }
}
