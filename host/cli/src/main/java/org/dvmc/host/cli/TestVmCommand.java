package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.CheckResult;
import org.dvmc.host.testkit.ConformanceSuite;
import org.dvmc.spi.Vm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dvmc --vm CONFIG test-vm}: runs the testkit's conformance suite against the selected VM,
 * each check on a fresh instance created and configured by the loader. Prints one line per check and
 * {@code N passed, M failed}; exits with 0 when every check passed, else 1.
 */
@Command(name = "test-vm", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = {"Runs the conformance suite against the VM selected with --vm.",
            "Prints one line per check, then a summary; exit status 0 when every check passed, 1 when one failed."})
final class TestVmCommand implements Callable<Integer> {

    @ParentCommand
    private DvmcCommand dvmc;

    @Override
    public Integer call() {
        String config = dvmc.requireVmConfig();
        PrintWriter out = dvmc.invocation().out();
        try (VmLoader loader = dvmc.openLoader()) {
            // Loading once up front turns a configuration the loader refuses into its exit code, not 30 failed checks.
            DvmcCommand.load(loader, config).close();
            Queue<LoadedVm> loaded = new ConcurrentLinkedQueue<>();
            try {
                return runSuite(config, instancesOf(loader, config, loaded), out);
            } finally {
                // The suite closes the instances it made; closing their LoadedVm again is safe and frees
                // the rest, and must happen before the loader closes their plugins.
                loaded.forEach(LoadedVm::close);
            }
        }
    }

    /** Makes a fresh configured instance per call, remembering each for closing. */
    private static Supplier<Vm> instancesOf(VmLoader loader, String config, Queue<LoadedVm> loaded) {
        return () -> {
            try {
                LoadedVm vm = loader.load(config);
                loaded.add(vm);
                return vm.vm();
            } catch (LoaderException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    private static int runSuite(String config, Supplier<Vm> freshInstance, PrintWriter out) {
        out.print(RunReport.config(config));
        List<CheckResult> results = ConformanceSuite.forSupplier(config, freshInstance).run();
        long failed = 0;
        for (CheckResult result : results) {
            out.print(result.line() + "\n");
            if (!result.passed()) {
                failed++;
            }
        }
        out.print("\n" + (results.size() - failed) + " passed, " + failed + " failed\n");
        return failed == 0 ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
}
