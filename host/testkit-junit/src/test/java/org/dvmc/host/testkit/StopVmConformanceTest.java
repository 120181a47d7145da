package org.dvmc.host.testkit;

import org.dvmc.spi.VmFactory;

/** The base class as a VM author uses it: Surefire reports one test per check, named after the check. */
class StopVmConformanceTest extends VmConformanceTest {
    @Override
    protected VmFactory factory() {
        return new StopVm.Factory("stop_vm");
    }
}
