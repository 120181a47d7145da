package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.dvmc.host.difftest.Instructions.Instruction;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    private static final int CASES = 3_000;

    private static Set<Integer> opcodesOf(CaseGenerator generator) {
        Set<Integer> opcodes = new HashSet<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < CASES; i++) {
            Instructions.decode(generator.generate(random, 1000, Revision.CANCUN).code()).forEach(x -> opcodes.add(x.opcode()));
        }
        return opcodes;
    }

    @Test
    void transLogGeneratorCoversTransLogsInstructionSet() {
        Set<Integer> opcodes = opcodesOf(new TransLogGenerator());
        for (int opcode : new int[] {0x00, 0x01, 0x30, 0x35, 0x43, 0x52, 0x54, 0x55, 0x59, 0x60, 0x7f, 0x80, 0xf1, 0xf3, 0xfd}) {
            assertTrue(opcodes.contains(opcode), "never generated " + Integer.toHexString(opcode));
        }
    }

    @Test
    void dvmGeneratorCoversTheFullInstructionSet() {
        Set<Integer> opcodes = opcodesOf(new DvmGenerator());
        // Arithmetic, hashing, environment, block, memory, storage, transient storage, jumps, logs, calls, creations.
        for (int opcode : new int[] {0x02, 0x08, 0x0a, 0x1b, 0x20, 0x33, 0x37, 0x3e, 0x40, 0x46, 0x51, 0x53, 0x55, 0x56,
            0x57, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xa4, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5,
            0xfa, 0xfd, 0xff}) {
            assertTrue(opcodes.contains(opcode), "never generated " + Integer.toHexString(opcode));
        }
    }

    @Test
    void dvmGeneratorJumpsMostlyToJumpDestinations() {
        SplittableRandom random = new SplittableRandom(12);
        int jumps = 0;
        int toJumpDest = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] code = new DvmGenerator().generate(random, 1000, Revision.CANCUN).code().toArray();
            List<Instruction> instructions = Instructions.decode(org.dvmc.spi.Bytes.of(code));
            for (int k = 1; k < instructions.size(); k++) {
                Instruction push = instructions.get(k - 1);
                int opcode = instructions.get(k).opcode();
                if ((opcode == 0x56 || opcode == 0x57) && push.opcode() == 0x61 && push.immediate().length == 2) {
                    jumps++;
                    int target = ((push.immediate()[0] & 0xff) << 8) | (push.immediate()[1] & 0xff);
                    if (target < code.length && (code[target] & 0xff) == 0x5b) {
                        toJumpDest++;
                    }
                }
            }
        }
        assertTrue(jumps > 100, "jumps " + jumps);
        assertTrue(toJumpDest > jumps * 8 / 10 && toJumpDest < jumps, toJumpDest + " of " + jumps + " jumps reach a JUMPDEST");
    }

    @Test
    void namesSelectGenerators() {
        assertEquals("trans_log", CaseGenerator.named("trans_log").name());
        assertEquals("dvm", CaseGenerator.named("dvm").name());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CaseGenerator.named("evm"));
        assertEquals("unknown generator 'evm'; valid: trans_log, dvm", unknown.getMessage());
    }
}
