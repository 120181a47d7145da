package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.testkit.CheckResult;
import org.dvmc.host.testkit.ConformanceSuite;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;

/** The native trans_log through the bridge: the example vectors and the conformance suite. */
class TransLogNativeTest {

    static final Address RECIPIENT = Address.fromHex("d00000000000000000000000000000000000000d");

    /** An example of the trans_log issue: code, gas, input, slot 0 before, expected status, gas used, output, slot 0 after. */
    record Example(String name, String code, long gas, String input, Optional<Bytes32> slotBefore, StatusCode status,
            long gasUsed, String output, Optional<Bytes32> slotAfter) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("address", "30600052596000f3", 99, "", Optional.empty(), StatusCode.SUCCESS, 6,
                    "000000000000000000000000d00000000000000000000000000000000000000d", Optional.empty()),
            new Example("calldata", "600035600052596000f3", 1_000_000, "aabbccdd", Optional.empty(), StatusCode.SUCCESS,
                    7, "aabbccdd" + "00".repeat(28), Optional.empty()),
            new Example("counter", "60016000540160005500", 1_000_000, "", Optional.of(Bytes32.fromLong(0xbb)),
                    StatusCode.SUCCESS, 7, "", Optional.of(Bytes32.fromLong(0xbc))),
            new Example("push32", "7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3",
                    1_000_000, "", Optional.empty(), StatusCode.SUCCESS, 6,
                    "d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef", Optional.empty()));

    static MockedHost host(Optional<Bytes32> slot0) {
        MockedHost host = new MockedHost();
        slot0.ifPresent(value -> host.account(RECIPIENT).storage(Bytes32.ZERO, value));
        return host;
    }

    static Message message(long gas, String input) {
        return Message.builder().gas(gas).recipient(RECIPIENT).input(Bytes.fromHex(input)).build();
    }

    @Test
    void theExampleVectors() throws Exception {
        try (LoadedVm vm = TransLogNative.load("")) {
            assertTrue(vm.entry().isNative());
            assertEquals("trans_log", vm.vm().name());
            for (Example example : EXAMPLES) {
                MockedHost host = host(example.slotBefore());
                Result result = vm.execute(host, Revision.CANCUN, message(example.gas(), example.input()),
                        Bytes.fromHex(example.code()));
                assertEquals(example.status(), result.status(), example.name() + ": " + result);
                assertEquals(example.gas() - example.gasUsed(), result.gasLeft(), example.name());
                assertEquals(Bytes.fromHex(example.output()), result.output(), example.name());
                example.slotAfter().ifPresent(expected ->
                        assertEquals(expected, host.account(RECIPIENT).storageValue(Bytes32.ZERO), example.name()));
            }
        }
    }

    @Test
    void theCallOutputExampleOfIssue10() throws Exception {
        try (LoadedVm vm = TransLogNative.load("")) {
            MockedHost host = new MockedHost();
            host.callResult(Result.success(0, Bytes.fromHex("aabbcc")));
            Result result = vm.execute(host, Revision.CANCUN, message(100, ""),
                    Bytes.fromHex("63ffffffff600160006000600060aa6000f1596000f3"));
            assertEquals(StatusCode.SUCCESS, result.status(), result.toString());
            assertEquals(89, result.gasLeft());
            assertEquals(1, host.recordedCalls().size(), () -> host.recordedCalls().toString());
        }
    }

    @Test
    void theConformanceSuitePasses() throws Exception {
        LoadedVm[] last = new LoadedVm[1];
        List<CheckResult> results = ConformanceSuite.forSupplier("trans_log_native", () -> {
            try {
                last[0] = TransLogNative.load("");
                return last[0].vm();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).run();
        results.forEach(result -> System.out.println("trans_log_native conformance: " + result.line()));
        assertTrue(CheckResult.allPassed(results), results.toString());
        assertTrue(results.size() > 5, () -> "only " + results.size() + " checks: " + results);
    }
}
