package org.dvmc.host.loader;

import java.lang.reflect.InvocationTargetException;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates the PF4J {@link Plugin} object of a plugin jar.
 *
 * <p>DVMC plugins normally name no {@code Plugin-Class}, because a VM depends on the spi alone: they get
 * a plain {@link Plugin} that does nothing on start and stop. When a jar does name a class, it is
 * created as PF4J would, except that a failure is thrown with its real cause instead of being logged
 * and turned into a null (which PF4J later reports as a bare {@code NullPointerException}).
 */
final class PlainPluginFactory implements PluginFactory {

    @Override
    public Plugin create(PluginWrapper pluginWrapper) {
        String className = pluginWrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank()) {
            return new Plugin();
        }
        try {
            Class<?> pluginClass = pluginWrapper.getPluginClassLoader().loadClass(className.strip());
            if (!Plugin.class.isAssignableFrom(pluginClass)) {
                throw new PluginRuntimeException("Plugin-Class {} does not extend {}", className, Plugin.class.getName());
            }
            try {
                return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(pluginWrapper);
            } catch (NoSuchMethodException e) {
                return (Plugin) pluginClass.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "Plugin-Class {} failed in its constructor", className);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginRuntimeException(e, "Plugin-Class {} cannot be created", className);
        }
    }
}
