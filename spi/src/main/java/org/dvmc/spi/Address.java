package org.dvmc.spi;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A 20-byte account address in big-endian order (the C description's {@code address}).
 *
 * <p>The bytes are held in three big-endian lanes so that the type is a plain value, cheap to create,
 * compare and hash: {@code high} holds bytes 0..3, {@code middle} bytes 4..11 and {@code low} bytes
 * 12..19.
 *
 * <p>Immutable and thread-safe.
 *
 * @param high   bytes 0..3 (the most significant)
 * @param middle bytes 4..11
 * @param low    bytes 12..19 (the least significant)
 */
public record Address(int high, long middle, long low) {

    /** The number of bytes: 20. */
    public static final int SIZE = 20;

    /** The zero address. */
    public static final Address ZERO = new Address(0, 0, 0);

    private static final BigInteger TWO_TO_160 = BigInteger.ONE.shiftLeft(160);

    /**
     * Parses exactly 40 hex digits, with or without a {@code 0x} prefix.
     *
     * @param hex the text
     * @return the address the digits spell
     * @throws IllegalArgumentException on a non-hex character or a length other than 40 digits
     */
    public static Address fromHex(String hex) {
        return fromBytes(Hex.decodeExactly(hex, SIZE, "address"), 0);
    }

    /**
     * Returns the address held in {@code bytes}, which must be exactly 20 long.
     *
     * @param bytes 20 bytes, most significant first
     * @return the address
     * @throws IllegalArgumentException if {@code bytes.length != 20}
     */
    public static Address fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("address: expected 20 bytes but got " + bytes.length);
        }
        return fromBytes(bytes, 0);
    }

    /**
     * Reads 20 bytes of {@code source} starting at {@code offset}.
     *
     * @param source the array to read from
     * @param offset where the 20 bytes start in {@code source}
     * @return the address
     * @throws IndexOutOfBoundsException if fewer than 20 bytes follow {@code offset}
     */
    public static Address fromBytes(byte[] source, int offset) {
        Objects.checkFromIndexSize(offset, SIZE, source.length);
        return new Address(Lanes.readInt(source, offset), Lanes.readLong(source, offset + 4),
                Lanes.readLong(source, offset + 12));
    }

    /**
     * The address whose number is {@code value} read as unsigned, e.g. {@code fromLong(1)} = 0x00..01.
     *
     * @param value the number, its 64 bits read as unsigned
     * @return the address with {@code value} in its low 8 bytes
     */
    public static Address fromLong(long value) {
        return value == 0 ? ZERO : new Address(0, 0, value);
    }

    /**
     * The address whose number is {@code value}.
     *
     * @param value the number, from 0 to 2^160 - 1
     * @return the address
     * @throws IllegalArgumentException if {@code value} is negative or not below 2^160
     */
    public static Address fromBigInteger(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(TWO_TO_160) >= 0) {
            throw new IllegalArgumentException("address: " + value + " is outside 0..2^160-1");
        }
        return new Address(value.shiftRight(128).intValue(), value.shiftRight(64).longValue(), value.longValue());
    }

    /**
     * The low 20 bytes of {@code word} (the 12 high bytes are dropped), as DVM call instructions read it.
     *
     * @param word a 32-byte word, e.g. from the DVM stack
     * @return the address in its low 20 bytes
     */
    public static Address fromBytes32(Bytes32 word) {
        return new Address((int) word.w1(), word.w2(), word.w3());
    }

    /** {@return this address right-aligned in a 32-byte word} */
    public Bytes32 toBytes32() {
        return Bytes32.fromAddress(this);
    }

    /** {@return the address as an unsigned number in {@code [0, 2^160)}} */
    public BigInteger toBigInteger() {
        byte[] bytes = new byte[SIZE + 1];
        copyTo(bytes, 1);
        return new BigInteger(bytes);
    }

    /** {@return true for the zero address} */
    public boolean isZero() {
        return (high | middle | low) == 0;
    }

    /** {@return a fresh 20-byte array} */
    public byte[] toBytes() {
        byte[] bytes = new byte[SIZE];
        copyTo(bytes, 0);
        return bytes;
    }

    /**
     * Writes the 20 bytes into {@code target} at {@code offset}.
     *
     * @param target the array to write into
     * @param offset where the 20 bytes start in {@code target}
     * @throws IndexOutOfBoundsException if fewer than 20 bytes follow {@code offset}
     */
    public void copyTo(byte[] target, int offset) {
        Objects.checkFromIndexSize(offset, SIZE, target.length);
        Lanes.writeInt(target, offset, high);
        Lanes.writeLong(target, offset + 4, middle);
        Lanes.writeLong(target, offset + 12, low);
    }

    /** {@return 40 lower-case hex digits without a prefix} */
    public String toHex() {
        return Hex.encode(toBytes(), 0, SIZE);
    }

    /** {@code 0x} followed by 40 hex digits. */
    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
