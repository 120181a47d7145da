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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one native trans_log instance (through the bridge) from 1 and from 2 threads, each thread with
 * its own host, on the {@code address} example. Two threads should give at least 1.8 times one thread's
 * executions per microsecond on a machine with two free cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NativeScalingBenchmark {

    /** The one instance all threads share. */
    @State(Scope.Benchmark)
    public static class Shared {
        VmLoader loader;
        Vm vm;
        NativeSetup.Program program = NativeSetup.program("address");

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            loader = NativeSetup.loader();
            vm = NativeSetup.open("native", loader, program);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            loader.close();
        }
    }

    /** Each thread's host and message. */
    @State(Scope.Thread)
    public static class PerThread {
        MockedHost host;
        Message message;

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            host = shared.program.newHost();
            message = shared.program.message();
        }
    }

    private static Result run(Shared shared, PerThread mine) {
        Result result = shared.vm.retrieveDescVx(mine.host, Revision.CANCUN, mine.message, shared.program.code());
        result.close();
        return result;
    }

    @Benchmark
    @Threads(1)
    public Result oneThread(Shared shared, PerThread mine) {
        return run(shared, mine);
    }

    @Benchmark
    @Threads(2)
    public Result twoThreads(Shared shared, PerThread mine) {
        return run(shared, mine);
    }
}
