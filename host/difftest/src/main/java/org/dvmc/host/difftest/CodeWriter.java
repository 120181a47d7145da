package org.dvmc.host.difftest;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.dvmc.spi.Bytes;

/** Helps generators write code: opcodes, PUSHes of chosen or random values, patched jump targets. Not thread-safe. */
final class CodeWriter {

    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final SplittableRandom random;

    CodeWriter(SplittableRandom random) {
        this.random = random;
    }

    int size() {
        return code.size();
    }

    CodeWriter op(int opcode) {
        code.write(opcode);
        return this;
    }

    /** A PUSH of {@code value} in the fewest bytes (PUSH1 for 0). */
    CodeWriter push(long value) {
        int width = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 7) / 8);
        code.write(Instructions.PUSH1 + width - 1);
        for (int i = width - 1; i >= 0; i--) {
            code.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** A PUSH of {@code width} random bytes. */
    CodeWriter pushRandom(int width) {
        code.write(Instructions.PUSH1 + width - 1);
        for (int i = 0; i < width; i++) {
            code.write(random.nextInt(256));
        }
        return this;
    }

    /** A PUSH of a value typical of real code: mostly small, sometimes a word of any size. */
    CodeWriter pushValue() {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return push(random.nextInt(kind < 3 ? 4 : 256));
        }
        if (kind < 9) {
            return pushRandom(1 + random.nextInt(kind == 8 ? 32 : 4));
        }
        return pushRandom(32);
    }

    /** A memory offset: mostly within the first 256 bytes, sometimes far out. */
    CodeWriter pushOffset() {
        return random.nextInt(20) == 0 ? push(random.nextLong() >>> random.nextInt(64)) : push(random.nextInt(257));
    }

    /** A memory size: mostly 0..64 bytes, sometimes larger. */
    CodeWriter pushSize() {
        return random.nextInt(20) == 0 ? push(random.nextInt(2048)) : push(random.nextInt(65));
    }

    /** A PUSH2 whose value is written later with {@link #patch}; returns where its immediate is. */
    int pushPlaceholder() {
        code.write(Instructions.PUSH1 + 1);
        int at = code.size();
        code.write(0);
        code.write(0);
        return at;
    }

    Bytes bytes() {
        return Bytes.of(code.toByteArray());
    }

    /** The code with the two bytes at {@code at} set to {@code target}. */
    static byte[] patch(byte[] code, int at, int target) {
        code[at] = (byte) (target >>> 8);
        code[at + 1] = (byte) target;
        return code;
    }

    /** {@code length} random bytes. */
    static Bytes randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return Bytes.of(bytes);
    }

    /** A gas limit: mostly {@code maxGas}, one case in four a small one (to reach out-of-gas paths). */
    static long gas(SplittableRandom random, long maxGas) {
        return random.nextInt(4) == 0 ? random.nextLong(Math.min(maxGas, 256) + 1) : maxGas;
    }

    /** Input data: mostly 0..64 bytes, at times empty. */
    static Bytes input(SplittableRandom random) {
        return random.nextInt(4) == 0 ? Bytes.EMPTY : randomBytes(random, random.nextInt(65));
    }
}
