package org.dvmc.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes: code, call input, call output and log data.
 *
 * <p>Every factory copies its argument, and no accessor exposes the internal array, so a VM can never
 * change the host's copy of code or input, and a host can never change a VM's output after the fact.
 * Instances are immutable and therefore safe to share between threads.
 *
 * <p>Sizes are in bytes, from 0 to {@code Integer.MAX_VALUE - 8}.
 */
public final class Bytes {

    /** The empty byte sequence. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns a sequence holding a copy of {@code bytes}.
     *
     * @param bytes the bytes; the array is copied, so later changes to it do not show
     * @return the sequence, {@link #EMPTY} for no bytes
     */
    public static Bytes of(byte... bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /**
     * Returns a sequence holding a copy of {@code length} bytes of {@code source} from {@code offset}.
     *
     * @param source the array to copy from
     * @param offset where the range starts in {@code source}
     * @param length how many bytes to copy, 0 or more
     * @return a sequence of the {@code length} bytes
     * @throws IndexOutOfBoundsException if the range is not inside {@code source}
     */
    public static Bytes copyOf(byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(source, offset, offset + length));
    }

    /**
     * Parses hex digits, with or without a {@code 0x} prefix, without white space. The empty string
     * and a bare {@code 0x} give {@link #EMPTY}.
     *
     * @param hex the text
     * @return the bytes the digits spell
     * @throws IllegalArgumentException if the text has an odd number of digits or a non-hex character
     */
    public static Bytes fromHex(String hex) {
        byte[] decoded = Hex.decode(hex, "bytes");
        return decoded.length == 0 ? EMPTY : new Bytes(decoded);
    }

    /** {@return the number of bytes, 0 or more} */
    public int size() {
        return bytes.length;
    }

    /** {@return true when {@link #size()} is 0} */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /**
     * The byte at {@code index} as a signed Java byte.
     *
     * @param index the position, from 0
     * @return the byte, from -128 to 127
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public byte get(int index) {
        return bytes[index];
    }

    /**
     * The byte at {@code index} as an unsigned value in {@code [0, 255]}.
     *
     * @param index the position, from 0
     * @return the byte, from 0 to 255
     */
    public int getUnsigned(int index) {
        return bytes[index] & 0xff;
    }

    /** {@return a fresh copy of the bytes; changing it does not change this sequence} */
    public byte[] toArray() {
        return bytes.clone();
    }

    /**
     * Copies {@code length} bytes starting at {@code sourceOffset} into {@code target} at
     * {@code targetOffset}.
     *
     * @param sourceOffset where to start reading in this sequence
     * @param target       the array to write into
     * @param targetOffset where to start writing in {@code target}
     * @param length       how many bytes to copy, 0 or more
     * @throws IndexOutOfBoundsException if either range is out of bounds
     */
    public void copyTo(int sourceOffset, byte[] target, int targetOffset, int length) {
        System.arraycopy(bytes, sourceOffset, target, targetOffset, length);
    }

    /**
     * The sub-sequence {@code [from, from + length)}.
     *
     * @param from   the first position, from 0
     * @param length how many bytes, 0 or more
     * @return the bytes {@code [from, from + length)}, sharing nothing mutable with this sequence
     * @throws IndexOutOfBoundsException if the range is not inside this sequence
     */
    public Bytes slice(int from, int length) {
        Objects.checkFromIndexSize(from, length, bytes.length);
        if (from == 0 && length == bytes.length) {
            return this;
        }
        return copyOf(bytes, from, length);
    }

    /** {@return a read-only view of the bytes, positioned at 0} */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** {@return lower-case hex digits without a prefix; the empty string for {@link #EMPTY}} */
    public String toHex() {
        return Hex.encode(bytes, 0, bytes.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 0x} followed by the hex digits. */
    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
