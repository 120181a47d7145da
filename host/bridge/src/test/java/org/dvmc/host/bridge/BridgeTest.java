package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.NativeLibrary;
import org.dvmc.host.loader.NativeLibraryNames;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge's marshalling, upcalls, releases and failure containment, against the probe VM. */
class BridgeTest {

    static final Address ME = Address.fromHex("00000000000000000000000000000000000000aa");
    static final Address CALLER = Address.fromHex("00000000000000000000000000000000000000cc");

    static final Path LIBRARY = NativeTestLibraries.probe("libbridge_probe.so", "PROBE_CREATE=dvmc_create_bridge_probe");
    private Vm vm;

    static Vm open(Path library) throws LoaderException {
        return new FfmNativeVmLinker().link(new NativeLibrary(library, NativeLibraryNames.createFunctions(library),
                "native library " + library));
    }

    static Message message(long gas, Bytes input) {
        return Message.builder().kind(CallKind.CALL).depth(0).gas(gas).recipient(ME).sender(CALLER).input(input).build();
    }

    static Bytes scenario(int number) {
        return Bytes.of((byte) number);
    }

    @BeforeEach
    void load() throws LoaderException {
        NativeTestLibraries.hold(LIBRARY);
        vm = open(LIBRARY);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void everyHostCallbackReachesTheJavaHostAndReturnsItsAnswer() {
        RecordingHost host = new RecordingHost();
        long releasedBefore = NativeTestLibraries.counter(LIBRARY, "probe_released");
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, message(5000, Bytes.EMPTY), scenario(1));

        assertEquals(StatusCode.SUCCESS, result.status(), () -> String.valueOf(result.cause()));
        assertEquals(RecordingHost.expectedEveryCallbackOutput(), result.output());
        assertEquals(List.of("account_exists", "get_storage", "set_storage", "get_balance", "get_code_size",
                "get_code_hash", "copy_code", "selfdestruct", "call", "get_tx_context", "get_block_hash", "emit_log",
                "access_account", "access_storage", "set_transient_storage", "get_transient_storage"), host.calls);
        Message call = host.messages.get(0);
        assertEquals(CallKind.CALL, call.kind());
        assertEquals(1, call.depth());
        assertEquals(1000, call.gas());
        assertEquals(CALLER, call.recipient());
        assertEquals(ME, call.sender());
        assertEquals(Bytes.fromHex("616263"), call.input());
        assertEquals(Bytes.fromHex("6c6f67"), host.logData.get(0));
        assertEquals(List.of(Bytes32.fromLong(1), Bytes32.fromLong(0x42)), host.logTopics.get(0));
        // The Java result handed to native code was closed once; the native result released once.
        assertEquals(1, host.callResultsReleased.get());
        assertEquals(releasedBefore + 1, NativeTestLibraries.counter(LIBRARY, "probe_released"));
    }

    @Test
    void theMessageAndCodeArriveAsGiven() {
        Bytes input = Bytes.fromHex("00112233445566778899aabbccddeeff");
        Result result = vm.retrieveDescVx(new MockedHost(), Revision.CANCUN, message(10, input), scenario(0));
        assertEquals(Result.of(StatusCode.SUCCESS, 9, 7, input), result);
        assertEquals(StatusCode.OUT_OF_GAS, vm.retrieveDescVx(new MockedHost(), Revision.CANCUN, message(0, input),
                scenario(0)).status());
    }

    @Test
    void theCreateAddressIsCopied() {
        Result result = vm.retrieveDescVx(new MockedHost(), Revision.CANCUN, message(10, Bytes.EMPTY), scenario(5));
        assertEquals(ME, result.createAddress());
    }

    @Test
    void anUnknownStatusCodeIsAnInternalErrorAndTheResultIsStillReleased() {
        long releasedBefore = NativeTestLibraries.counter(LIBRARY, "probe_released");
        Result result = vm.retrieveDescVx(new MockedHost(), Revision.CANCUN, message(10, Bytes.EMPTY), scenario(4));
        assertEquals(StatusCode.INTERNAL_ERROR, result.status());
        String message = result.cause().orElseThrow().getMessage();
        assertTrue(message.contains("unknown status code 99"), () -> "expected \"unknown status code 99\" in: " + message);
        assertEquals(releasedBefore + 1, NativeTestLibraries.counter(LIBRARY, "probe_released"));
    }

    @Test
    void anExceptionInAnUpcallBecomesAnInternalErrorCarryingIt() {
        IllegalStateException boom = new IllegalStateException("storage is on fire");
        RecordingHost host = new RecordingHost() {
            @Override
            public Bytes32 getStorage(Address address, Bytes32 key) {
                throw boom;
            }
        };
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, message(5000, Bytes.EMPTY), scenario(1));
        assertEquals(StatusCode.INTERNAL_ERROR, result.status());
        assertSame(boom, result.cause().orElseThrow());
        // The VM went on after the safe value: later callbacks still ran.
        assertTrue(host.calls.contains("set_transient_storage"), host.calls::toString);
    }

    @Test
    void anErrorInAnUpcallIsContainedToo() {
        class HostFailure extends Error {
            private static final long serialVersionUID = 1L;
        }
        RecordingHost host = new RecordingHost() {
            @Override
            public Result call(Message message) {
                throw new HostFailure();
            }
        };
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, message(5000, Bytes.EMPTY), scenario(1));
        assertEquals(StatusCode.INTERNAL_ERROR, result.status());
        assertInstanceOf(HostFailure.class, result.cause().orElseThrow());
    }

    @Test
    void aNullAnswerOfTheHostIsContained() {
        RecordingHost host = new RecordingHost() {
            @Override
            public org.dvmc.spi.TxContext getTxContext() {
                return null;
            }
        };
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, message(5000, Bytes.EMPTY), scenario(1));
        assertEquals(StatusCode.INTERNAL_ERROR, result.status());
        String message = result.cause().orElseThrow().getMessage();
        assertTrue(message.contains("getTxContext returned null"),
                () -> "expected \"getTxContext returned null\" in: " + message);
    }

    @Test
    void optionsAndCapabilities() {
        assertEquals(SetOptionResult.SUCCESS, vm.setOption("verbose", "1"));
        assertEquals(SetOptionResult.INVALID_VALUE, vm.setOption("verbose", "x"));
        assertEquals(SetOptionResult.INVALID_NAME, vm.setOption("speed", "1"));
        assertEquals(2, vm.capabilities().size(), () -> vm.capabilities().toString());
    }

    @Test
    void aClosedVmRefusesToRun() {
        vm.close();
        assertThrows(IllegalStateException.class,
                () -> vm.retrieveDescVx(new MockedHost(), Revision.CANCUN, message(1, Bytes.EMPTY), scenario(0)));
    }
}
