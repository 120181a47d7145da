package org.dvmc.vm.translog;

import org.dvmc.host.testkit.VmConformanceTest;
import org.dvmc.spi.VmFactory;

/** trans_log against the testkit's conformance suite, one test per check. */
class TransLogConformanceTest extends VmConformanceTest {
    @Override
    protected VmFactory factory() {
        return new TransLogVmFactory();
    }
}
