package org.dvmc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Result;
import org.dvmc.spi.Vm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The host's overhead on {@code retrieveDescVx}: the same example executed three ways, each in its own JVM.
 * <ul>
 *   <li>{@code direct} — trans_log's class from the class path, called directly;</li>
 *   <li>{@code pluginVm} — the VM created from the plugin jar through the loader, its raw {@code Vm} called;</li>
 *   <li>{@code hostCall} — the same loaded VM called the way the host calls it, through
 *       {@link LoadedVm#execute}, with the guard the host puts around every call.</li>
 * </ul>
 * {@code hostCall / direct − 1} is the host's overhead (target ≤ 5 %). Average nanoseconds per execution.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostOverheadBenchmark {

    /** Which example of {@link Examples} runs. */
    @Param({"address", "calldata", "counter", "push32"})
    public String example;

    private Example program;
    private MockedHost host;
    private TransLogCallPaths paths;
    private Vm direct;
    private LoadedVm loaded;

    /** Creates both VMs, loads the plugin, and checks all three paths on the example before timing. */
    @Setup
    public void setUp() throws Exception {
        program = Examples.named(example);
        paths = TransLogCallPaths.open(program);
        direct = paths.direct();
        loaded = paths.loaded();
        host = program.newHost();
    }

    /** @return the closed result of the class-path VM called directly */
    @Benchmark
    public Result direct() {
        Result result = direct.retrieveDescVx(host, program.revision(), program.message(), program.code());
        result.close();
        return result;
    }

    /** @return the closed result of the plugin's VM called without the host's guard */
    @Benchmark
    public Result pluginVm() {
        Result result = loaded.vm().retrieveDescVx(host, program.revision(), program.message(), program.code());
        result.close();
        return result;
    }

    /** @return the closed result of the host's guarded call */
    @Benchmark
    public Result hostCall() {
        Result result = loaded.execute(host, program.revision(), program.message(), program.code());
        result.close();
        return result;
    }

    /** Closes the VMs and the loader, and deletes the plugins directory. */
    @TearDown
    public void tearDown() throws Exception {
        paths.close();
    }
}
