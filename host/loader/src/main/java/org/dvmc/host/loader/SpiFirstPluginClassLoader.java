package org.dvmc.host.loader;

import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.Permissions;
import org.dvmc.spi.VmFactory;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A PF4J plugin class loader that always takes the {@code org.dvmc.spi} package from the host.
 *
 * <p>PF4J looks in the plugin first for everything except {@code java.*} and {@code org.pf4j.*}. A
 * plugin that bundles its own copy of the spi would then define a second {@code VmFactory} interface,
 * and its factory would not be a host {@code VmFactory}. Sending the spi package to the host's class
 * loader makes such a plugin work like one that does not bundle it.
 */
final class SpiFirstPluginClassLoader extends PluginClassLoader {

    static final String SPI_PACKAGE_PREFIX = VmFactory.class.getPackageName() + ".";

    private static final ClassLoader SPI_LOADER = VmFactory.class.getClassLoader();

    SpiFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader parent) {
        super(pluginManager, descriptor, parent);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (className.startsWith(SPI_PACKAGE_PREFIX)) {
            // Exactly the class the host compiled against, whatever the parent would find.
            return SPI_LOADER.loadClass(className);
        }
        return super.loadClass(className);
    }

    /**
     * No permissions beyond the default empty set. {@code URLClassLoader} would grant read access to the jar,
     * which only a security manager (deprecated, and not used by the host) ever consults; computing that grant
     * initializes the JDK's security configuration, several milliseconds of every cold start.
     */
    @Override
    protected PermissionCollection getPermissions(CodeSource codeSource) {
        return new Permissions();
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        return className.startsWith(SPI_PACKAGE_PREFIX) || super.shouldDelegateToParent(className);
    }
}
