package org.dvmc.host.testkit;

import org.dvmc.host.testkit.fixtures.BrokenVms;
import org.dvmc.host.testkit.fixtures.TinyVm;
import org.dvmc.spi.VmFactory;

/** The good fixture through the JUnit base class, as a VM author would use it. */
class TinyVmConformanceTest extends VmConformanceTest {
    @Override
    protected VmFactory factory() {
        return BrokenVms.factory("tiny_vm", TinyVm::new);
    }
}
