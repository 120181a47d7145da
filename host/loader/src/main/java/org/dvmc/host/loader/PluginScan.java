package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PF4J plugin manager and what it made of a list of jars: a report per jar and the factories of
 * the accepted ones. Closing it stops and unloads every plugin and closes their class loaders, which
 * releases the jar files.
 *
 * <p>Loading steps 1 to 3 for a list of jars (docs/HOST_GUIDE.md, "Where each loading step lives"): each jar
 * is copied privately and, when pinning, checked against the trusted digests ({@link PrivateJarCopies}); its
 * manifest and services file are inspected ({@link JarInspector}: ABI gate, plugin id, native or Java); the
 * jars that pass are loaded by PF4J ({@link DvmcPluginManager}) and their factories created
 * ({@link FactoryDiscovery}).
 *
 * <p>The scan runs in phases so that each costs once rather than once per jar: inspect each jar
 * (manifest and services file, no class loader) and hand the ones that pass to PF4J; resolve them all
 * together; then start each plugin and create its factories. A jar that fails in any phase is reported
 * as rejected, leaves nothing loaded, and never stops the others.
 *
 * <p>Built and closed from one thread; the results are immutable and may be read from any thread.
 */
final class PluginScan implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginScan.class);

    private final DvmcPluginManager manager;
    private final PrivateJarCopies copies;
    private final List<PluginReport> reports;
    private final List<VmEntry> entries;
    private boolean closed;

    private PluginScan(DvmcPluginManager manager, PrivateJarCopies copies, List<PluginReport> reports,
            List<VmEntry> entries) {
        this.manager = manager;
        this.copies = copies;
        this.reports = List.copyOf(reports);
        this.entries = List.copyOf(entries);
    }

    /** A jar that passed inspection and is registered with PF4J; {@code index} is its place in the scan. */
    private record Loaded(int index, JarInspector.Passed inspection, PluginWrapper wrapper) {
        DvmcPluginDescriptor descriptor() {
            return inspection.descriptor();
        }
    }

    /** Scans {@code jars} without a trust file or digests; see {@link #scan(Path, List, Optional, boolean)}. */
    static PluginScan scan(Path root, List<Path> jars) {
        return scan(root, jars, Optional.empty(), false);
    }

    /**
     * Scans {@code jars}; the reports come in the same order. Each jar is first copied privately and
     * hashed ({@link PrivateJarCopies}); with {@code trusted} digests, a jar whose SHA-256 is not among them
     * is rejected before anything else is read of it.
     *
     * @param root    the directory PF4J is told it manages (informational; PF4J never scans it)
     * @param trusted the SHA-256 digests (lower-case hex) of the only jars that may load, if pinning is on
     * @param digests whether to compute every jar's SHA-256 for the reports even without pinning
     */
    static PluginScan scan(Path root, List<Path> jars, Optional<TrustedDigests> trusted, boolean digests) {
        DvmcPluginManager manager = new DvmcPluginManager(root);
        PrivateJarCopies copies = new PrivateJarCopies();
        try {
            return scan(manager, copies, jars, trusted, digests || trusted.isPresent());
        } catch (Throwable t) {
            // Never expected (every step reports its failures), but the copies must not outlive a failed scan.
            closeQuietly(manager);
            copies.close();
            throw t;
        }
    }

    private static PluginScan scan(DvmcPluginManager manager, PrivateJarCopies copies, List<Path> jars,
            Optional<TrustedDigests> trusted, boolean hash) {
        JarInspector inspector = new JarInspector(manager.inspectedDescriptors());
        PluginReport[] reports = new PluginReport[jars.size()];
        String[] digests = new String[jars.size()];
        List<Loaded> loaded = new ArrayList<>();
        List<VmEntry> entries = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            PrivateJarCopies.Taken taken;
            try {
                taken = copies.take(jars.get(i), hash);
            } catch (LoaderException e) {
                reports[i] = rejectedReport(jars.get(i), Optional.empty(), Optional.empty(), e);
                continue;
            }
            digests[i] = taken.sha256().orElse(null);
            if (trusted.isPresent() && !trusted.get().contains(taken.sha256().orElseThrow())) {
                reports[i] = rejectedReport(jars.get(i), Optional.empty(), Optional.empty(),
                        trusted.get().notTrusted(jars.get(i), taken.sha256().orElseThrow()));
                continue;
            }
            JarInspector.Inspection inspection = inspector.inspect(taken);
            if (inspection instanceof JarInspector.Rejected rejected) {
                reports[i] = rejected.report();
            } else if (inspection instanceof JarInspector.Native nativeVm) {
                // A native plugin jar holds no classes: no PF4J class loader, its library is extracted on first use.
                NativePluginManifest manifest = nativeVm.manifest();
                entries.add(new VmEntry(manifest.codename(), NativeVmFactory.ofPlugin(nativeVm.jar(), taken.copy(), manifest),
                        new VmSource.Plugin(nativeVm.pluginId(), nativeVm.pluginVersion(), nativeVm.jar())));
                reports[i] = acceptedReport(nativeVm.jar(), nativeVm.pluginId(), nativeVm.pluginVersion(),
                        List.of(manifest.codename()));
            } else {
                JarInspector.Passed passed = (JarInspector.Passed) inspection;
                try {
                    loaded.add(new Loaded(i, passed, register(manager, passed.descriptor())));
                } catch (LoaderException e) {
                    reports[i] = rejected(passed.descriptor(), e);
                }
            }
        }
        Optional<Throwable> resolveFailure = resolve(manager);
        for (Loaded plugin : loaded) {
            reports[plugin.index()] = startAndDiscover(manager, plugin, resolveFailure, entries);
        }
        for (int i = 0; i < reports.length; i++) {
            if (digests[i] != null) {
                reports[i] = withSha256(reports[i], digests[i]);
            }
        }
        for (PluginReport report : reports) {
            if (report.accepted()) {
                log.debug("Accepted plugin jar {} providing {}", report.jar(), report.codenames());
            } else {
                log.debug("Rejected plugin jar {}: {}", report.jar(), report.rejection().orElseThrow().getMessage());
            }
        }
        return new PluginScan(manager, copies, Arrays.asList(reports), entries);
    }

    /** A report per jar, in the order the jars were given. */
    List<PluginReport> reports() {
        return reports;
    }

    /** The factories of the accepted jars, in jar order then services-file order. */
    List<VmEntry> entries() {
        return entries;
    }

    /** Hands an inspected jar to PF4J: class loader made, plugin registered, not resolved or started. */
    private static PluginWrapper register(DvmcPluginManager manager, DvmcPluginDescriptor descriptor)
            throws LoaderException {
        Path jar = descriptor.jar();
        PluginWrapper sameId = manager.getPlugin(descriptor.getPluginId());
        if (sameId != null) {
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "plugin jar " + jar + " has Plugin-Id "
                    + descriptor.getPluginId() + ", which plugin jar "
                    + ((DvmcPluginDescriptor) sameId.getDescriptor()).jar()
                    + " already uses; give each plugin a unique Plugin-Id, or remove one of the jars");
        }
        DvmcPluginManager.InspectedDescriptorFinder descriptors = manager.inspectedDescriptors();
        descriptors.register(descriptor);
        try {
            return manager.loadUnresolved(descriptor.loadedFrom());
        } catch (Throwable t) {
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "PF4J cannot load plugin jar " + jar + " ("
                    + t.getMessage() + "); fix the plugin's manifest or rebuild it", t);
        } finally {
            descriptors.forget(descriptor.loadedFrom());
        }
    }

    /** Resolves every registered plugin; the failure, if even the recovery failed. */
    private static Optional<Throwable> resolve(DvmcPluginManager manager) {
        try {
            manager.resolveLoaded();
            return Optional.empty();
        } catch (Throwable t) {
            return Optional.of(t);
        }
    }

    private static PluginReport startAndDiscover(DvmcPluginManager manager, Loaded plugin,
            Optional<Throwable> resolveFailure, List<VmEntry> entries) {
        DvmcPluginDescriptor descriptor = plugin.descriptor();
        Path jar = descriptor.jar();
        String pluginId = descriptor.getPluginId();
        try {
            if (manager.getPlugin(pluginId) == null || plugin.wrapper().getPluginState() != PluginState.RESOLVED) {
                throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "plugin jar " + jar
                        + " cannot be resolved" + resolveFailure.map(t -> " (" + t.getMessage() + ")").orElse("")
                        + ": its Plugin-Dependencies " + descriptor.getDependencies() + " are missing, of the wrong"
                        + " version or circular; a DVMC plugin should depend on the spi only", resolveFailure.orElse(null));
            }
            start(manager, plugin.wrapper());
            VmSource source = new VmSource.Plugin(pluginId, descriptor.getVersion(), jar);
            List<VmEntry> found = FactoryDiscovery.inPlugin(plugin.inspection().factories(),
                    plugin.inspection().withClassFile(), plugin.wrapper().getPluginClassLoader(), source);
            entries.addAll(found);
            return acceptedReport(jar, pluginId, descriptor.getVersion(),
                    found.stream().map(VmEntry::codename).toList());
        } catch (LoaderException e) {
            manager.unloadQuietly(pluginId);
            return rejected(descriptor, e);
        } catch (Throwable t) {
            manager.unloadQuietly(pluginId);
            return rejected(descriptor, new LoaderException(LoaderErrorCode.CANNOT_OPEN, "PF4J cannot start plugin jar "
                    + jar + " (" + t + "); fix the plugin's manifest or rebuild it", t));
        }
    }

    private static void start(DvmcPluginManager manager, PluginWrapper wrapper) throws LoaderException {
        Path jar = ((DvmcPluginDescriptor) wrapper.getDescriptor()).jar();
        try {
            // Made here rather than inside startPlugin so that a failure keeps its cause and is not
            // logged by PF4J as an error: the scan report carries it.
            wrapper.getPlugin();
        } catch (Throwable t) {
            Throwable cause = FactoryDiscovery.realCause(t);
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, "plugin jar " + jar + ": its Plugin-Class "
                    + wrapper.getDescriptor().getPluginClass() + " cannot be created (" + cause + "); fix the class"
                    + " or remove Plugin-Class from the manifest (DVMC plugins need none)", cause);
        }
        PluginState state = manager.startPlugin(wrapper.getPluginId());
        if (state != PluginState.STARTED) {
            Throwable cause = wrapper.getFailedException();
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, "plugin jar " + jar
                    + " did not start (state " + state + (cause == null ? "" : ", " + cause)
                    + "); fix its Plugin-Class", cause);
        }
    }

    private static PluginReport rejected(DvmcPluginDescriptor descriptor, LoaderException rejection) {
        return rejectedReport(descriptor.jar(), Optional.of(descriptor.getPluginId()),
                Optional.of(descriptor.getVersion()), rejection);
    }

    private static PluginReport acceptedReport(Path jar, String pluginId, String pluginVersion, List<String> codenames) {
        return new PluginReport.Accepted(jar, pluginId, pluginVersion, codenames.stream().sorted().toList(),
                Optional.empty());
    }

    private static PluginReport rejectedReport(Path jar, Optional<String> pluginId, Optional<String> pluginVersion,
            LoaderException rejection) {
        return new PluginReport.Rejected(jar, pluginId, pluginVersion, rejection, Optional.empty());
    }

    /** {@code report} with the jar's digest. */
    private static PluginReport withSha256(PluginReport report, String digest) {
        if (report instanceof PluginReport.Accepted accepted) {
            return new PluginReport.Accepted(accepted.jar(), accepted.id(), accepted.version(), accepted.codenames(),
                    Optional.of(digest));
        }
        PluginReport.Rejected rejected = (PluginReport.Rejected) report;
        return new PluginReport.Rejected(rejected.jar(), rejected.pluginId(), rejected.pluginVersion(),
                rejected.reason(), Optional.of(digest));
    }

    /** Stops and unloads every plugin, closing its class loader; idempotent, never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(manager);
        // After the class loaders: they read the copies until closed.
        copies.close();
    }

    private static void closeQuietly(DvmcPluginManager manager) {
        List<PluginWrapper> plugins = new ArrayList<>(manager.getPlugins());
        for (int i = plugins.size() - 1; i >= 0; i--) {
            manager.unloadQuietly(plugins.get(i).getPluginId());
        }
    }
}
