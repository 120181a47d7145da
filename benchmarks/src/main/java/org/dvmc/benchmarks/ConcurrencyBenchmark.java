package org.dvmc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Result;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Executions per second on ONE trans_log instance, loaded from its plugin jar and called through the host's
 * guard, from 1 and from 2 threads at once. Each thread has its own hosts (a host is one execution's world);
 * the VM instance is shared. One operation is one execution; each invocation runs the four examples in turn.
 * {@code twoThreads / oneThread} is the scaling (target ≥ 1.8 on 2 cores).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConcurrencyBenchmark {

    /** The one VM instance every thread uses. */
    @State(Scope.Benchmark)
    public static class SharedVm {
        private PluginDirectory plugins;
        private VmLoader loader;
        private LoadedVm vm;

        /** Loads trans_log from its plugin jar and checks every example on it. */
        @Setup
        public void setUp() throws Exception {
            plugins = PluginDirectory.withTransLog();
            loader = VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
            vm = loader.load(TransLogVmFactory.CODENAME);
            for (Example example : Examples.ALL) {
                ExampleRunner.verify(example, vm::execute);
            }
        }

        /** Closes the VM and the loader, and deletes the plugins directory. */
        @TearDown
        public void tearDown() throws Exception {
            vm.close();
            loader.close();
            plugins.close();
        }
    }

    /** One thread's hosts, one per example. */
    @State(Scope.Thread)
    public static class ThreadHosts {
        private final List<Example> examples = Examples.ALL;
        private MockedHost[] hosts;

        /** Prepares this thread's hosts. */
        @Setup
        public void setUp() {
            hosts = examples.stream().map(Example::newHost).toArray(MockedHost[]::new);
        }
    }

    /**
     * @param vm    the shared VM
     * @param hosts this thread's hosts
     * @param sink  consumes the results
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(4)
    public void oneThread(SharedVm vm, ThreadHosts hosts, Blackhole sink) {
        executeAll(vm, hosts, sink);
    }

    /**
     * @param vm    the shared VM
     * @param hosts this thread's hosts
     * @param sink  consumes the results
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(4)
    public void twoThreads(SharedVm vm, ThreadHosts hosts, Blackhole sink) {
        executeAll(vm, hosts, sink);
    }

    private static void executeAll(SharedVm vm, ThreadHosts hosts, Blackhole sink) {
        List<Example> examples = hosts.examples;
        for (int i = 0; i < 4; i++) {
            Example example = examples.get(i);
            Result result = vm.vm.execute(hosts.hosts[i], example.revision(), example.message(), example.code());
            result.close();
            sink.consume(result);
        }
    }
}
