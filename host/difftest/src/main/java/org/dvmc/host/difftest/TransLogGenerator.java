package org.dvmc.host.difftest;

import java.util.SplittableRandom;
import org.dvmc.spi.Revision;

/**
 * Generates code biased to trans_log's instruction set (vms/trans_log/README.md): STOP, ADD, ADDRESS,
 * CALLDATALOAD, NUMBER, MSTORE, SLOAD, SSTORE, MSIZE, PUSH1..PUSH32, DUP1, CALL, RETURN, REVERT. Most of a
 * program is short snippets that give an instruction the operands it needs (a value and a key before SSTORE,
 * seven small operands before CALL, …); the rest are bare instructions (which reach the stack-underflow paths),
 * cut-short PUSHes and, rarely, bytes outside the set. Half the programs end by returning or reverting a memory
 * region, so results flow into the output. Name: {@code trans_log}. Stateless; thread-safe.
 */
public final class TransLogGenerator implements CaseGenerator {

    private static final int STOP = 0x00;
    private static final int ADD = 0x01;
    private static final int ADDRESS = 0x30;
    private static final int CALLDATALOAD = 0x35;
    private static final int NUMBER = 0x43;
    private static final int MSTORE = 0x52;
    private static final int SLOAD = 0x54;
    private static final int SSTORE = 0x55;
    private static final int MSIZE = 0x59;
    private static final int DUP1 = 0x80;
    private static final int CALL = 0xf1;
    private static final int RETURN = 0xf3;
    private static final int REVERT = 0xfd;

    private static final int[] BARE = {STOP, ADD, ADDRESS, CALLDATALOAD, NUMBER, MSTORE, SLOAD, SSTORE, MSIZE, DUP1,
        CALL, RETURN, REVERT};

    @Override
    public String name() {
        return "trans_log";
    }

    @Override
    public DiffCase generate(SplittableRandom random, long maxGas, Revision revision) {
        CodeWriter code = new CodeWriter(random);
        int snippets = 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 12);
        for (int i = 0; i < snippets; i++) {
            snippet(code, random);
        }
        if (random.nextBoolean()) {
            code.pushSize().pushOffset().op(random.nextInt(4) == 0 ? REVERT : RETURN);
        } else if (random.nextInt(8) == 0) {
            // A PUSH cut short by the end of the code.
            code.op(0x60 + random.nextInt(32));
        }
        return new DiffCase(code.bytes(), CodeWriter.input(random), CodeWriter.gas(random, maxGas), revision, false);
    }

    private static void snippet(CodeWriter code, SplittableRandom random) {
        switch (random.nextInt(16)) {
            case 0 -> code.pushValue();
            case 1 -> code.pushValue().pushValue().op(ADD);
            case 2 -> code.op(ADDRESS);
            case 3 -> code.pushOffset().op(CALLDATALOAD);
            case 4 -> code.op(NUMBER);
            case 5 -> code.pushValue().pushOffset().op(MSTORE);
            case 6 -> code.pushValue().op(SLOAD);
            case 7 -> code.pushValue().pushValue().op(SSTORE);
            case 8 -> code.op(MSIZE);
            case 9 -> code.pushValue().op(DUP1);
            case 10 -> code.pushSize().pushOffset().pushSize().pushOffset().pushValue().pushValue().pushValue().op(CALL);
            case 11 -> code.pushValue().op(DUP1).op(ADD).pushOffset().op(MSTORE);
            case 12 -> code.pushOffset().op(CALLDATALOAD).pushValue().op(SSTORE);
            case 13 -> code.op(BARE[random.nextInt(BARE.length)]);
            case 14 -> code.pushRandom(1 + random.nextInt(32));
            default -> {
                // Rarely a byte trans_log does not define (undefined instruction).
                if (random.nextInt(8) == 0) {
                    code.op(random.nextInt(256));
                } else {
                    code.op(BARE[random.nextInt(BARE.length)]);
                }
            }
        }
    }
}
