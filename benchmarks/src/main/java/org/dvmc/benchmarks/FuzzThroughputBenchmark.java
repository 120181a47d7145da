package org.dvmc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.difftest.CaseGenerator;
import org.dvmc.host.difftest.DiffVm;
import org.dvmc.host.difftest.FuzzCampaign;
import org.dvmc.host.difftest.FuzzReport;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fuzz cases per second (issue 13's figure): a campaign of {@value #CASES} generated cases, Java trans_log (loaded
 * from its plugin jar) against a second instance of itself, as {@code dvmc --vm trans_log --vm trans_log fuzz}
 * runs it: each case on both VMs, each VM against its own fresh recording host, observations compared. One
 * operation is one case. Parameters: the generator and the number of threads (2 = both cores of the target machine).
 * Target: ≥ 20,000 cases/s with 2 threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FuzzThroughputBenchmark {

    static final int CASES = 10_000;

    @Param({"trans_log", "dvm"})
    public String generator;

    @Param({"1", "2"})
    public int threads;

    private PluginDirectory plugins;
    private VmLoader loader;
    private LoadedVm first;
    private LoadedVm second;
    private List<DiffVm> vms;
    private long seed;

    /** Loads trans_log twice from its plugin jar and checks a campaign finds no disagreement. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        plugins = PluginDirectory.withTransLog();
        loader = VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
        first = loader.load(TransLogVmFactory.CODENAME);
        second = loader.load(TransLogVmFactory.CODENAME);
        vms = List.of(DiffVm.of(first), DiffVm.of(second));
        FuzzReport check = campaign(0).run();
        if (check.firstDisagreement().isPresent() || check.casesRun() != CASES) {
            throw new IllegalStateException("trans_log disagrees with itself: " + check);
        }
    }

    private FuzzCampaign campaign(long campaignSeed) {
        return FuzzCampaign.builder(vms).seed(campaignSeed).count(CASES).threads(threads)
                .generator(CaseGenerator.named(generator)).build();
    }

    /** Closes the VMs and the loader, and deletes the plugins directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        first.close();
        second.close();
        loader.close();
        plugins.close();
    }

    /** One campaign of {@value #CASES} cases, a new seed each time (so the JIT sees ever new programs). */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public long campaign() {
        return campaign(++seed).run().casesRun();
    }
}
