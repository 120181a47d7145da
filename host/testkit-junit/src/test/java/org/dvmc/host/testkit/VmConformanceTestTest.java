package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The JUnit adapter: one dynamic test per check, named after it, failing with the check's line. */
class VmConformanceTestTest {

    private static VmConformanceTest adapterFor(VmFactory factory) {
        return new VmConformanceTest() {
            @Override
            protected VmFactory factory() {
                return factory;
            }
        };
    }

    @Test
    void everyCheckIsADynamicTestNamedAfterIt() {
        VmFactory factory = new StopVm.Factory("stop_vm");
        List<String> names = adapterFor(factory).conformance().map(DynamicTest::getDisplayName).toList();
        List<ConformanceCheck> checks = ConformanceSuite.forFactory(factory).checks();
        assertEquals(checks.size(), names.size());
        for (int i = 0; i < checks.size(); i++) {
            assertEquals(checks.get(i).name() + ": " + checks.get(i).description(), names.get(i));
        }
    }

    @Test
    void aBrokenVmFailsItsDynamicTestWithTheCheckLine() throws Throwable {
        Supplier<Vm> wrongAbi = () -> new StopVm() {
            @Override
            public int abiVersion() {
                return Dvmc.ABI_VERSION - 1;
            }
        };
        List<DynamicTest> tests = adapterFor(new NamedFactory("wrong_abi", wrongAbi)).conformance().toList();
        DynamicTest abi = tests.stream().filter(t -> t.getDisplayName().startsWith("abi-version: ")).findFirst()
                .orElseThrow();
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> abi.getExecutable().execute());
        assertTrue(failure.getMessage().startsWith("FAIL abi-version: " + (Dvmc.ABI_VERSION - 1)
                + " differs from the host's " + Dvmc.ABI_VERSION), failure.getMessage());
        tests.get(0).getExecutable().execute(); // the codename check passes
    }

    @Test
    void aCodenameHostsRejectFailsTheCodenameTest() {
        DynamicTest codename = adapterFor(new StopVm.Factory("Stack_VM")).conformance().findFirst().orElseThrow();
        assertTrue(codename.getDisplayName().startsWith("codename: "), codename.getDisplayName());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> codename.getExecutable().execute());
        assertTrue(failure.getMessage().startsWith("FAIL codename: codename() returned \"Stack_VM\""),
                failure.getMessage());
    }

    /** A factory under {@code codename} that creates what {@code vms} supplies. */
    private record NamedFactory(String codename, Supplier<Vm> vms) implements VmFactory {
        @Override
        public Vm create() {
            return vms.get();
        }
    }
}
