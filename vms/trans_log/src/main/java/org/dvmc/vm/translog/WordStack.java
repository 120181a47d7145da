package org.dvmc.vm.translog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;

/**
 * The operand stack of one execution: at most {@link #LIMIT} words of 256 bits.
 *
 * <p>Each word is four big-endian {@code long} lanes in one flat array (lane 0 the most significant),
 * so no word is ever an object on the hot path. The array is allocated at the first push with
 * {@link #INITIAL_WORDS} words and doubles on demand, so a short program never allocates or zeroes the
 * 32 KiB a full stack needs, and a program that pushes nothing allocates nothing.
 *
 * <p>The caller checks bounds first ({@link #size()}, {@link #isFull()}): these methods assume enough
 * words to pop and room to push, because the interpreter must turn those cases into results, not
 * exceptions. Not thread-safe: one instance per execution.
 */
final class WordStack {

    /** The most words the stack holds. */
    static final int LIMIT = 1024;

    /** The capacity in words of the first allocation; doubling from it reaches exactly {@link #LIMIT}. */
    static final int INITIAL_WORDS = 4;

    private static final int LANES = 4;
    private static final long LOW_32_BITS = 0xffff_ffffL;
    private static final VarHandle LONG_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long[] NONE = new long[0];

    private long[] lanes = NONE;
    private int size;

    /** The number of words on the stack, 0 to {@link #LIMIT}. */
    int size() {
        return size;
    }

    /** True when a push would overflow. */
    boolean isFull() {
        return size == LIMIT;
    }

    /** Pushes the word {@code w0·2^192 + w1·2^128 + w2·2^64 + w3}. Requires {@code !isFull()}. */
    void push(long w0, long w1, long w2, long w3) {
        int base = size * LANES;
        if (base == lanes.length) {
            grow();
        }
        long[] l = lanes;
        l[base] = w0;
        l[base + 1] = w1;
        l[base + 2] = w2;
        l[base + 3] = w3;
        size++;
    }

    private void grow() {
        lanes = lanes.length == 0 ? new long[INITIAL_WORDS * LANES] : Arrays.copyOf(lanes, lanes.length * 2);
    }

    /** Pushes the unsigned number {@code value} (0 to 2^63-1 as used here). Requires {@code !isFull()}. */
    void pushSmall(long value) {
        push(0, 0, 0, value);
    }

    /** Pushes {@code word}. Requires {@code !isFull()}. */
    void push(Bytes32 word) {
        push(word.w0(), word.w1(), word.w2(), word.w3());
    }

    /** Pushes {@code address} right-aligned in a word. Requires {@code !isFull()}. */
    void push(Address address) {
        push(0, address.high() & LOW_32_BITS, address.middle(), address.low());
    }

    /**
     * Pushes the big-endian number made of {@code count} bytes of {@code source} starting at
     * {@code from}; bytes past the end of {@code source} read as zero (so a short tail is padded on
     * the right, the way code and call data are read). Requires {@code !isFull()}.
     *
     * @param from  the first byte, 0 or more; may lie beyond the end of {@code source}
     * @param count the number of bytes, 1 to 32
     */
    void pushBigEndian(Bytes source, long from, int count) {
        int available = (int) Math.max(0, Math.min(count, source.size() - from));
        int start = (int) Math.min(from, Integer.MAX_VALUE);
        int leadingZeros = Bytes32.SIZE - count;
        if (count <= 8) {
            // PUSH1..PUSH8, the common case, fill the lowest lane only.
            push(0, 0, 0, lane(source, start, available, 24 - leadingZeros));
        } else {
            push(lane(source, start, available, -leadingZeros), lane(source, start, available, 8 - leadingZeros),
                    lane(source, start, available, 16 - leadingZeros), lane(source, start, available, 24 - leadingZeros));
        }
    }

    /**
     * The 8 bytes {@code first..first+7} of the number, as big-endian lane: byte {@code i} is
     * {@code source[start + i]} when {@code 0 <= i < available}, else zero.
     */
    private static long lane(Bytes source, int start, int available, int first) {
        if (first >= 0 && first + 8 <= available) {
            // All 8 bytes present: the common case of CALLDATALOAD and long PUSHes, without per-byte tests.
            int p = start + first;
            return (long) source.getUnsigned(p) << 56 | (long) source.getUnsigned(p + 1) << 48
                    | (long) source.getUnsigned(p + 2) << 40 | (long) source.getUnsigned(p + 3) << 32
                    | (long) source.getUnsigned(p + 4) << 24 | (long) source.getUnsigned(p + 5) << 16
                    | (long) source.getUnsigned(p + 6) << 8 | source.getUnsigned(p + 7);
        }
        long lane = 0;
        for (int i = first; i < first + 8; i++) {
            lane = (lane << 8) | (i >= 0 && i < available ? source.getUnsigned(start + i) : 0);
        }
        return lane;
    }

    /** Pushes a copy of the top word (DUP1). Requires {@code size() >= 1 && !isFull()}. */
    void dup1() {
        int top = (size - 1) * LANES;
        long[] l = lanes;
        push(l[top], l[top + 1], l[top + 2], l[top + 3]);
    }

    /** Replaces the two top words by their sum modulo 2^256 (ADD). Requires {@code size() >= 2}. */
    void add() {
        long[] l = lanes;
        int a = (size - 1) * LANES;
        int b = a - LANES;
        long carry = 0;
        for (int lane = LANES - 1; lane >= 0; lane--) {
            long x = l[a + lane];
            long y = l[b + lane];
            long sum = x + y + carry;
            // Carry out of a 64-bit add with carry in (Hacker's Delight 2-13), without branches.
            carry = ((x & y) | ((x | y) & ~sum)) >>> 63;
            l[b + lane] = sum;
        }
        size--;
    }

    /** Pops the top word and returns its low 4 bytes as an unsigned number, 0 to 2^32-1. Requires {@code size() >= 1}. */
    long popLow32() {
        size--;
        return lanes[size * LANES + 3] & LOW_32_BITS;
    }

    /** Pops the top word. Requires {@code size() >= 1}. */
    Bytes32 pop() {
        size--;
        int base = size * LANES;
        long[] l = lanes;
        return new Bytes32(l[base], l[base + 1], l[base + 2], l[base + 3]);
    }

    /** Pops the top word and returns its low 20 bytes as an address. Requires {@code size() >= 1}. */
    Address popAddress() {
        size--;
        int base = size * LANES;
        long[] l = lanes;
        return new Address((int) l[base + 1], l[base + 2], l[base + 3]);
    }

    /**
     * Pops the top word into {@code target} at {@code offset} as 32 big-endian bytes. Requires
     * {@code size() >= 1} and {@code offset + 32 <= target.length}.
     */
    void popInto(byte[] target, int offset) {
        size--;
        int base = size * LANES;
        long[] l = lanes;
        LONG_BIG_ENDIAN.set(target, offset, l[base]);
        LONG_BIG_ENDIAN.set(target, offset + 8, l[base + 1]);
        LONG_BIG_ENDIAN.set(target, offset + 16, l[base + 2]);
        LONG_BIG_ENDIAN.set(target, offset + 24, l[base + 3]);
    }

    /** The current capacity in words, 0 before the first push; for tests of the growth policy. */
    int capacity() {
        return lanes.length / LANES;
    }
}
