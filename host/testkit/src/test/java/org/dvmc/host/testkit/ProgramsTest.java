package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.dvmc.spi.Bytes;
import org.junit.jupiter.api.Test;

class ProgramsTest {

    @Test
    void randomProgramsAreTheSameOnEveryRun() {
        assertEquals(Programs.randomPrograms(), Programs.randomPrograms());
        assertEquals(Programs.RANDOM_PROGRAMS, Programs.randomPrograms().size());
    }

    @Test
    void randomProgramsHaveNoJumpInstructions() {
        for (Bytes program : Programs.randomPrograms()) {
            for (int pc = 0; pc < program.size(); pc++) {
                int op = program.getUnsigned(pc);
                assertFalse(op == 0x56 || op == 0x57, program + " jumps at " + pc);
                if (op >= 0x60 && op <= 0x7f) {
                    pc += op - 0x5f;
                }
            }
        }
    }

    @Test
    void comparisonSetHoldsFixedCreationsAndRandomPrograms() {
        List<Execution> set = Programs.comparisonSet();
        assertEquals(10 + 2 + Programs.RANDOM_PROGRAMS, set.size());
        assertEquals("fe00 as CALL", set.get(2).label());
        assertEquals("fe00 as CREATE", set.get(11).label());
    }
}
