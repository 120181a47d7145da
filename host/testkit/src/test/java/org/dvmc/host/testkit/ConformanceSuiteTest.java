package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dvmc.host.testkit.fixtures.BrokenVms;
import org.dvmc.host.testkit.fixtures.MiniEvm;
import org.dvmc.host.testkit.fixtures.TinyVm;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.Test;

class ConformanceSuiteTest {

    private static final List<String> CHECK_NAMES = List.of("abi-version", "name", "version", "capabilities",
            "call-fe00", "create-fe00", "result-rules", "option-unknown-name", "option-verbose", "precompiles",
            "independence", "concurrency", "close-twice");

    private static Map<String, CheckResult> run(Supplier<? extends Vm> vms) {
        List<CheckResult> results = ConformanceSuite.forSupplier("fixture", vms).run();
        Map<String, CheckResult> byName = new LinkedHashMap<>();
        results.forEach(r -> byName.put(r.name(), r));
        return byName;
    }

    private static Set<String> failed(Map<String, CheckResult> results) {
        return results.values().stream().filter(r -> !r.passed()).map(CheckResult::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String report(Map<String, CheckResult> results) {
        return results.values().stream().map(CheckResult::line).collect(Collectors.joining("\n"));
    }

    @Test
    void checksAreNamedAndInOrder() {
        List<ConformanceCheck> checks = ConformanceSuite.forFactory(new MiniEvm.Factory()).checks();
        List<String> withFactory = new ArrayList<>(List.of("codename"));
        withFactory.addAll(CHECK_NAMES);
        assertEquals(withFactory, checks.stream().map(ConformanceCheck::name).toList());
        checks.forEach(c -> assertFalse(c.description().isBlank(), c.name()));
        assertEquals(CHECK_NAMES, ConformanceSuite.forSupplier("supplied", MiniEvm::new).checks().stream()
                .map(ConformanceCheck::name).toList(), "a suite without a factory has no codename check");
    }

    @Test
    void aCodenameHostsRejectFailsTheCodenameCheckOnly() {
        List<CheckResult> results = ConformanceSuite.forFactory(BrokenVms.factory("Stack_VM", TinyVm::new)).run();
        List<String> failed = results.stream().filter(r -> !r.passed()).map(CheckResult::name).toList();
        assertEquals(List.of("codename"), failed);
        String line = results.get(0).line();
        assertTrue(line.startsWith("FAIL codename: codename() returned \"Stack_VM\", which does not match"), line);
        assertTrue(line.contains("\"stack_vm\""), line);
    }

    @Test
    void aNullCodenameFailsTheCodenameCheck() {
        CheckResult nullCodename = ConformanceSuite.forFactory(BrokenVms.factory(null, TinyVm::new)).checks().get(0).run();
        assertEquals("FAIL codename: codename() returned null; it must return the VM's codename", nullCodename.line());
        assertTrue(ConformanceSuite.forFactory(BrokenVms.factory("tiny_vm", TinyVm::new)).checks().get(0).run().passed());
    }

    @Test
    void goodFixturePassesEveryCheck() {
        Map<String, CheckResult> results = run(TinyVm::new);
        assertEquals(CHECK_NAMES, List.copyOf(results.keySet()));
        assertEquals(Set.of(), failed(results), report(results));
        assertEquals("PASS abi-version: " + Dvmc.ABI_VERSION + " equals the host's " + Dvmc.ABI_VERSION,
                results.get("abi-version").line());
        assertTrue(results.get("precompiles").detail().startsWith("65536 addresses"), report(results));
        assertTrue(results.get("option-verbose").detail().contains("INVALID_VALUE"), report(results));
    }

    @Test
    void transLogLikeVmPassesEveryCheck() {
        Map<String, CheckResult> results = run(MiniEvm::new);
        assertEquals(Set.of(), failed(results), report(results));
        assertEquals("PASS precompiles: not claimed (no PRECOMPILES capability); skipped",
                results.get("precompiles").line());
        assertEquals("PASS call-fe00: status invalid instruction, gas left 0 of 65536, output empty",
                results.get("call-fe00").line());
    }

    @Test
    void forFactoryLabelsWithCodenameAndClass() {
        ConformanceSuite suite = ConformanceSuite.forFactory(new MiniEvm.Factory());
        assertEquals("mini_evm (" + MiniEvm.Factory.class.getName() + ")", suite.label());
        assertTrue(CheckResult.allPassed(suite.run()));
    }

    @Test
    void wrongAbiFailsOnlyTheAbiCheck() {
        Map<String, CheckResult> results = run(BrokenVms.WrongAbi::new);
        assertEquals(Set.of("abi-version"), failed(results), report(results));
        assertEquals("FAIL abi-version: 11 differs from the host's " + Dvmc.ABI_VERSION + "; abiVersion() must return Dvmc.ABI_VERSION of"
                + " the spi the VM is built against, and the VM must be rebuilt against the host's spi",
                results.get("abi-version").line());
    }

    @Test
    void emptyNameFailsOnlyTheNameCheck() {
        Map<String, CheckResult> results = run(BrokenVms.EmptyName::new);
        assertEquals(Set.of("name"), failed(results), report(results));
        assertEquals("FAIL name: name() returned \"\"; it must be non-empty text", results.get("name").line());
    }

    @Test
    void throwingExecutionFailsTheExecutionChecksNamingTheException() {
        Map<String, CheckResult> results = run(BrokenVms.Throwing::new);
        assertEquals(new TreeSet<>(Set.of("call-fe00", "create-fe00", "result-rules", "precompiles", "independence",
                "concurrency")), failed(results), report(results));
        String detail = results.get("call-fe00").detail();
        assertTrue(detail.startsWith("retrieveDescVx threw java.lang.IllegalStateException: interpreter bug (at "),
                detail);
        assertTrue(detail.endsWith("a VM must report every failure as a Result (e.g. Result.internalError(cause)),"
                + " never throw"), detail);
    }

    @Test
    void nullResultFailsSayingNull() {
        Map<String, CheckResult> results = run(BrokenVms.ReturnsNull::new);
        assertEquals("FAIL call-fe00: retrieveDescVx returned null; it must always return a Result",
                results.get("call-fe00").line());
    }

    @Test
    void gasLeftOnFailureFailsTheFe00Checks() {
        Map<String, CheckResult> results = run(BrokenVms.LeaksGasOnFailure::new);
        assertEquals("FAIL call-fe00: status invalid instruction but gas left 65535; must be 0 unless success or revert",
                results.get("call-fe00").line());
        assertEquals("FAIL create-fe00: status invalid instruction but gas left 65535; must be 0 unless success"
                + " or revert", results.get("create-fe00").line());
        assertEquals(new TreeSet<>(Set.of("call-fe00", "create-fe00", "result-rules")), failed(results),
                report(results));
    }

    @Test
    void aRefundOnFailureFailsTheFe00Checks() {
        Map<String, CheckResult> results = run(BrokenVms.RefundsOnFailure::new);
        assertEquals("FAIL call-fe00: status invalid instruction but gas refund 5; must be 0 unless success",
                results.get("call-fe00").line());
        assertTrue(failed(results).contains("create-fe00"), report(results));
    }

    @Test
    void aCodenameLongerThanHostsAcceptFailsTheCodenameCheck() {
        String longest = "v" + "m".repeat(VmFactory.MAX_CODENAME_LENGTH - 1);
        assertTrue(ConformanceSuite.forFactory(BrokenVms.factory(longest, TinyVm::new)).checks().get(0).run().passed());
        CheckResult tooLong = ConformanceSuite.forFactory(BrokenVms.factory(longest + "m", TinyVm::new)).checks().get(0)
                .run();
        assertTrue(tooLong.line().startsWith("FAIL codename:") && tooLong.line().contains("at most 64 characters"),
                tooLong.line());
    }

    @Test
    void aTimeoutWithoutPracticalLimitDoesNotOverflow() {
        List<CheckResult> results = ConformanceSuite.forFactory(new MiniEvm.Factory())
                .withTimeout(Duration.ofSeconds(Long.MAX_VALUE)).run();
        assertTrue(CheckResult.allPassed(results), results.toString());
    }

    @Test
    void stateKeptBetweenCallsFailsIndependence() {
        Map<String, CheckResult> results = run(BrokenVms.KeepsState::new);
        assertTrue(failed(results).contains("independence"), report(results));
        String detail = results.get("independence").detail();
        assertTrue(detail.startsWith("empty code as CALL gave success, gas left 65536, output 0x01 (1 byte) the first"
                + " time but success, gas left 65536, output 0x"), detail);
        assertTrue(detail.endsWith("the second time on the same instance; a VM must keep no state between executions"),
                detail);
        assertEquals(Set.of("independence", "concurrency"), failed(results), report(results));
    }

    @Test
    void resultsDependingOnTheThreadFailConcurrencyOnly() {
        Map<String, CheckResult> results = run(BrokenVms.ThreadAffine::new);
        assertEquals(Set.of("concurrency"), failed(results), report(results));
        String detail = results.get("concurrency").detail();
        assertTrue(detail.contains("executions on 8 threads differ from one thread's results, first: "), detail);
        assertTrue(detail.endsWith("must keep no per-execution state in the VM object"), detail);
    }

    @Test
    void throwingSecondCloseFailsCloseTwice() {
        Map<String, CheckResult> results = run(BrokenVms.ClosesOnce::new);
        assertEquals(Set.of("close-twice"), failed(results), report(results));
        assertTrue(results.get("close-twice").detail().startsWith(
                "the second close() threw java.lang.IllegalStateException: already closed"), report(results));
    }

    @Test
    void acceptingUnknownOptionsFailsTheOptionCheck() {
        Map<String, CheckResult> results = run(BrokenVms.AcceptsAnyOption::new);
        assertTrue(failed(results).contains("option-unknown-name"), report(results));
        assertEquals("FAIL option-unknown-name: setOption(\"dvmc-conformance-no-such-option\", \"1\") gave SUCCESS;"
                + " an unknown name must give INVALID_NAME whatever the value", results.get("option-unknown-name").line());
    }

    @Test
    void acceptingAnyVerbosityFailsTheVerboseCheck() {
        Map<String, CheckResult> results = run(BrokenVms.AcceptsAnyVerbosity::new);
        assertEquals(Set.of("option-verbose"), failed(results), report(results));
        assertTrue(results.get("option-verbose").detail().contains("must give INVALID_VALUE"), report(results));
    }

    @Test
    void aBadPrecompileResultFailsThePrecompileCheck() {
        Map<String, CheckResult> results = run(BrokenVms.BadPrecompile::new);
        assertEquals(Set.of("precompiles"), failed(results), report(results));
        assertEquals("FAIL precompiles: a call to 0x0000000000000000000000000000000000000100: status undefined"
                + " instruction; a call to a precompile address may only give success, out of gas, failure, revert"
                + " or rejected", results.get("precompiles").line());
    }

    @Test
    void noCapabilitiesFailsTheCapabilityCheck() {
        Map<String, CheckResult> results = run(BrokenVms.NoCapabilities::new);
        assertEquals(Set.of("capabilities"), failed(results), report(results));
    }

    @Test
    void aFactoryThatThrowsFailsEveryCheckWithoutThrowing() {
        Map<String, CheckResult> results = run(() -> {
            throw new UnsupportedOperationException("no native library");
        });
        assertEquals(new TreeSet<>(CHECK_NAMES), failed(results));
        assertTrue(results.get("name").detail().startsWith("could not create an instance of fixture: it threw"
                + " java.lang.UnsupportedOperationException: no native library"), report(results));
    }

    @Test
    void aFactoryReturningNullFailsEveryCheck() {
        Map<String, CheckResult> results = run(() -> null);
        assertEquals(new TreeSet<>(CHECK_NAMES), failed(results));
        assertEquals("FAIL version: could not create an instance of fixture: create() returned null; it must return"
                + " a new instance, never null", results.get("version").line());
    }

    @Test
    void aHangingVmFailsTheCheckAfterTheTimeout() {
        ConformanceCheck check = ConformanceSuite.forSupplier("hangs", BrokenVms.Hangs::new)
                .withTimeout(Duration.ofMillis(200)).checks().stream()
                .filter(c -> c.name().equals("call-fe00")).findFirst().orElseThrow();
        CheckResult result = check.run();
        assertEquals("FAIL call-fe00: did not finish within 200 ms; every call into a VM must return, and gas bounds"
                + " every execution", result.line());
    }
}
