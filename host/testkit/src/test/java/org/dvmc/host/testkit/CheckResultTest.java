package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void linesStartWithPassOrFail() {
        assertEquals("PASS abi-version: 12 equals the host's 12", CheckResult.pass("abi-version", "12 equals the host's 12").line());
        assertEquals("FAIL name: empty", CheckResult.fail("name", "empty").line());
    }

    @Test
    void detailIsFoldedOntoOneLine() {
        assertEquals("FAIL x: threw a: first second", CheckResult.fail("x", "threw a: first\n   second\r\n").line());
    }

    @Test
    void allPassedNeedsEveryResultPassed() {
        assertTrue(CheckResult.allPassed(List.of()));
        assertTrue(CheckResult.allPassed(List.of(CheckResult.pass("a", "ok"))));
        assertFalse(CheckResult.allPassed(List.of(CheckResult.pass("a", "ok"), CheckResult.fail("b", "no"))));
    }

    @Test
    void aProcedureThrowingAnythingFailsWithTheExceptionNamed() {
        ConformanceCheck check = new ConformanceCheck("odd", "throws", ConformanceSuite.DEFAULT_TIMEOUT, () -> {
            throw new StackOverflowError();
        });
        CheckResult result = check.run();
        assertFalse(result.passed());
        assertTrue(result.detail().startsWith("threw java.lang.StackOverflowError"), result.detail());
    }
}
