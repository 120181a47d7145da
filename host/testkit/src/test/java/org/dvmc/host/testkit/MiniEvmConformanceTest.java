package org.dvmc.host.testkit;

import org.dvmc.host.testkit.fixtures.MiniEvm;
import org.dvmc.spi.VmFactory;

/** The trans_log-like fixture through the JUnit base class. */
class MiniEvmConformanceTest extends VmConformanceTest {
    @Override
    protected VmFactory factory() {
        return new MiniEvm.Factory();
    }
}
