package org.dvmc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.VmLoader;
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
 * The first load in a fresh JVM, as a command-line host pays it: scan, ABI gate, start every accepted plugin,
 * create one VM (the last codename), close — once per fork, with no warm-up, so the loader, PF4J and the
 * plugins' classes are loaded and run cold. Milliseconds. {@link LoadingBenchmark} gives the warmed figures.
 *
 * <p>The setup only writes the jars (it must not load them, or the measured load would no longer be the first).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdLoadingBenchmark {

    /** {@code accepted+rejected} jar counts. */
    @Param({"1+0", "10+0", "100+0", "50+50"})
    public String layout;

    private PluginDirectory work;
    private PluginDirectory plugins;
    private String selected;

    /** Generates the layout's jars. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] counts = layout.split("\\+");
        work = PluginDirectory.create("dvmc-bench-work-");
        plugins = PluginDirectory.create("dvmc-bench-plugins-");
        List<String> accepted = PluginJarGenerator.create(work.path())
                .writeLayout(plugins.path(), Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
        selected = accepted.get(accepted.size() - 1);
    }

    /**
     * @return the ABI version of the one VM created
     * @throws LoaderException if the VM cannot be loaded (a broken benchmark)
     */
    @Benchmark
    public int firstLoad() throws LoaderException {
        try (VmLoader loader = VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
                LoadedVm vm = loader.load(selected)) {
            return vm.vm().abiVersion();
        }
    }

    /** Deletes the generated jars. */
    @TearDown(Level.Trial)
    public void tearDown() {
        plugins.close();
        work.close();
    }
}
