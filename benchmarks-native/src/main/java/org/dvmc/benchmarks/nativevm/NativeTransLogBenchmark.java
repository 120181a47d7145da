package org.dvmc.benchmarks.nativevm;

import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
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
 * One execution of a trans_log program: the native trans_log through the bridge ({@code vm=native}) or the Java
 * trans_log called directly ({@code vm=java}). With {@code program=sload-0} and {@code sload-100}, the
 * difference divided by 100 is one SLOAD: for {@code native} a host callback through an upcall. Compare with
 * bench_driver.cpp, the same library and programs driven by a C++ loop (benchmarks-native/run.sh runs both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NativeTransLogBenchmark {

    @Param({"native", "java"})
    public String vm;

    @Param({"address", "calldata", "counter", "push32", "sload-0", "sload-100", "sload-0-trivial", "sload-100-trivial"})
    public String program;

    private VmLoader loader;
    private Vm instance;
    private MockedHost host;
    private Message message;
    private NativeSetup.Program code;

    @Setup
    public void setUp() throws Exception {
        loader = NativeSetup.loader();
        code = NativeSetup.program(program);
        instance = NativeSetup.open(vm, loader, code);
        host = code.newHost();
        message = code.message();
    }

    @TearDown
    public void tearDown() {
        loader.close();
    }

    /** @return the closed result of one execution */
    @Benchmark
    public Result execute() {
        Result result = instance.retrieveDescVx(host, Revision.CANCUN, message, code.code());
        result.close();
        return result;
    }
}
