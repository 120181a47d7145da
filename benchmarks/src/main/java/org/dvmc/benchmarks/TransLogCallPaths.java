package org.dvmc.benchmarks;

import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Vm;
import org.dvmc.vm.translog.TransLogVmFactory;

/**
 * The three ways the host-overhead benchmarks call trans_log, set up and checked once: the class-path VM
 * called directly, the VM created from the plugin jar through the loader, and that VM behind
 * {@link LoadedVm#execute}'s guard. Closing it closes both VMs and the loader and deletes the plugins
 * directory. Not thread-safe; one per benchmark state.
 */
final class TransLogCallPaths implements AutoCloseable {

    private final Vm direct;
    private final PluginDirectory plugins;
    private final VmLoader loader;
    private final LoadedVm loaded;

    private TransLogCallPaths(Vm direct, PluginDirectory plugins, VmLoader loader, LoadedVm loaded) {
        this.direct = direct;
        this.plugins = plugins;
        this.loader = loader;
        this.loaded = loaded;
    }

    /**
     * Creates both VMs, loads the plugin from a fresh plugins directory, and checks that every way gives
     * {@code program}'s expected result.
     *
     * @throws IllegalStateException if the loaded VM's class came from the class path, or a way gives a wrong result
     */
    static TransLogCallPaths open(Example program) throws Exception {
        Vm direct = new TransLogVmFactory().create();
        PluginDirectory plugins = PluginDirectory.withTransLog();
        VmLoader loader = VmLoader.builder().pluginsDirectory(plugins.path()).includeClasspath(false).build();
        LoadedVm loaded = loader.load(TransLogVmFactory.CODENAME);
        if (loaded.vm().getClass() == direct.getClass()) {
            throw new IllegalStateException("the loaded VM's class came from the class path, not the plugin jar");
        }
        ExampleRunner.verify(program, direct::retrieveDescVx);
        ExampleRunner.verify(program, loaded.vm()::retrieveDescVx);
        ExampleRunner.verify(program, loaded::execute);
        return new TransLogCallPaths(direct, plugins, loader, loaded);
    }

    /** The class-path VM, called without any guard. */
    Vm direct() {
        return direct;
    }

    /** The VM loaded from the plugin jar. */
    LoadedVm loaded() {
        return loaded;
    }

    @Override
    public void close() {
        direct.close();
        loaded.close();
        loader.close();
        plugins.close();
    }
}
