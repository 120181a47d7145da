package org.dvmc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Vm;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmarks' setup honest without running a benchmark: the examples' expectations hold on trans_log,
 * a wrong result is caught, and the generated plugin jars are what the loading benchmarks claim.
 */
class BenchmarkSetupTest {

    @TempDir
    Path work;

    @TempDir
    Path plugins;

    @Test
    void everyExampleHoldsOnTransLog() {
        try (Vm vm = new TransLogVmFactory().create()) {
            for (Example example : Examples.ALL) {
                ExampleRunner.verify(example, vm::retrieveDescVx);
            }
        }
    }

    @Test
    void aWrongResultStopsTheBenchmark() {
        try (Vm vm = new TransLogVmFactory().create()) {
            IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> ExampleRunner.verify(
                    Examples.ADDRESS, (host, revision, message, code) -> vm.retrieveDescVx(host, revision, message,
                            Examples.PUSH32.code())));
            assertTrue(wrong.getMessage().startsWith("example address: expected output"), wrong.getMessage());
        }
    }

    @Test
    void generatedJarsAreDistinctPluginsAndRejectedOnesAreNeverInitialized() throws Exception {
        List<String> accepted = PluginJarGenerator.create(work).writeLayout(plugins, 2, 1);
        assertEquals(List.of("bench_vm_0000", "bench_vm_0001"), accepted);
        try (JarFile rejected = new JarFile(plugins.resolve("rejected-bench_vm_0002.jar").toFile())) {
            Attributes manifest = rejected.getManifest().getMainAttributes();
            assertEquals("bench_vm_0002", manifest.getValue("Plugin-Id"));
            assertEquals(Integer.toString(Dvmc.ABI_VERSION - 1), manifest.getValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE));
        }
        try (VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false).build()) {
            assertEquals(List.of(true, true, false), loader.pluginReports().stream().map(PluginReport::accepted).toList());
            try (LoadedVm vm = loader.load("bench_vm_0001")) {
                ExampleRunner.verify(Examples.COUNTER, vm::execute);
            }
        }
        assertEquals("true", System.getProperty(PluginJarGenerator.initializedProperty("bench_vm_0001")));
        assertEquals(null, System.getProperty(PluginJarGenerator.initializedProperty("bench_vm_0002")));
    }
}
