package org.dvmc.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian reads and writes of lanes in byte arrays; the VarHandles compile to single moves. */
final class Lanes {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Lanes() {
    }

    static long readLong(byte[] source, int offset) {
        return (long) LONG.get(source, offset);
    }

    static int readInt(byte[] source, int offset) {
        return (int) INT.get(source, offset);
    }

    static void writeLong(byte[] target, int offset, long value) {
        LONG.set(target, offset, value);
    }

    static void writeInt(byte[] target, int offset, int value) {
        INT.set(target, offset, value);
    }
}
