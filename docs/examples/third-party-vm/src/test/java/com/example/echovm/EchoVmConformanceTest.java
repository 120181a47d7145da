package com.example.echovm;

import org.dvmc.host.testkit.VmConformanceTest;
import org.dvmc.spi.VmFactory;

/** The DVMC conformance suite: one test per check of the contract. */
class EchoVmConformanceTest extends VmConformanceTest {
    @Override
    protected VmFactory factory() {
        return new EchoVmFactory();
    }
}
