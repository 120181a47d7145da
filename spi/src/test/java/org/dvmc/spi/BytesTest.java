package org.dvmc.spi;

import static org.dvmc.spi.AddressTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BytesTest {

    @Test
    void emptyIsShared() {
        assertEquals(0, Bytes.EMPTY.size());
        assertTrue(Bytes.EMPTY.isEmpty());
        assertEquals("", Bytes.EMPTY.toHex());
        assertEquals("0x", Bytes.EMPTY.toString());
        assertSame(Bytes.EMPTY, Bytes.of());
        assertSame(Bytes.EMPTY, Bytes.of(new byte[0]));
        assertSame(Bytes.EMPTY, Bytes.fromHex(""));
        assertSame(Bytes.EMPTY, Bytes.fromHex("0x"));
        assertSame(Bytes.EMPTY, Bytes.fromHex("0X"));
        assertSame(Bytes.EMPTY, Bytes.copyOf(new byte[5], 5, 0));
        assertEquals(0, Bytes.EMPTY.toArray().length);
    }

    @Test
    void hexRoundTrip() {
        Bytes bytes = Bytes.fromHex("00ff7f80a1");
        assertEquals(5, bytes.size());
        assertFalse(bytes.isEmpty());
        assertEquals("00ff7f80a1", bytes.toHex());
        assertEquals("0x00ff7f80a1", bytes.toString());
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80, (byte) 0xa1}, bytes.toArray());
        assertEquals(bytes, Bytes.fromHex("0x00FF7F80A1"));
        assertEquals(bytes, Bytes.fromHex("0X00Ff7f80A1"));
        assertEquals(bytes, Bytes.fromHex(bytes.toString()));
    }

    @Test
    void everyByteValueRoundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Bytes bytes = Bytes.of(all);
        assertEquals(512, bytes.toHex().length());
        assertEquals(bytes, Bytes.fromHex(bytes.toHex()));
        assertEquals(bytes, Bytes.fromHex(bytes.toHex().toUpperCase()));
        for (int i = 0; i < all.length; i++) {
            assertEquals((byte) i, bytes.get(i));
            assertEquals(i, bytes.getUnsigned(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "0x1", "0x123", "x"})
    void oddDigitCountIsRejected(String hex) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex(hex));
        assertContains(e.getMessage(), "bytes", "odd number of digits", hex);
    }

    @Test
    void badCharacterIsNamedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("00q0"));
        assertContains(e.getMessage(), "bytes", "invalid hex", "'q'", "position 2", "\"00q0\"");
        IllegalArgumentException prefixed =
                assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("0x00 0"));
        assertContains(prefixed.getMessage(), "' '", "position 4");
        IllegalArgumentException secondPrefix =
                assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("0x0x"));
        assertContains(secondPrefix.getMessage(), "'x'", "position 3");
    }

    @Test
    void longBadTextIsAbbreviatedInTheMessage() {
        String hex = "zz" + "00".repeat(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex(hex));
        assertContains(e.getMessage(), "'z'", "position 0", "...");
        assertTrue(e.getMessage().length() < 150, e.getMessage());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> Bytes.fromHex(null));
        assertThrows(NullPointerException.class, () -> Bytes.of((byte[]) null));
        assertThrows(NullPointerException.class, () -> Bytes.copyOf(null, 0, 0));
    }

    @Test
    void ofCopiesItsArgument() {
        byte[] source = {1, 2, 3};
        Bytes bytes = Bytes.of(source);
        source[0] = 9;
        assertEquals("010203", bytes.toHex());
    }

    @Test
    void toArrayReturnsAFreshCopy() {
        Bytes bytes = Bytes.fromHex("010203");
        byte[] first = bytes.toArray();
        first[1] = 9;
        assertEquals("010203", bytes.toHex());
        assertArrayEquals(new byte[] {1, 2, 3}, bytes.toArray());
    }

    @Test
    void copyOfCopiesTheRange() {
        byte[] source = {0, 1, 2, 3, 4, 5};
        Bytes bytes = Bytes.copyOf(source, 2, 3);
        assertEquals("020304", bytes.toHex());
        source[3] = 9;
        assertEquals("020304", bytes.toHex());
        assertEquals(Bytes.of(source), Bytes.copyOf(source, 0, source.length));
    }

    @Test
    void copyOfChecksBounds() {
        byte[] source = new byte[6];
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 5, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 7, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(source, 1, Integer.MAX_VALUE));
        assertEquals(1, Bytes.copyOf(source, 5, 1).size());
    }

    @Test
    void getChecksBounds() {
        Bytes bytes = Bytes.fromHex("0102");
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.getUnsigned(2));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.EMPTY.get(0));
    }

    @Test
    void copyToWritesTheRangeAtTheOffset() {
        Bytes bytes = Bytes.fromHex("0a0b0c0d0e");
        byte[] target = new byte[6];
        Arrays.fill(target, (byte) 0x77);
        bytes.copyTo(1, target, 2, 3);
        assertArrayEquals(new byte[] {0x77, 0x77, 0x0b, 0x0c, 0x0d, 0x77}, target);
        bytes.copyTo(0, target, 0, 0); // copying nothing is fine
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.copyTo(3, target, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.copyTo(0, target, 4, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.copyTo(-1, target, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.copyTo(0, target, 0, -1));
    }

    @Test
    void sliceReturnsTheSubSequence() {
        Bytes bytes = Bytes.fromHex("0001020304");
        assertEquals(Bytes.fromHex("0102"), bytes.slice(1, 2));
        assertEquals(Bytes.fromHex("04"), bytes.slice(4, 1));
        assertSame(bytes, bytes.slice(0, 5));
        assertSame(Bytes.EMPTY, bytes.slice(5, 0));
        assertSame(Bytes.EMPTY, bytes.slice(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.slice(4, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.slice(-1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.slice(0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.slice(6, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.slice(1, -1));
    }

    @Test
    void asByteBufferIsReadOnlyAndPositionedAtZero() {
        Bytes bytes = Bytes.fromHex("010203");
        ByteBuffer buffer = bytes.asByteBuffer();
        assertTrue(buffer.isReadOnly());
        assertEquals(0, buffer.position());
        assertEquals(3, buffer.remaining());
        assertEquals(1, buffer.get());
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, (byte) 9));
        assertThrows(ReadOnlyBufferException.class, () -> buffer.put((byte) 9));
        assertThrows(ReadOnlyBufferException.class, buffer::array);

        // Reading one view moves neither the bytes nor a later view.
        buffer.get();
        ByteBuffer second = bytes.asByteBuffer();
        assertEquals(0, second.position());
        assertEquals("010203", bytes.toHex());
        assertEquals(0, Bytes.EMPTY.asByteBuffer().remaining());
    }

    @Test
    void equalityAndHashingByContent() {
        Bytes a = Bytes.fromHex("cafe");
        Bytes b = Bytes.of((byte) 0xca, (byte) 0xfe);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Bytes.fromHex("caff"));
        assertNotEquals(a, Bytes.fromHex("cafe00"));
        assertNotEquals(a, null);
        assertNotEquals(a, "cafe");
        assertEquals(Bytes.EMPTY, Bytes.copyOf(new byte[3], 1, 0));

        Map<Bytes, String> map = new HashMap<>();
        map.put(a, "code");
        assertEquals("code", map.get(b));
        assertEquals("code", map.get(Bytes.fromHex("00cafe").slice(1, 2)));
    }
}
