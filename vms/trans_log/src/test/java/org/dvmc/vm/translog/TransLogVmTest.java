package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.Test;

/** The VM's identity, its factory and discovery, and that executions leave nothing behind. */
class TransLogVmTest {

    @Test
    void identity() {
        Vm vm = new TransLogVmFactory().create();
        assertEquals("trans_log", vm.name());
        assertEquals(System.getProperty("translog.expected.version"), vm.version());
        assertEquals(Set.of(Capability.DVM1), vm.capabilities());
        assertTrue(vm.hasCapability(Capability.DVM1));
        assertEquals(Dvmc.ABI_VERSION, vm.abiVersion());
    }

    @Test
    void factory() {
        TransLogVmFactory factory = new TransLogVmFactory();
        assertEquals("trans_log", factory.codename());
        assertTrue(VmFactory.CODENAME_PATTERN.matcher(factory.codename()).matches());
        Vm first = factory.create();
        Vm second = factory.create();
        assertNotSame(first, second);
        first.setOption("verbose", "3");
        assertEquals(0, ((TransLogVm) second).verbose(), "instances are independent");
    }

    @Test
    void serviceLoaderFindsTheFactoryOnThePlainClassPath() {
        List<VmFactory> factories = ServiceLoader.load(VmFactory.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, factories.size(), () -> "factories: " + factories);
        assertInstanceOf(TransLogVmFactory.class, factories.get(0));
        assertEquals("trans_log", factories.get(0).codename());
    }

    @Test
    void closeIsSafeTwiceAndLeavesResultsReadable() {
        Vm vm = new TransLogVm();
        Message message = Message.builder().gas(100).build();
        Result result = vm.retrieveDescVx(new MockedHost(), Revision.LATEST_STABLE, message,
                Bytes.fromHex(Runner.push("2a") + Runner.RETURN_TOP));
        assertDoesNotThrow(vm::close, "the first close()");
        assertDoesNotThrow(vm::close, "a second close() must be harmless");
        assertEquals(StatusCode.SUCCESS, result.status(), "a result handed out before close() stays readable");
        assertEquals(Bytes.fromHex(Runner.word("2a")), result.output());
    }

    @Test
    void noStateSurvivesBetweenExecutions() {
        Runner runner = new Runner();
        runner.run(Runner.push("ff") + Runner.push("00") + "52" + "7f" + "80".repeat(100));
        assertEquals(Bytes.fromHex(Runner.word("00")), runner.run("59" + Runner.RETURN_TOP).output(), "memory starts empty");
        assertEquals(Bytes.fromHex("00"), runner.run(Runner.push("01") + Runner.push("1f") + "f3").output(), "memory starts zeroed");
        assertEquals(StatusCode.STACK_UNDERFLOW, runner.run("80").status(), "the stack starts empty");
    }

    @Test
    void resultsCarryNoReleaseHook() {
        assertFalse(new Runner().run("00").hasPendingRelease());
    }
}
