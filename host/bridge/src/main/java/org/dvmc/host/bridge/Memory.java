package org.dvmc.host.bridge;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;

/** Reading and writing the ABI's value types in native memory (big-endian byte arrays). Stateless. */
final class Memory {

    private static final ValueLayout.OfLong LONG_BE = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Longest C string read from a VM (name, version): a longer one is a bug, not a name. */
    static final long MAX_C_STRING = 4096;

    private Memory() {
    }

    static Address readAddress(MemorySegment segment, long offset) {
        return new Address(segment.get(INT_BE, offset), segment.get(LONG_BE, offset + 4),
                segment.get(LONG_BE, offset + 12));
    }

    static void writeAddress(MemorySegment segment, long offset, Address address) {
        segment.set(INT_BE, offset, address.high());
        segment.set(LONG_BE, offset + 4, address.middle());
        segment.set(LONG_BE, offset + 12, address.low());
    }

    static Bytes32 readBytes32(MemorySegment segment, long offset) {
        return new Bytes32(segment.get(LONG_BE, offset), segment.get(LONG_BE, offset + 8),
                segment.get(LONG_BE, offset + 16), segment.get(LONG_BE, offset + 24));
    }

    static void writeBytes32(MemorySegment segment, long offset, Bytes32 value) {
        segment.set(LONG_BE, offset, value.w0());
        segment.set(LONG_BE, offset + 8, value.w1());
        segment.set(LONG_BE, offset + 16, value.w2());
        segment.set(LONG_BE, offset + 24, value.w3());
    }

    /**
     * All of memory, for reading what the VM's pointers point to without making a segment per pointer. Only the
     * host callbacks use it, and only at the addresses and sizes the C ABI gives them.
     */
    static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** The 20 bytes at {@code pointer}, as an address. */
    static Address addressAt(long pointer) {
        return readAddress(EVERYTHING, nonNull(pointer, "an address"));
    }

    /** The 32 bytes at {@code pointer}. */
    static Bytes32 bytes32At(long pointer) {
        return readBytes32(EVERYTHING, nonNull(pointer, "a 32-byte word"));
    }

    /** A VM's NULL where the ABI wants a pointer is its bug: an exception (contained), not a crash of the JVM. */
    private static long nonNull(long pointer, String what) {
        if (pointer == 0) {
            throw new IllegalStateException("the VM passed NULL for " + what + " to a host callback");
        }
        return pointer;
    }

    /** {@code size} bytes at {@code pointer} as a segment; NULL for the NULL pointer. */
    static MemorySegment at(long pointer, long size) {
        return pointer == 0 ? MemorySegment.NULL : EVERYTHING.asSlice(pointer, size);
    }

    /** {@code size} bytes at {@code data} as a copy; NULL with size 0 is empty. */
    static Bytes copyBytes(MemorySegment data, long size, String what) {
        if (size == 0) {
            return Bytes.EMPTY;
        }
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(what + " has the size " + Long.toUnsignedString(size)
                    + ", more than a Java byte array holds");
        }
        if (data.equals(MemorySegment.NULL)) {
            throw new IllegalStateException(what + " is NULL but its size is " + size);
        }
        return Bytes.of(data.reinterpret(size).toArray(ValueLayout.JAVA_BYTE));
    }

    /** The NUL-terminated string at {@code pointer}, for a VM's name and version; "" for NULL. */
    static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(MAX_C_STRING).getString(0);
    }
}
