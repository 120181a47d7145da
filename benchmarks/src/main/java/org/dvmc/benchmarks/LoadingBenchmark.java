package org.dvmc.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
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
 * Loading plugins: scan a directory of generated plugin jars, gate each on its manifest's ABI version, start
 * the accepted ones and find their factories (building a {@link VmLoader}), then create VMs, then close it all.
 * Milliseconds per whole cycle.
 * <ul>
 *   <li>{@code loadOne} — what {@code dvmc --vm CODENAME run} does: the loader plus one VM (the last codename);</li>
 *   <li>{@code loadAll} — the loader plus one VM of every accepted plugin, each created and closed.</li>
 * </ul>
 * Layouts ({@code accepted+rejected}): 1, 10, 50 and 100 accepted jars (time should grow linearly), and 50
 * accepted plus 50 whose manifest declares ABI {@value PluginJarGenerator#REJECTED_ABI_VERSION}: if rejected jars
 * cost nothing, {@code 50+50} costs what {@code 50+0} costs. The setup proves no rejected factory's class was
 * ever initialized.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class LoadingBenchmark {

    /** {@code accepted+rejected} jar counts. */
    @Param({"1+0", "10+0", "50+0", "100+0", "50+50"})
    public String layout;

    private PluginDirectory work;
    private PluginDirectory plugins;
    private List<String> acceptedCodenames;
    private String selected;

    /** Generates the layout's jars and checks one load of it. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String[] counts = layout.split("\\+");
        int accepted = Integer.parseInt(counts[0]);
        int rejected = Integer.parseInt(counts[1]);
        work = PluginDirectory.create("dvmc-bench-work-");
        plugins = PluginDirectory.create("dvmc-bench-plugins-");
        acceptedCodenames = PluginJarGenerator.create(work.path()).writeLayout(plugins.path(), accepted, rejected);
        selected = acceptedCodenames.get(acceptedCodenames.size() - 1);
        check(accepted, rejected);
    }

    private void check(int accepted, int rejected) throws LoaderException, IOException {
        try (VmLoader loader = newLoader()) {
            List<PluginReport> reports = loader.pluginReports();
            long acceptedReports = reports.stream().filter(PluginReport::accepted).count();
            if (reports.size() != accepted + rejected || acceptedReports != accepted) {
                throw new IllegalStateException("layout " + layout + ": the loader accepted " + acceptedReports
                        + " of " + reports.size() + " jars: " + reports);
            }
            for (String codename : acceptedCodenames) {
                try (LoadedVm vm = loader.load(codename)) {
                    ExampleRunner.verify(Examples.ADDRESS, vm::execute);
                }
            }
        }
        for (int index = accepted; index < accepted + rejected; index++) {
            String property = PluginJarGenerator.initializedProperty(PluginJarGenerator.codename(index));
            if (System.getProperty(property) != null) {
                throw new IllegalStateException("the ABI-rejected plugin " + PluginJarGenerator.codename(index)
                        + " had its factory class initialized");
            }
        }
        for (String codename : acceptedCodenames) {
            if (System.getProperty(PluginJarGenerator.initializedProperty(codename)) == null) {
                throw new IllegalStateException("the accepted plugin " + codename + " was never initialized");
            }
        }
        try (var files = Files.list(plugins.path())) {
            if (files.count() != accepted + rejected) {
                throw new IllegalStateException("the plugins directory does not hold " + (accepted + rejected)
                        + " jars");
            }
        }
    }

    private VmLoader newLoader() {
        return VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
    }

    /**
     * @return the ABI version of the one VM created, after loader and VM were closed
     * @throws LoaderException if the selected VM cannot be loaded
     */
    @Benchmark
    public int loadOne() throws LoaderException {
        try (VmLoader loader = newLoader(); LoadedVm vm = loader.load(selected)) {
            return vm.vm().abiVersion();
        }
    }

    /**
     * @return the sum of the created VMs' ABI versions
     * @throws LoaderException if a VM cannot be loaded
     */
    @Benchmark
    public int loadAll() throws LoaderException {
        int sum = 0;
        try (VmLoader loader = newLoader()) {
            for (String codename : acceptedCodenames) {
                try (LoadedVm vm = loader.load(codename)) {
                    sum += vm.vm().abiVersion();
                }
            }
        }
        return sum;
    }

    /** Deletes the generated jars. */
    @TearDown(Level.Trial)
    public void tearDown() {
        plugins.close();
        work.close();
    }
}
