package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dvmc.host.difftest.fixtures.SkewedVms;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;

class FuzzCampaignTest {

    private static List<DiffVm> transLogAgainst(String label, org.dvmc.spi.Vm other) {
        return List.of(DiffVm.of("trans_log", SkewedVms.transLog()), DiffVm.of(label, other));
    }

    @Test
    void transLogAgreesWithItselfOnEveryGeneratedCase() {
        for (CaseGenerator generator : CaseGenerator.all()) {
            FuzzReport report = FuzzCampaign.builder(transLogAgainst("trans_log", SkewedVms.transLog()))
                    .generator(generator).seed(1).count(5_000).threads(2).build().run();
            assertEquals(5_000, report.casesRun(), generator.name());
            assertEquals(java.util.Optional.empty(), report.firstDisagreement(), generator.name());
        }
    }

    @Test
    void findsAPlantedOneInstructionDifferenceAndShrinksItToAFewInstructions() {
        List<DiffVm> vms = transLogAgainst("number_plus_one", SkewedVms.numberPlusOne());
        FuzzReport report = FuzzCampaign.builder(vms).seed(7).count(20_000).threads(2).build().run();
        FuzzReport.Finding finding = report.firstDisagreement().orElseThrow(() -> new AssertionError("not found in 20000 cases"));
        assertTrue(finding.index() < 20_000);
        assertTrue(finding.comparison().diffCase().code().toHex().contains("43") , finding.toString());

        DiffEngine engine = new DiffEngine();
        Shrinker.Shrunk shrunk = new Shrinker(c -> engine.disagree(c, vms), Shrinker.DEFAULT_MAX_ATTEMPTS)
                .shrink(finding.comparison().diffCase());
        DiffCase small = shrunk.shrunk();
        assertTrue(engine.disagree(small, vms), "the shrunk case must still disagree");
        int instructions = Instructions.decode(small.code()).size();
        assertTrue(instructions <= 4, "shrunk to " + instructions + " instructions: " + small.code().toHex());
        assertTrue(small.code().toHex().contains("43"), small.code().toHex());
        assertTrue(small.input().isEmpty(), "input " + small.input().toHex());
        assertTrue(small.gas() <= instructions, "gas " + small.gas());
        assertTrue(shrunk.attempts() < 2_000, "a shrink this small needs few attempts, not " + shrunk.attempts());
    }

    @Test
    void aSeedGivesTheSameCampaignWhateverTheThreads() {
        List<DiffVm> vms = transLogAgainst("number_plus_one", SkewedVms.numberPlusOne());
        FuzzReport oneThread = FuzzCampaign.builder(vms).seed(99).count(20_000).threads(1).build().run();
        FuzzReport twoThreads = FuzzCampaign.builder(vms).seed(99).count(20_000).threads(2).build().run();
        FuzzReport again = FuzzCampaign.builder(vms).seed(99).count(20_000).threads(2).build().run();
        FuzzReport.Finding first = oneThread.firstDisagreement().orElseThrow();
        assertEquals(first.index(), twoThreads.firstDisagreement().orElseThrow().index());
        assertEquals(first.comparison(), twoThreads.firstDisagreement().orElseThrow().comparison());
        assertEquals(first.comparison(), again.firstDisagreement().orElseThrow().comparison());
        assertEquals(first.comparison().diffCase(), FuzzCampaign.caseAt(99, first.index(), new TransLogGenerator(),
                1_000_000, Revision.LATEST_STABLE));
        FuzzReport otherSeed = FuzzCampaign.builder(vms).seed(100).count(20_000).threads(2).build().run();
        assertNotEquals(first.comparison().diffCase(), otherSeed.firstDisagreement().orElseThrow().comparison().diffCase());
    }

    @Test
    void theSameSeedGeneratesTheSameCases() {
        for (CaseGenerator generator : CaseGenerator.all()) {
            for (long index = 0; index < 200; index++) {
                assertEquals(FuzzCampaign.caseAt(5, index, generator, 1000, Revision.CANCUN),
                        FuzzCampaign.caseAt(5, index, generator, 1000, Revision.CANCUN));
            }
            assertNotEquals(FuzzCampaign.caseAt(5, 0, generator, 1000, Revision.CANCUN),
                    FuzzCampaign.caseAt(5, 1, generator, 1000, Revision.CANCUN));
        }
    }

    @Test
    void aListenerThatGoesOnHearsEveryDisagreementAndTheReportKeepsTheLowest() {
        List<DiffVm> vms = transLogAgainst("number_plus_one", SkewedVms.numberPlusOne());
        List<Long> heard = Collections.synchronizedList(new ArrayList<>());
        FuzzReport report = FuzzCampaign.builder(vms).seed(3).count(3_000).threads(2).build()
                .run(finding -> heard.add(finding.index()));
        assertEquals(3_000, report.casesRun());
        assertTrue(heard.size() > 1, heard.toString());
        assertEquals(Collections.min(heard), report.firstDisagreement().orElseThrow().index());
    }

    @Test
    void casesRunOnSeveralThreadsAtOnce() {
        // Each thread's first execution waits until two threads are executing at the same moment (or 30 s pass): the
        // campaign only completes promptly when two cases really run concurrently.
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch bothRunning = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        org.dvmc.spi.Vm transLog = SkewedVms.transLog();
        DiffVm waiting = new DiffVm("waiting", (host, revision, message, code) -> {
            if (seen.add(Thread.currentThread())) {
                bothRunning.countDown();
                try {
                    overlapped.compareAndSet(false, bothRunning.await(30, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return transLog.retrieveDescVx(host, revision, message, code);
        });
        FuzzReport report = FuzzCampaign.builder(List.of(waiting, DiffVm.of("trans_log", SkewedVms.transLog())))
                .count(2_000).threads(2).build().run();
        assertEquals(2_000, report.casesRun());
        assertEquals(2, seen.size());
        assertTrue(overlapped.get(), "two threads never executed at the same time");
    }

    @Test
    void aDurationEndsTheCampaign() {
        FuzzReport report = FuzzCampaign.builder(transLogAgainst("trans_log", SkewedVms.transLog()))
                .count(Long.MAX_VALUE).duration(java.time.Duration.ofMillis(300)).build().run();
        assertTrue(report.casesRun() > 0);
        assertEquals(java.util.Optional.empty(), report.firstDisagreement());
    }

    @Test
    void noCaseRunsAfterRunHasReturnedOrThrown() throws Exception {
        java.util.concurrent.atomic.AtomicLong executions = new java.util.concurrent.atomic.AtomicLong();
        org.dvmc.spi.Vm transLog = SkewedVms.transLog();
        DiffVm counted = new DiffVm("counted", (host, revision, message, code) -> {
            executions.incrementAndGet();
            return transLog.retrieveDescVx(host, revision, message, code);
        });
        FuzzCampaign campaign = FuzzCampaign.builder(List.of(counted, counted)).seed(3).count(Long.MAX_VALUE)
                .threads(2).progressInterval(java.time.Duration.ofMillis(20)).build();
        IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> campaign.run(new FuzzListener() {
                    @Override
                    public boolean onDisagreement(FuzzReport.Finding finding) {
                        return false;
                    }

                    @Override
                    public void onProgress(long casesRun, long elapsedNanos) {
                        throw new UnsupportedOperationException("planted");
                    }
                }));
        assertTrue(failure.getMessage().contains("onProgress"), failure.getMessage());
        long whenItThrew = executions.get();
        Thread.sleep(200);
        assertEquals(whenItThrew, executions.get(), "cases still ran after run threw");
    }
}
