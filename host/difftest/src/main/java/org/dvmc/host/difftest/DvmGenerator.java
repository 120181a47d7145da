package org.dvmc.host.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;

/**
 * Generates valid-looking code for VMs of the full DVM instruction set (the EVM encoding): every instruction
 * gets the operands it needs, so programs run far instead of stopping at the first stack underflow. It writes
 * arithmetic and comparison on fresh or computed values; environment and block reads; memory reads, writes and
 * copies with small offsets and sizes (rarely huge ones); storage and transient storage; logs with topics;
 * KECCAK256; nested CALL, CALLCODE, DELEGATECALL and STATICCALL, CREATE and CREATE2; DUPn and SWAPn with enough
 * depth; forward JUMP and JUMPI to a JUMPDEST after a stack-neutral block (now and then to a wrong place); and
 * ends with RETURN, REVERT, STOP, SELFDESTRUCT, INVALID or nothing. Results are stored to memory, storage and
 * logs, so differences reach what the host records. No backward jumps: no loops. Name: {@code dvm}. Stateless;
 * thread-safe.
 */
public final class DvmGenerator implements CaseGenerator {

    private static final int[] BINARY = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0a, 0x0b, 0x10, 0x11, 0x12,
        0x13, 0x14, 0x16, 0x17, 0x18, 0x1a, 0x1b, 0x1c, 0x1d};
    private static final int[] TERNARY = {0x08, 0x09};
    private static final int[] UNARY = {0x15, 0x19, 0x31, 0x35, 0x3b, 0x3f, 0x40, 0x49, 0x54, 0x5c};
    private static final int[] NULLARY = {0x30, 0x32, 0x33, 0x34, 0x36, 0x38, 0x3a, 0x3d, 0x41, 0x42, 0x43, 0x44,
        0x45, 0x46, 0x47, 0x48, 0x4a, 0x58, 0x59, 0x5a, 0x5f};
    private static final int POP = 0x50;
    private static final int MLOAD = 0x51;
    private static final int MSTORE = 0x52;
    private static final int MSTORE8 = 0x53;
    private static final int SSTORE = 0x55;
    private static final int TSTORE = 0x5d;
    private static final int JUMP = 0x56;
    private static final int JUMPI = 0x57;
    private static final int JUMPDEST = 0x5b;
    private static final int MAX_DEPTH = 48;

    @Override
    public String name() {
        return "dvm";
    }

    @Override
    public DiffCase generate(SplittableRandom random, long maxGas, Revision revision) {
        Program program = new Program(random);
        int snippets = 1 + random.nextInt(random.nextInt(4) == 0 ? 48 : 16);
        for (int i = 0; i < snippets; i++) {
            program.snippet();
        }
        program.end();
        return new DiffCase(program.bytes(), CodeWriter.input(random), CodeWriter.gas(random, maxGas), revision, false);
    }

    /** One program being written, with the depth of the stack its instructions leave. */
    private static final class Program {
        private final SplittableRandom random;
        private final CodeWriter code;
        private final List<int[]> jumpPatches = new ArrayList<>();
        private int depth;

        Program(SplittableRandom random) {
            this.random = random;
            this.code = new CodeWriter(random);
        }

        void snippet() {
            if (depth > MAX_DEPTH) {
                code.op(POP);
                depth--;
                return;
            }
            switch (random.nextInt(20)) {
                case 0, 1 -> {
                    // Operands first: at least one on the stack already or new, and one more.
                    operand();
                    value();
                    code.op(BINARY[random.nextInt(BINARY.length)]);
                    depth--;
                }
                case 2 -> {
                    operand();
                    value();
                    value();
                    code.op(TERNARY[random.nextInt(TERNARY.length)]);
                    depth -= 2;
                }
                case 3 -> {
                    operand();
                    code.op(UNARY[random.nextInt(UNARY.length)]);
                }
                case 4, 5 -> {
                    code.op(NULLARY[random.nextInt(NULLARY.length)]);
                    depth++;
                }
                case 6 -> {
                    code.pushOffset().op(MLOAD);
                    depth++;
                }
                case 7 -> store(MSTORE, () -> code.pushOffset());
                case 8 -> store(random.nextBoolean() ? SSTORE : TSTORE, () -> code.pushValue());
                case 9 -> {
                    // CALLDATACOPY, CODECOPY, RETURNDATACOPY (dest, offset, size) or MCOPY (dest, source, size).
                    int[] copies = {0x37, 0x39, 0x3e, 0x5e};
                    code.pushSize().pushOffset().pushOffset().op(copies[random.nextInt(copies.length)]);
                }
                case 10 -> {
                    // LOG0..LOG4: topics (the last computed value first), then size and offset.
                    int topics = random.nextInt(5);
                    for (int t = 0; t < topics; t++) {
                        if (t == 0 && depth > 0) {
                            depth--;
                        } else {
                            code.pushValue();
                        }
                    }
                    code.pushSize().pushOffset().op(0xa0 + topics);
                }
                case 11 -> {
                    code.pushSize().pushOffset().op(0x20);
                    depth++;
                }
                case 12 -> call();
                case 13 -> create();
                case 14 -> {
                    int n = 1 + random.nextInt(16);
                    fill(n);
                    code.op(0x80 + n - 1);
                    depth++;
                }
                case 15 -> {
                    int n = 1 + random.nextInt(16);
                    fill(n + 1);
                    code.op(0x90 + n - 1);
                }
                case 16 -> jump();
                case 17 -> {
                    // The value to store (the top one, or a new one), then its offset.
                    if (depth == 0) {
                        value();
                    }
                    code.pushOffset().op(random.nextBoolean() ? MSTORE8 : MSTORE);
                    depth--;
                }
                case 18 -> {
                    code.pushValue();
                    depth++;
                }
                default -> {
                    // Now and then a word of any width; rarely any byte at all (undefined instructions, bare operations).
                    if (random.nextInt(6) == 0) {
                        code.op(random.nextInt(256));
                    } else {
                        code.pushRandom(1 + random.nextInt(32));
                        depth++;
                    }
                }
            }
        }

        /** Pushes a new value, leaving one more word. */
        private void value() {
            code.pushValue();
            depth++;
        }

        /** Makes sure there is a word on top: the last computed one (half the time), else a new value. */
        private void operand() {
            if (depth == 0 || random.nextBoolean()) {
                value();
            }
        }

        /** A value (the top one when there is, else a new one), then the location, then {@code opcode}. */
        private void store(int opcode, Runnable location) {
            if (depth == 0) {
                value();
            }
            location.run();
            code.op(opcode);
            depth--;
        }

        /** Makes the stack at least {@code n} deep. */
        private void fill(int n) {
            while (depth < n) {
                value();
            }
        }

        private void call() {
            int kind = random.nextInt(4);
            int[] opcodes = {0xf1, 0xf2, 0xf4, 0xfa};
            code.pushSize().pushOffset().pushSize().pushOffset();
            if (kind < 2) {
                code.push(random.nextInt(4) == 0 ? random.nextInt(1000) : 0);
            }
            code.push(random.nextInt(12)).push(random.nextInt(100_000)).op(opcodes[kind]);
            depth++;
        }

        private void create() {
            boolean create2 = random.nextBoolean();
            if (create2) {
                code.pushValue();
            }
            code.pushSize().pushOffset().push(random.nextInt(4) == 0 ? random.nextInt(1000) : 0).op(create2 ? 0xf5 : 0xf0);
            depth++;
        }

        /** A forward JUMP or JUMPI over a stack-neutral block to a JUMPDEST (one time in ten off by one). */
        private void jump() {
            boolean conditional = random.nextBoolean();
            if (conditional) {
                operand();
                depth--;
            }
            int at = code.pushPlaceholder();
            code.op(conditional ? JUMPI : JUMP);
            int block = 1 + random.nextInt(3);
            for (int i = 0; i < block; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> code.pushValue().op(POP);
                    case 1 -> code.pushValue().pushValue().op(SSTORE);
                    default -> code.pushValue().pushOffset().op(MSTORE);
                }
            }
            int target = code.size() + (random.nextInt(10) == 0 ? -1 : 0);
            code.op(JUMPDEST);
            jumpPatches.add(new int[] {at, target});
        }

        void end() {
            switch (random.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> code.pushSize().pushOffset().op(0xf3);
                case 8, 9, 10 -> code.pushSize().pushOffset().op(0xfd);
                case 11, 12 -> code.op(0x00);
                case 13 -> code.push(random.nextInt(12)).op(0xff);
                case 14 -> code.op(0xfe);
                default -> {
                }
            }
        }

        Bytes bytes() {
            byte[] bytes = code.bytes().toArray();
            for (int[] patch : jumpPatches) {
                CodeWriter.patch(bytes, patch[0], patch[1]);
            }
            return Bytes.of(bytes);
        }
    }
}
