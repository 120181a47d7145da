package com.example.echovm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What echo_vm computes, run against the testkit's in-memory host. */
class EchoVmTest {

    private static final Bytes INPUT = Bytes.fromHex("c0ffee");

    private final Vm vm = new EchoVmFactory().create();
    private final MockedHost host = new MockedHost();

    @AfterEach
    void close() {
        vm.close();
    }

    private Result run(String code, long gas) {
        Message message = Message.builder().gas(gas).input(INPUT).build();
        try (Result result = vm.retrieveDescVx(host, Revision.LATEST_STABLE, message, Bytes.fromHex(code))) {
            return result;
        }
    }

    @Test
    void stopEchoesTheInputForNoGas() {
        assertEquals(Result.success(100, INPUT), run("00", 100));
    }

    @Test
    void emptyCodeEchoesTheInput() {
        assertEquals(Result.success(100, INPUT), run("", 100));
    }

    @Test
    void returnGivesTheSumAsAWord() {
        assertEquals(Result.success(88, Bytes.of(Bytes32.fromLong(3).toBytes())), run("6001600201f3", 100));
    }

    @Test
    void additionWrapsAt256Bits() {
        String max = "7f" + "ff".repeat(32);
        assertEquals(Result.success(88, Bytes.of(Bytes32.ZERO.toBytes())), run(max + "600101" + "f3", 100));
    }

    @Test
    void revertEchoesTheInputAndKeepsTheGas() {
        assertEquals(Result.revert(97, INPUT), run("fd", 100));
    }

    @Test
    void failuresLeaveNoGasAndNoOutput() {
        assertEquals(Result.failure(StatusCode.OUT_OF_GAS), run("6001600201f3", 11));
        assertEquals(Result.failure(StatusCode.STACK_UNDERFLOW), run("600101", 100));
        assertEquals(Result.failure(StatusCode.UNDEFINED_INSTRUCTION), run("fe00", 100));
        assertEquals(Result.failure(StatusCode.STACK_OVERFLOW), run("6000".repeat(1025), 100_000));
    }

    @Test
    void echoVmTouchesNoHostState() {
        run("6001600201f3", 100);
        assertEquals(0, host.totalAccountAccesses());
        assertEquals(0, host.totalCalls());
    }

    @Test
    void theServiceLoaderFindsTheFactory() {
        assertTrue(ServiceLoader.load(VmFactory.class).stream()
                .anyMatch(p -> p.type() == EchoVmFactory.class), "META-INF/services/org.dvmc.spi.VmFactory");
    }
}
