package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;

class CodeRunnerTest {

    /** One execution as the runner asked for it. */
    private record Call(Host host, Revision revision, Message message, Bytes code) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private CodeRunner runner(CodeRunner.Executor vm) {
        return runner(vm, System::nanoTime, 1_000);
    }

    private CodeRunner runner(CodeRunner.Executor vm, java.util.function.LongSupplier clock, long targetNanos) {
        return new CodeRunner((host, revision, message, code) -> {
            calls.add(new Call(host, revision, message, code));
            return vm.execute(host, revision, message, code);
        }, clock, targetNanos, warnings::add);
    }

    private static CodeRunner.Request request(String code, String input, boolean create, boolean bench) {
        return new CodeRunner.Request(Revision.BERLIN, 99, Bytes.fromHex(code), Bytes.fromHex(input), create, bench);
    }

    @Test
    void callsWithZeroAddressesTheGasAndTheInput() {
        CodeRunner.Outcome outcome = runner((host, rev, msg, code) -> Result.success(93, Bytes.fromHex("aa")))
                .run(request("6000", "bb", false, false));

        CodeRunner.Completed completed = assertInstanceOf(CodeRunner.Completed.class, outcome);
        assertEquals(StatusCode.SUCCESS, completed.status());
        assertEquals(6, completed.gasUsed());
        assertEquals(Bytes.fromHex("aa"), completed.output());
        assertTrue(completed.bench().isEmpty());
        assertEquals(1, calls.size());
        Call call = calls.get(0);
        assertInstanceOf(MockedHost.class, call.host());
        assertEquals(Revision.BERLIN, call.revision());
        assertEquals(Bytes.fromHex("6000"), call.code());
        assertEquals(CallKind.CALL, call.message().kind());
        assertEquals(99, call.message().gas());
        assertEquals(Bytes.fromHex("bb"), call.message().input());
        assertEquals(Address.ZERO, call.message().recipient());
        assertEquals(Address.ZERO, call.message().sender());
        assertEquals(0, call.message().depth());
    }

    @Test
    void gasUsedIsTheWholeLimitWhenNothingIsLeft() {
        CodeRunner.Completed completed = (CodeRunner.Completed) runner(
                (host, rev, msg, code) -> Result.failure(StatusCode.OUT_OF_GAS)).run(request("00", "", false, false));
        assertEquals(StatusCode.OUT_OF_GAS, completed.status());
        assertEquals(99, completed.gasUsed());
    }

    @Test
    void createRunsInitCodeThenCallsTheInstalledCode() {
        Bytes runtime = Bytes.fromHex("600160005500");
        CodeRunner.Outcome outcome = runner((host, rev, msg, code) -> msg.kind() == CallKind.CREATE
                ? Result.success(0, runtime)
                : Result.success(90, Bytes.EMPTY)).run(request("60aa", "cc", true, false));

        assertInstanceOf(CodeRunner.Completed.class, outcome);
        assertEquals(2, calls.size());
        Message creation = calls.get(0).message();
        assertEquals(CallKind.CREATE, creation.kind());
        assertEquals(10_000_000, creation.gas());
        assertEquals(Address.fromHex("c9ea7ed000000000000000000000000000000001"), creation.recipient());
        assertEquals(Bytes.EMPTY, creation.input());
        assertEquals(Bytes.fromHex("60aa"), calls.get(0).code());

        Call call = calls.get(1);
        assertEquals(CallKind.CALL, call.message().kind());
        assertEquals(CodeRunner.CREATE_ADDRESS, call.message().recipient());
        assertEquals(CodeRunner.CREATE_ADDRESS, call.message().codeAddress());
        assertEquals(99, call.message().gas());
        assertEquals(Bytes.fromHex("cc"), call.message().input());
        assertEquals(runtime, call.code());
        assertEquals(runtime, ((MockedHost) call.host()).account(CodeRunner.CREATE_ADDRESS).code());
        assertTrue(call.host() == calls.get(0).host(), "one host for the creation and the call");
    }

    @Test
    void failedCreationStopsBeforeTheCall() {
        CodeRunner.Outcome outcome = runner((host, rev, msg, code) -> Result.revert(5, Bytes.fromHex("ff")))
                .run(request("fd", "", true, false));
        assertEquals(new CodeRunner.CreationFailed(StatusCode.REVERT, Optional.empty()), outcome);
        assertEquals(1, calls.size());
    }

