package org.dvmc.host.difftest;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dvmc.spi.Bytes;

/**
 * DVM code as a list of instructions: an opcode and, for PUSH1..PUSH32 ({@code 60}..{@code 7f}), its immediate
 * bytes (fewer when the code ends inside them). The shrinker removes and narrows instructions, never splits
 * one. Stateless.
 */
final class Instructions {

    static final int PUSH1 = 0x60;
    static final int PUSH32 = 0x7f;

    /** One instruction; {@code immediate} is empty for all but PUSH. */
    record Instruction(int opcode, byte[] immediate) {
        boolean isPush() {
            return opcode >= PUSH1 && opcode <= PUSH32;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Instruction that && opcode == that.opcode && Arrays.equals(immediate, that.immediate);
        }

        @Override
        public int hashCode() {
            return 31 * opcode + Arrays.hashCode(immediate);
        }

        @Override
        public String toString() {
            return Integer.toHexString(opcode) + (immediate.length == 0 ? "" : ":" + Bytes.of(immediate).toHex());
        }
    }

    private Instructions() {
    }

    /** Splits {@code code} into instructions. */
    static List<Instruction> decode(Bytes code) {
        List<Instruction> instructions = new ArrayList<>();
        int pc = 0;
        while (pc < code.size()) {
            int opcode = code.getUnsigned(pc);
            int immediateSize = opcode >= PUSH1 && opcode <= PUSH32 ? opcode - PUSH1 + 1 : 0;
            int available = Math.min(immediateSize, code.size() - pc - 1);
            byte[] immediate = new byte[available];
            code.copyTo(pc + 1, immediate, 0, available);
            instructions.add(new Instruction(opcode, immediate));
            pc += 1 + immediateSize;
        }
        return instructions;
    }

    /** Joins {@code instructions} into code. */
    static Bytes encode(List<Instruction> instructions) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (Instruction instruction : instructions) {
            code.write(instruction.opcode());
            code.writeBytes(instruction.immediate());
        }
        return Bytes.of(code.toByteArray());
    }

    /** A PUSH of exactly the bytes {@code value} (1 to 32 of them). */
    static Instruction push(byte[] value) {
        return new Instruction(PUSH1 + value.length - 1, value.clone());
    }
}
