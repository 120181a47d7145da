package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dvmc.host.testkit.fixtures.BrokenVms;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The JUnit adapter: one dynamic test per check, failing with the check's line. */
class VmConformanceTestTest {

    @Test
    void aBrokenVmFailsItsDynamicTestWithTheCheckLine() throws Throwable {
        VmConformanceTest test = new VmConformanceTest() {
            @Override
            protected VmFactory factory() {
                return BrokenVms.factory("wrong_abi", BrokenVms.WrongAbi::new);
            }
        };
        List<DynamicTest> tests = test.conformance().toList();
        assertEquals(ConformanceSuite.forFactory(BrokenVms.factory("x", BrokenVms.WrongAbi::new)).checks().size(),
                tests.size());
        DynamicTest abi = tests.get(0);
        assertTrue(abi.getDisplayName().startsWith("abi-version: "), abi.getDisplayName());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> abi.getExecutable().execute());
        assertTrue(failure.getMessage().startsWith("FAIL abi-version: 11 differs from the host's 12"),
                failure.getMessage());
        tests.get(1).getExecutable().execute(); // name passes
    }
}
