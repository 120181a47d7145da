package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderErrorCode;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.VmEntry;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Capability;

/**
 * Builds the {@link VmListing} of a loader: creates every selectable VM once through the loader (so
 * the ABI check applies), asks it for its name, version, ABI version and capabilities, and closes it.
 * Stateless.
 */
final class VmCatalog {

    private VmCatalog() {
    }

    /** The listing of everything {@code loader} found in {@code pluginsDirectory} and on the classpath. */
    static VmListing of(VmLoader loader, Path pluginsDirectory) {
        List<VmListing.Vm> vms = new ArrayList<>();
        for (VmEntry entry : loader.entries()) {
            vms.add(describe(loader, entry));
        }
        List<PluginReport> rejected = loader.pluginReports().stream().filter(report -> !report.accepted()).toList();
        Map<Path, String> digests = new HashMap<>();
        for (PluginReport report : loader.pluginReports()) {
            report.sha256().ifPresent(digest -> digests.put(report.jar(), digest));
        }
        return new VmListing(pluginsDirectory, vms, rejected, loader.conflicts(), loader.classpathProblems(),
                loader.pluginsDirectoryProblem(), digests);
    }

    private static VmListing.Vm describe(VmLoader loader, VmEntry entry) {
        try (LoadedVm loaded = loader.load(entry.codename())) {
            // Guarded: each answer is plugin code, and may throw anything or return null.
            Set<Capability> capabilities = loaded.capabilities();
            VmListing.Facts facts = new VmListing.Facts(loaded.name(), loaded.version(), loaded.vm().abiVersion(),
                    capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
            return new VmListing.Described(entry.codename(), entry.source(), facts, entry.isNative());
        } catch (LoaderException e) {
            return new VmListing.Failed(entry.codename(), entry.source(), VmListing.Problem.of(e), entry.isNative());
        } catch (Throwable e) {
            // A VM whose name(), version() or capabilities() throws still gets a line, with the reason.
            return new VmListing.Failed(entry.codename(), entry.source(), new VmListing.Problem(
                    LoaderErrorCode.VM_CREATION_FAILURE.code(), LoaderErrorCode.VM_CREATION_FAILURE.name(),
                    "VM " + entry.codename() + " from " + entry.source().describe() + " failed to describe itself: " + e),
                    entry.isNative());
        }
    }
}
