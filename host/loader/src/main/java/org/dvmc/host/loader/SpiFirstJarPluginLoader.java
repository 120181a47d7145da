package org.dvmc.host.loader;

import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** PF4J's jar plugin loader, making {@link SpiFirstPluginClassLoader}s whose parent is the host's loader. */
final class SpiFirstJarPluginLoader extends JarPluginLoader {

    SpiFirstJarPluginLoader(PluginManager pluginManager) {
        super(pluginManager);
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
        return new SpiFirstPluginClassLoader(pluginManager, pluginDescriptor, VmLoader.class.getClassLoader());
    }
}
