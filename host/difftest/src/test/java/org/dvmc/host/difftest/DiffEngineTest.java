package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dvmc.host.difftest.fixtures.SkewedVms;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.Vm;
import org.junit.jupiter.api.Test;

class DiffEngineTest {

    /** PUSH1 2 PUSH1 1 SSTORE ; PUSH1 7 PUSH1 0 MSTORE ; PUSH1 32 PUSH1 0 RETURN: a write and a 32-byte output. */
    private static final Bytes STORE_AND_RETURN = Bytes.fromHex("600260015560076000526020" + "6000f3");
    /** Seven operands (out 0/0, in 0/4, value 0, recipient 5, gas 9) and CALL, then STOP. */
    private static final Bytes CALL_FIVE = Bytes.fromHex("6000600060046000600060056009f100");

    private final DiffEngine engine = new DiffEngine();

    private static DiffVm vm(String label, Vm vm) {
        return DiffVm.of(label, vm);
    }

    private Comparison compare(Bytes code, Vm other) {
        return engine.compare(DiffCase.call(code, 1000, Revision.CANCUN),
                List.of(vm("trans_log", SkewedVms.transLog()), vm("other", other)));
    }

    @Test
    void transLogAgreesWithItselfAndRecordsEverything() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.transLog());
        assertTrue(comparison.agree(), comparison.differences().toString());
        Observation observed = comparison.observations().get(0);
        assertEquals(StatusCode.SUCCESS, observed.call().orElseThrow().status());
        assertEquals(1000 - 9, observed.call().orElseThrow().gasLeft());
        assertEquals(List.of(StorageStatus.ADDED), observed.storageWrites().stream().map(StorageWrite::status).toList());
        assertEquals(Optional.empty(), observed.creation());
    }

    @Test
    void gasLeftDiffers() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.lessGas());
        assertEquals(List.of(new Difference("gas left", List.of("991", "990"))), comparison.differences());
    }

    @Test
    void outputDiffers() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.flippedOutput());
        String word = "00".repeat(31);
        assertEquals(List.of(new Difference("output", List.of(word + "07", word + "06"))), comparison.differences());
    }

    @Test
    void storageWriteDiffers() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.skewedStorage());
        String zero = "00".repeat(20);
        String key = "00".repeat(31) + "01";
        assertEquals(List.of(new Difference("storage write #1", List.of(
                zero + " [" + key + "] = " + "00".repeat(31) + "02 (added)",
                zero + " [" + key + "] = " + "00".repeat(31) + "03 (added)"))), comparison.differences());
    }

    @Test
    void anExtraLogDiffers() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.extraLog());
        assertEquals(List.of(new Difference("log #1", List.of("(none) (0 in all)", "00".repeat(20) + " topics [] data 01"))),
                comparison.differences());
    }

    @Test
    void aCallsMessageDiffers() {
        Comparison comparison = compare(CALL_FIVE, SkewedVms.flatCallDepth());
        assertEquals(1, comparison.differences().size(), comparison.differences().toString());
        Difference difference = comparison.differences().get(0);
        assertEquals("call #1", difference.field());
        assertTrue(difference.values().get(0).startsWith("CALL depth 1 gas 9 to " + "00".repeat(19) + "05"), difference.toString());
        assertTrue(difference.values().get(1).startsWith("CALL depth 0 gas 9 to "), difference.toString());
    }

    @Test
    void aThrowingVmIsAnInternalErrorNotAnException() {
        Comparison comparison = compare(STORE_AND_RETURN, SkewedVms.throwing());
        assertFalse(comparison.agree());
        assertEquals(new Difference("status", List.of("success", "internal error")), comparison.differences().get(0));
        assertEquals(StatusCode.INTERNAL_ERROR, comparison.observations().get(1).call().orElseThrow().status());
    }

    @Test
    void createRunsInitCodeThenCallsTheResult() {
        // Init code returning the 8-byte runtime code ADDRESS PUSH1 0 MSTORE MSIZE PUSH1 0 RETURN.
        Bytes init = Bytes.fromHex("6730600052596000f360005260086018f3");
        DiffCase create = new DiffCase(init, Bytes.EMPTY, 1000, Revision.CANCUN, true);
        Comparison comparison = engine.compare(create, List.of(vm("a", SkewedVms.transLog()), vm("b", SkewedVms.transLog())));
        assertTrue(comparison.agree());
        Observation observed = comparison.observations().get(0);
        assertEquals(StatusCode.SUCCESS, observed.creation().orElseThrow().status());
        assertEquals("000000000000000000000000c9ea7ed000000000000000000000000000000001",
                observed.call().orElseThrow().output().toHex());
        Comparison skewed = engine.compare(create, List.of(vm("a", SkewedVms.transLog()), vm("b", SkewedVms.lessGas())));
        assertEquals(List.of("creation gas left", "gas left"), skewed.differences().stream().map(Difference::field).toList());
    }

    @Test
    void aFailedCreationCallsNothing() {
        DiffCase create = new DiffCase(Bytes.fromHex("fe"), Bytes.EMPTY, 1000, Revision.CANCUN, true);
        Observation observed = engine.observe(create, vm("a", SkewedVms.transLog()));
        assertEquals(StatusCode.UNDEFINED_INSTRUCTION, observed.creation().orElseThrow().status());
        assertEquals(Optional.empty(), observed.call());
    }

    @Test
    void threeVmsAreEachComparedWithTheFirst() {
        Comparison comparison = engine.compare(DiffCase.call(STORE_AND_RETURN, 1000, Revision.CANCUN), List.of(
                vm("a", SkewedVms.transLog()), vm("b", SkewedVms.transLog()), vm("c", SkewedVms.lessGas())));
        assertEquals(List.of(new Difference("gas left", List.of("991", "991", "990"))), comparison.differences());
        assertTrue(engine.disagree(comparison.diffCase(), List.of(vm("a", SkewedVms.transLog()), vm("c", SkewedVms.lessGas()))));
        assertFalse(engine.disagree(comparison.diffCase(), List.of(vm("a", SkewedVms.transLog()), vm("b", SkewedVms.transLog()))));
    }

    @Test
    void theHostSetUpAppliesToEveryVm() {
        // NUMBER PUSH1 0 SSTORE: stores the block number, which the set-up makes 7 (and the skewed VM reads as 8).
        DiffEngine withBlock = new DiffEngine(host -> host.txContext(host.txContext().toBuilder().blockNumber(7).build()));
        Comparison comparison = withBlock.compare(DiffCase.call(Bytes.fromHex("4360005500"), 100, Revision.CANCUN),
                List.of(vm("a", SkewedVms.transLog()), vm("b", SkewedVms.numberPlusOne())));
        assertEquals("storage write #1", comparison.differences().get(0).field());
        assertTrue(comparison.differences().get(0).values().get(0).contains("= " + "00".repeat(31) + "07 (added)"));
    }
}
