package org.dvmc.spi;

import java.math.BigInteger;
import java.util.Objects;

/**
 * 32 bytes: a storage key or value, a hash, or a 256-bit unsigned integer in big-endian order (the C
 * description's {@code bytes32} and {@code uint256be}).
 *
 * <p>The 32 bytes are held as four big-endian 64-bit lanes so that the type is a plain value: cheap
 * to create, to compare and to use as a map key. Byte 0 is the most significant byte of {@code w0};
 * byte 31 is the least significant byte of {@code w3}. As a number, the value is
 * {@code w0·2^192 + w1·2^128 + w2·2^64 + w3}, each lane read as unsigned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param w0 bytes 0..7 (the most significant lane)
 * @param w1 bytes 8..15
 * @param w2 bytes 16..23
 * @param w3 bytes 24..31 (the least significant lane)
 */
public record Bytes32(long w0, long w1, long w2, long w3) {

    /** The number of bytes: 32. */
    public static final int SIZE = 32;

    /** All bytes zero. */
    public static final Bytes32 ZERO = new Bytes32(0, 0, 0, 0);

    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    /**
     * Parses exactly 64 hex digits, with or without a {@code 0x} prefix.
     *
     * @param hex the text
     * @return the word the digits spell
     * @throws IllegalArgumentException on a non-hex character or a length other than 64 digits
     */
    public static Bytes32 fromHex(String hex) {
        return fromBytes(Hex.decodeExactly(hex, SIZE, "bytes32"), 0);
    }

    /**
     * Returns the 32 bytes of {@code bytes}, which must be exactly 32 long.
     *
     * @param bytes 32 bytes, most significant first
     * @return the word
     * @throws IllegalArgumentException if {@code bytes.length != 32}
     */
    public static Bytes32 fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("bytes32: expected 32 bytes but got " + bytes.length);
        }
        return fromBytes(bytes, 0);
    }

    /**
     * Reads 32 bytes of {@code source} starting at {@code offset}.
     *
     * @param source the array to read from
     * @param offset where the 32 bytes start in {@code source}
     * @return the word
     * @throws IndexOutOfBoundsException if fewer than 32 bytes follow {@code offset}
     */
    public static Bytes32 fromBytes(byte[] source, int offset) {
        Objects.checkFromIndexSize(offset, SIZE, source.length);
        return new Bytes32(Lanes.readLong(source, offset), Lanes.readLong(source, offset + 8),
                Lanes.readLong(source, offset + 16), Lanes.readLong(source, offset + 24));
    }

    /**
     * The unsigned 64-bit number {@code value} (its bits read as unsigned) as a 256-bit word.
     *
     * @param value the number, its 64 bits read as unsigned
     * @return the word with {@code value} in its low 8 bytes
     */
    public static Bytes32 fromLong(long value) {
        return value == 0 ? ZERO : new Bytes32(0, 0, 0, value);
    }

    /**
     * The number {@code value} as a 256-bit big-endian word.
     *
     * @param value the number, from 0 to 2^256 - 1
     * @return the word
     * @throws IllegalArgumentException if {@code value} is negative or not below 2^256
     */
    public static Bytes32 fromBigInteger(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(TWO_TO_256) >= 0) {
            throw new IllegalArgumentException("bytes32: " + value + " is outside 0..2^256-1");
        }
        return new Bytes32(value.shiftRight(192).longValue(), value.shiftRight(128).longValue(),
                value.shiftRight(64).longValue(), value.longValue());
    }

    /**
     * The address right-aligned in a word with 12 leading zero bytes, as the DVM stack holds it.
     *
     * @param address the address
     * @return the word holding it in its low 20 bytes
     */
    public static Bytes32 fromAddress(Address address) {
        return new Bytes32(0, address.high() & 0xffff_ffffL, address.middle(), address.low());
    }

    /** {@return the word as an unsigned number in {@code [0, 2^256)}} */
    public BigInteger toBigInteger() {
        byte[] bytes = new byte[SIZE + 1];
        copyTo(bytes, 1);
        return new BigInteger(bytes);
    }

    /** {@return the least significant 64 bits, i.e. {@link #w3()}} */
    public long toLong() {
        return w3;
    }

    /** {@return true when all 32 bytes are zero} */
    public boolean isZero() {
        return (w0 | w1 | w2 | w3) == 0;
    }

    /** {@return a fresh 32-byte array, most significant byte first} */
    public byte[] toBytes() {
        byte[] bytes = new byte[SIZE];
        copyTo(bytes, 0);
        return bytes;
    }

    /**
     * Writes the 32 bytes into {@code target} at {@code offset}.
     *
     * @param target the array to write into
     * @param offset where the 32 bytes start in {@code target}
     * @throws IndexOutOfBoundsException if fewer than 32 bytes follow {@code offset}
     */
    public void copyTo(byte[] target, int offset) {
        Objects.checkFromIndexSize(offset, SIZE, target.length);
        Lanes.writeLong(target, offset, w0);
        Lanes.writeLong(target, offset + 8, w1);
        Lanes.writeLong(target, offset + 16, w2);
        Lanes.writeLong(target, offset + 24, w3);
    }

    /** {@return 64 lower-case hex digits without a prefix} */
    public String toHex() {
        return Hex.encode(toBytes(), 0, SIZE);
    }

    /** {@code 0x} followed by 64 hex digits. */
    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
