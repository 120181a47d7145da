package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Says which JDK runs the bridge's tests (./run-tests shows it), and that it is one with the final FFM API. */
class JdkReportTest {

    @Test
    void runsOnJava22OrNewer() {
        String report = "bridge tests run on Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor")
                + ", " + System.getProperty("java.home") + ")";
        System.out.println(report);
        System.err.println(report);
        assertTrue(Runtime.version().feature() >= 22, report);
    }
}