    @Test
    void aCreationThatFailsWithAnInternalErrorKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("planted");
        CodeRunner.Outcome outcome = runner((host, rev, msg, code) -> Result.internalError(cause))
                .run(request("00", "", true, false));
        assertEquals(new CodeRunner.CreationFailed(StatusCode.INTERNAL_ERROR, Optional.of(cause)), outcome);
    }

    @Test
    void closesEveryResult() {
        AtomicInteger open = new AtomicInteger();
        runner((host, rev, msg, code) -> {
            open.incrementAndGet();
            return Result.success(0, Bytes.EMPTY).withRelease(open::decrementAndGet);
        }).run(request("00", "", true, true));
        assertTrue(calls.size() >= 4);
        assertEquals(0, open.get());
    }

    @Test
    void benchRepeatsUntilTheTargetTimeAndReportsTheMean() {
        // Every execution takes 10 ns: the probe says 100 fit in the target of 1000 ns, and they do.
        AtomicLong now = new AtomicLong();
        CodeRunner runner = runner((host, rev, msg, code) -> {
            now.addAndGet(10);
            return Result.success(90, Bytes.EMPTY);
        }, now::get, 1_000);
        CodeRunner.Completed completed = (CodeRunner.Completed) runner.run(request("00", "", false, true));

        CodeRunner.BenchFigures bench = completed.bench().orElseThrow();
        assertEquals(100, bench.iterations());
        assertEquals(10, bench.nanosPerExecution());
        assertEquals(1 + 1 + 100, calls.size(), "the run, the probe, the timed repetitions");
        assertTrue(warnings.isEmpty());
    }

    @Test
    void benchWithAnExecutionSlowerThanTheTargetRunsOnce() {
        AtomicLong now = new AtomicLong();
        CodeRunner runner = runner((host, rev, msg, code) -> {
            now.addAndGet(5_000);
            return Result.success(90, Bytes.EMPTY);
        }, now::get, 1_000);
        CodeRunner.BenchFigures bench = ((CodeRunner.Completed) runner.run(request("00", "", false, true)))
                .bench().orElseThrow();
        assertEquals(1, bench.iterations());
        assertEquals(5_000, bench.nanosPerExecution());
    }

    @Test
    void benchSizesLaterBatchesFromTheMeanSoFar() {
        // The probe takes 400 ns, later executions 100 ns: the first batch of 2 leaves 800 ns, filled by 8 more.
        AtomicLong now = new AtomicLong();
        AtomicInteger executions = new AtomicInteger();
        CodeRunner runner = runner((host, rev, msg, code) -> {
            now.addAndGet(executions.getAndIncrement() == 1 ? 400 : 100);
            return Result.success(90, Bytes.EMPTY);
        }, now::get, 1_000);
        CodeRunner.BenchFigures bench = ((CodeRunner.Completed) runner.run(request("00", "", false, true)))
                .bench().orElseThrow();
        assertEquals(10, bench.iterations());
        assertEquals(100, bench.nanosPerExecution());
    }

    @Test
    void benchWarnsOnceWhenARepetitionDiffers() {
        AtomicInteger executions = new AtomicInteger();
        runner((host, rev, msg, code) -> Result.success(90,
                Bytes.of((byte) executions.getAndIncrement()))).run(request("00", "", false, true));
        assertEquals(List.of(CodeRunner.INCONSISTENT_WARNING + " (repetition 1: output 01, first run: 00)"), warnings);
    }

    @Test
    void benchWarnsAboutGasUsed() {
        // Every execution takes 10 ns of a fake clock, so the series has 100 repetitions; the fourth execution differs.
        AtomicLong now = new AtomicLong();
        AtomicInteger executions = new AtomicInteger();
        runner((host, rev, msg, code) -> {
            now.addAndGet(10);
            return Result.success(executions.getAndIncrement() < 3 ? 90 : 80, Bytes.EMPTY);
        }, now::get, 1_000).run(request("00", "", false, true));
        assertEquals(List.of(CodeRunner.INCONSISTENT_WARNING + " (repetition 3: gas used 19, first run: 9)"), warnings);
    }

    @Test
    void noBenchNoRepetition() {
        runner((host, rev, msg, code) -> Result.success(0, Bytes.EMPTY)).run(request("00", "", false, false));
        assertEquals(1, calls.size());
        assertFalse(warnings.size() > 0);
    }
}
