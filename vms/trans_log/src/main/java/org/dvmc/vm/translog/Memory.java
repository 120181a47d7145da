package org.dvmc.vm.translog;

import java.util.Arrays;
import org.dvmc.spi.Bytes;

/**
 * The memory of one execution, as in the reference VM: a fixed buffer of {@link #CAPACITY} bytes and
 * an "active size" that grows to the end of every region an instruction touches.
 *
 * <p>Offsets and sizes are unsigned 32-bit numbers held in {@code long}s, so {@code offset + size}
 * cannot wrap around the way it can in the C reference.
 *
 * <p>The backing array is only as large as the bytes actually read or written need: allocated at the
 * first access with at least {@link #MIN_BUFFER} bytes and doubled up to {@link #CAPACITY}. Bytes
 * beyond it read as zero, exactly as in a zeroed 1 KiB buffer, but a program that uses 32 bytes does
 * not pay for allocating and zeroing 1 KiB. Not thread-safe: one instance per execution.
 */
final class Memory {

    /** The fixed buffer size in bytes. */
    static final int CAPACITY = 1024;

    /** The first allocation, in bytes; a power of two, as is {@link #CAPACITY}. */
    static final int MIN_BUFFER = 64;

    private static final byte[] NONE = new byte[0];

    private byte[] data = NONE;
    private int activeSize;

    /**
     * Touches the region {@code [offset, offset + size)}: fails when it ends beyond {@link #CAPACITY},
     * otherwise grows the active size to the region's end, even for {@code size == 0}.
     *
     * @param offset the start, 0 to 2^32-1
     * @param size   the length in bytes, 0 to 2^32-1
     * @return false when the region does not fit; the active size is then unchanged
     */
    boolean expand(long offset, long size) {
        long end = offset + size;
        if (end > CAPACITY) {
            return false;
        }
        if (end > activeSize) {
            activeSize = (int) end;
        }
        return true;
    }

    /**
     * Touches the region {@code [offset, offset + size)} the way the reference touches CALL's output
     * region: with its end computed modulo 2^32. Fails when that wrapped end lies beyond
     * {@link #CAPACITY}; otherwise grows the active size to it. Nothing is read or written through
     * such a region: the caller copies into memory only through a region {@link #expand} accepts.
     *
     * @param offset the start, 0 to 2^32-1
     * @param size   the length in bytes, 0 to 2^32-1
     * @return false when the wrapped end is beyond {@link #CAPACITY}; the active size is then unchanged
     */
    boolean expandWrapping(long offset, long size) {
        return expand(0, (offset + size) & 0xffff_ffffL);
    }

    /** The active size in bytes, 0 to {@link #CAPACITY}, as MSIZE reports it. */
    int activeSize() {
        return activeSize;
    }

    /**
     * The backing array, holding at least the bytes {@code [0, end)}, for accessing a region ending at
     * {@code end} that {@link #expand} accepted.
     */
    byte[] buffer(int end) {
        byte[] d = data;
        if (end > d.length) {
            d = grow(end);
        }
        return d;
    }

    private byte[] grow(int end) {
        int length = Math.max(MIN_BUFFER, data.length);
        while (length < end) {
            length <<= 1;
        }
        data = Arrays.copyOf(data, length);
        return data;
    }

    /** A copy of the region {@code [offset, offset + size)}, which {@link #expand} accepted. */
    Bytes copyOut(int offset, int size) {
        return size == 0 ? Bytes.EMPTY : Bytes.copyOf(buffer(offset + size), offset, size);
    }

    /** Writes the first {@code count} bytes of {@code source} at {@code offset}, a region {@link #expand} accepted. */
    void copyIn(Bytes source, int offset, int count) {
        if (count > 0) {
            source.copyTo(0, buffer(offset + count), offset, count);
        }
    }

    /** The size of the backing array in bytes, 0 before the first access; for tests of the growth policy. */
    int bufferSize() {
        return data.length;
    }
}
