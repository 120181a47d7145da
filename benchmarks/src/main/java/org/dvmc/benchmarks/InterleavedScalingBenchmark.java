package org.dvmc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Result;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scaling from 1 to 2 threads on ONE trans_log instance (loaded from its plugin jar, called through the host's
 * guard), measured so that machine noise cancels: each round runs a phase in which one thread executes
 * {@value #BATCH} times, then a phase in which two threads (the benchmark thread and a helper, each with its
 * own hosts) execute {@value #BATCH} times each at once. Phases last a few milliseconds, far shorter than the
 * shared machine's drifts in speed, which otherwise dominate a comparison of separate runs
 * ({@link ConcurrencyBenchmark}).
 *
 * <p>The result is in the secondary counters, sums per iteration; scaling =
 * {@code (twoThreadExecutions / twoThreadNanos) / (oneThreadExecutions / oneThreadNanos)} (target ≥ 1.8 on 2
 * cores). The trial teardown prints it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterleavedScalingBenchmark {

    /** Executions per thread and phase (four examples in turn): a few milliseconds. */
    static final int BATCH = 8_000;

    /** {@code all} runs the four examples in turn; an example's name runs that one only. */
    @Param({"all"})
    public String examples;

    /**
     * {@code shared}: both threads call the one instance (the figure the target is about); {@code perThread}:
     * the helper calls a second instance of its own, a control that shows what sharing the instance costs.
     */
    @Param({"shared", "perThread"})
    public String instance;

    private List<Example> programs;
    private LoadedVm helperVm;
    private PluginDirectory plugins;
    private VmLoader loader;
    private LoadedVm vm;
    private Thread helper;
    private final AtomicInteger helperRounds = new AtomicInteger();
    private final AtomicInteger helperDone = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Object helperSink;
    private Object mainSink;
    private int rounds;

    /** Loads trans_log, checks every example on it, and starts the parked helper thread. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        plugins = PluginDirectory.withTransLog();
        loader = VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
        vm = loader.load(TransLogVmFactory.CODENAME);
        programs = examples.equals("all") ? Examples.ALL : List.of(Examples.named(examples), Examples.named(examples),
                Examples.named(examples), Examples.named(examples));
        for (Example example : programs) {
            ExampleRunner.verify(example, vm::execute);
        }
        helperVm = instance.equals("shared") ? vm : loader.load(TransLogVmFactory.CODENAME);
        Thread main = Thread.currentThread();
        helper = new Thread(() -> helperLoop(main), "scaling-helper");
        helper.setDaemon(true);
        helper.start();
    }

    private void helperLoop(Thread main) {
        MockedHost[] hosts = newHosts();
        int seen = 0;
        while (!stopping) {
            if (helperRounds.get() == seen) {
                LockSupport.park(this);
                continue;
            }
            seen++;
            helperSink = executeBatch(helperVm, hosts);
            helperDone.incrementAndGet();
            LockSupport.unpark(main);
        }
    }

    /**
     * One round: a one-thread phase, then a two-thread phase.
     *
     * @param totals this iteration's counters
     */
    @Benchmark
    public void round(ScalingTotals totals) {
        MockedHost[] hosts = mainHosts();
        long start = System.nanoTime();
        mainSink = executeBatch(vm, hosts);
        long oneDone = System.nanoTime();
        rounds++;
        helperRounds.incrementAndGet();
        LockSupport.unpark(helper);
        mainSink = executeBatch(vm, hosts);
        while (helperDone.get() < rounds) {
            LockSupport.parkNanos(this, 1_000);
        }
        long twoDone = System.nanoTime();
        totals.oneThreadNanos += oneDone - start;
        totals.oneThreadExecutions += BATCH;
        totals.twoThreadNanos += twoDone - oneDone;
        totals.twoThreadExecutions += 2L * BATCH;
    }

    private MockedHost[] mainHostsCache;

    private MockedHost[] mainHosts() {
        if (mainHostsCache == null) {
            mainHostsCache = newHosts();
        }
        return mainHostsCache;
    }

    private MockedHost[] newHosts() {
        return programs.stream().map(Example::newHost).toArray(MockedHost[]::new);
    }

    private Result executeBatch(LoadedVm vm, MockedHost[] hosts) {
        List<Example> examples = programs;
        Result last = null;
        for (int i = 0; i < BATCH; i++) {
            int which = i & 3;
            Example example = examples.get(which);
            last = vm.execute(hosts[which], example.revision(), example.message(), example.code());
            last.close();
        }
        return last;
    }

    /** Stops the helper, closes the VM and the loader. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        stopping = true;
        LockSupport.unpark(helper);
        helper.join(10_000);
        if (helperVm != vm) {
            helperVm.close();
        }
        vm.close();
        loader.close();
        plugins.close();
        if (mainSink == null || helperSink == null) {
            throw new IllegalStateException("no execution ran");
        }
    }
}
