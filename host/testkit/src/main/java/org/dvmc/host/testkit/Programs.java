package org.dvmc.host.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dvmc.spi.Bytes;

/**
 * The programs the suite executes to compare results: a few fixed ones that any DVM meets early
 * (stop, an undefined instruction, arithmetic, memory, storage, return, revert, a log) and a set of
 * random programs made from a fixed seed, so every run of the suite executes the same code.
 *
 * <p>Random programs contain no JUMP or JUMPI: they run straight through, so even a VM that
 * charges too little gas finishes them in a handful of steps.
 */
final class Programs {

    /** The fixed seed of the random programs; changing it changes what the suite checks. */
    static final long SEED = 0xD7C_5EEDL;
    static final int RANDOM_PROGRAMS = 24;
    private static final int MAX_RANDOM_STEPS = 24;
    private static final int JUMP = 0x56;
    private static final int JUMPI = 0x57;
    private static final int PUSH1 = 0x60;

    private static final List<String> FIXED_CALLS = List.of(
            "",                                     // empty code: stops at once
            "00",                                   // STOP
            "fe00",                                 // INVALID
            "6001600101",                           // 1 + 1, left on the stack
            "600160010160005260206000f3",           // returns 1 + 1 as a word
            "60003560005260206000f3",               // returns the first input word
            "3360005260206000f3",                   // returns the caller
            "600160005560005460005260206000f3",     // stores 1 in slot 0, loads it, returns it
            "60006000a0",                           // LOG0 of nothing
            "60006000fd");                          // REVERT with no data

    private Programs() {
    }

    /** Every execution of the comparison set: the fixed programs as calls, two creations, the random ones. */
    static List<Execution> comparisonSet() {
        List<Execution> executions = new ArrayList<>();
        for (String hex : FIXED_CALLS) {
            executions.add(Execution.call(Bytes.fromHex(hex)));
        }
        executions.add(Execution.create(Bytes.fromHex("00")));
        executions.add(Execution.create(Bytes.fromHex("fe00")));
        for (Bytes code : randomPrograms()) {
            executions.add(Execution.call(code));
        }
        return List.copyOf(executions);
    }

    /** {@link #RANDOM_PROGRAMS} programs from {@link #SEED}: mostly pushes and any opcode but jumps. */
    static List<Bytes> randomPrograms() {
        Random random = new Random(SEED);
        List<Bytes> programs = new ArrayList<>();
        for (int p = 0; p < RANDOM_PROGRAMS; p++) {
            StringBuilder hex = new StringBuilder();
            int steps = 1 + random.nextInt(MAX_RANDOM_STEPS);
            for (int s = 0; s < steps; s++) {
                int roll = random.nextInt(10);
                if (roll < 4) {
                    appendPush(hex, 1, random);
                } else if (roll == 4) {
                    appendPush(hex, 1 + random.nextInt(32), random);
                } else {
                    int opcode;
                    do {
                        opcode = random.nextInt(256);
                    } while (opcode == JUMP || opcode == JUMPI || (opcode >= PUSH1 && opcode < PUSH1 + 32));
                    appendByte(hex, opcode);
                }
            }
            programs.add(Bytes.fromHex(hex.toString()));
        }
        return List.copyOf(programs);
    }

    private static void appendPush(StringBuilder hex, int size, Random random) {
        appendByte(hex, PUSH1 + size - 1);
        for (int i = 0; i < size; i++) {
            appendByte(hex, random.nextInt(256));
        }
    }

    private static void appendByte(StringBuilder hex, int value) {
        hex.append(Character.forDigit(value >>> 4, 16)).append(Character.forDigit(value & 0xf, 16));
    }
}
