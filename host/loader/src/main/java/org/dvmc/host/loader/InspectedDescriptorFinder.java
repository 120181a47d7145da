package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;

/**
 * The descriptor finder of {@link DvmcPluginManager}: it hands PF4J the descriptors the
 * {@link JarInspector} already read, so each manifest is read once, and only jars that passed the
 * inspection (ABI gate included) are ever {@link #isApplicable applicable}.
 */
final class InspectedDescriptorFinder extends ManifestPluginDescriptorFinder {

    private final Map<Path, DvmcPluginDescriptor> inspected = new ConcurrentHashMap<>();

    /** Reads PF4J's fields from {@code manifest} into a descriptor for {@code jar}; does not register it. */
    DvmcPluginDescriptor describe(Path jar, Manifest manifest, String abiVersion) {
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
