package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.slf4j.LoggerFactory;

/**
 * PF4J's plugin manager set up for DVMC: it loads exactly the jars it is handed (never scanning a
 * directory itself), takes their descriptors from the {@link JarInspector} (through its nested
 * {@link InspectedDescriptorFinder}), re-checks the ABI gate ({@link JarInspector#checkAbi}) in
 * {@link #validatePluginDescriptor}, gives every plugin a {@link SpiFirstPluginClassLoader}, creates
 * plain {@link org.pf4j.Plugin}s for jars without {@code Plugin-Class}, and ignores PF4J's
 * {@code enabled.txt}/{@code disabled.txt} and extension indexes, which DVMC does not use.
 *
 * <p>Not thread-safe, like PF4J's own managers; {@link PluginScan} uses it from one thread.
 */
final class DvmcPluginManager extends DefaultPluginManager {

    DvmcPluginManager(Path pluginsRoot) {
        super(pluginsRoot);
        // A plugin with unresolvable dependencies is dropped alone instead of failing every plugin.
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * The descriptor finder of this manager: it hands PF4J the descriptors the {@link JarInspector} already
     * read, so each manifest is read once, and only jars that passed the inspection (ABI gate included) are
     * ever {@link #isApplicable applicable}.
     */
    static final class InspectedDescriptorFinder extends ManifestPluginDescriptorFinder {

        private final Map<Path, DvmcPluginDescriptor> inspected = new ConcurrentHashMap<>();

        /** Reads PF4J's fields from {@code manifest} into a descriptor for {@code jar}; does not register it. */
        DvmcPluginDescriptor describe(Path jar, java.util.jar.Manifest manifest, String abiVersion) {
            return ((DvmcPluginDescriptor) createPluginDescriptor(manifest)).located(jar, abiVersion);
        }

        /** Makes {@code descriptor} what {@link #find} answers for the file PF4J loads, {@link DvmcPluginDescriptor#loadedFrom()}. */
        void register(DvmcPluginDescriptor descriptor) {
            inspected.put(descriptor.loadedFrom(), descriptor);
        }

        /** Forgets the descriptor of the loaded file {@code jar}. */
        void forget(Path jar) {
            inspected.remove(jar);
        }

        @Override
        protected DefaultPluginDescriptor createPluginDescriptorInstance() {
            return new DvmcPluginDescriptor();
        }

        @Override
        public boolean isApplicable(Path pluginPath) {
            return inspected.containsKey(pluginPath);
        }

        @Override
        public PluginDescriptor find(Path pluginPath) {
            DvmcPluginDescriptor descriptor = inspected.get(pluginPath);
            if (descriptor == null) {
                // Only inspected jars may reach PF4J; anything else would bypass the ABI gate.
                throw new PluginRuntimeException("Plugin jar {} was not inspected by the DVMC loader", pluginPath);
            }
            return descriptor;
        }
    }

    /** The finder that holds the inspected descriptors. */
    InspectedDescriptorFinder inspectedDescriptors() {
        return (InspectedDescriptorFinder) getPluginDescriptorFinder();
    }

    /**
     * Loads the inspected jar: makes its class loader and registers the plugin, unresolved and not
     * started. Call {@link #resolveLoaded()} once after loading a batch.
     *
     * @throws RuntimeException (PF4J's exceptions) if PF4J refuses the jar; nothing stays registered
     */
    PluginWrapper loadUnresolved(Path jar) {
        return loadPluginFromPath(jar);
    }

    /**
     * Resolves every loaded plugin at once (resolving after each jar would cost a dependency graph of
     * all plugins per jar). Plugins whose dependencies are missing or of the wrong version are unloaded
     * by PF4J; on a dependency cycle every plugin that declares dependencies is unloaded. The caller
     * finds out which by {@link #getPlugin}. Never throws for a plugin's dependencies.
     */
    void resolveLoaded() {
        try {
            resolvePlugins();
        } catch (RuntimeException cycle) {
            for (PluginWrapper plugin : getPlugins()) {
                if (!plugin.getDescriptor().getDependencies().isEmpty()) {
                    unloadQuietly(plugin.getPluginId());
                }
            }
            resolvePlugins();
        }
    }

    /**
     * Unloads the plugin if it is loaded, closing its class loader; never throws. Dependents are not
     * followed: PF4J's walk over dependents never ends on a dependency cycle, and DVMC plugins are
     * unloaded one by one anyway.
     */
    void unloadQuietly(String pluginId) {
        try {
            if (getPlugin(pluginId) != null) {
                unloadPlugin(pluginId, false, false);
            }
        } catch (RuntimeException e) {
            // The plugin is being discarded anyway; PF4J has closed its class loader where it could.
            LoggerFactory.getLogger(DvmcPluginManager.class).debug("Unloading plugin {} failed", pluginId, e);
        }
    }

    @Override
    protected void validatePluginDescriptor(PluginDescriptor descriptor) {
        super.validatePluginDescriptor(descriptor);
        if (!(descriptor instanceof DvmcPluginDescriptor dvmc)) {
            throw new PluginRuntimeException("Plugin {} was not inspected by the DVMC loader", descriptor.getPluginId());
        }
        JarInspector.checkAbi(dvmc.jar(), dvmc.abiVersion().orElse(null)).ifPresent(problem -> {
            throw new PluginRuntimeException(problem.getMessage());
        });
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new InspectedDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new SpiFirstJarPluginLoader(this);
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new PlainPluginFactory();
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return List.of();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                throw new UnsupportedOperationException("DVMC plugins cannot be disabled; remove the jar instead");
            }

            @Override
            public void enablePlugin(String pluginId) {
            }
        };
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        // VM factories are found through META-INF/services per plugin (FactoryDiscovery), not PF4J extensions.
        return new ExtensionFinder() {
            @Override
            public <T> List<ExtensionWrapper<T>> find(Class<T> type) {
                return List.of();
            }

            @Override
            public <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
                return List.of();
            }

            @Override
            @SuppressWarnings("rawtypes")
            public List<ExtensionWrapper> find(String pluginId) {
                return List.of();
            }

            @Override
            public Set<String> findClassNames(String pluginId) {
                return Set.of();
            }
        };
    }
}
