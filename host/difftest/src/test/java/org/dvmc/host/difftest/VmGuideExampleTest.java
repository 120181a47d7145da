package org.dvmc.host.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.dvmc.host.difftest.fixtures.SkewedVms;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.junit.jupiter.api.Test;

/** The example of docs/VM_GUIDE.md's "Differential testing against a reference VM", with trans_log as "my_vm". */
class VmGuideExampleTest {

    @Test
    void agreesWithTheReferenceOnGeneratedPrograms() {
        List<DiffVm> vms = List.of(
                DiffVm.of("trans_log", new TransLogVmFactory().create()),
                DiffVm.of("my_vm", new TransLogVmFactory().create()));
        FuzzReport report = FuzzCampaign.builder(vms).seed(42).count(10_000).generator(new DvmGenerator())
                .build().run();
        report.firstDisagreement().ifPresent(finding -> {
            DiffEngine engine = new DiffEngine();
            DiffCase small = new Shrinker(Shrinker.sameDisagreement(engine, vms, finding.comparison()),
                    Shrinker.DEFAULT_MAX_ATTEMPTS)
                    .shrink(finding.comparison().diffCase()).shrunk();
            fail("case " + finding.index() + " shrunk to " + small.code().toHex() + ": "
                    + engine.compare(small, vms).differences());
        });
    }

    @Test
    void theSameExampleReportsAPlantedDifference() {
        List<DiffVm> vms = List.of(DiffVm.of("trans_log", new TransLogVmFactory().create()),
                DiffVm.of("my_vm", SkewedVms.flippedOutput()));
        FuzzReport report = FuzzCampaign.builder(vms).seed(42).count(10_000).generator(new DvmGenerator()).build().run();
        FuzzReport.Finding finding = report.firstDisagreement().orElseThrow();
        DiffEngine engine = new DiffEngine();
        DiffCase small = new Shrinker(Shrinker.sameDisagreement(engine, vms, finding.comparison()),
                Shrinker.DEFAULT_MAX_ATTEMPTS)
                .shrink(finding.comparison().diffCase()).shrunk();
        assertEquals("output", engine.compare(small, vms).differences().get(0).field());
    }
}
