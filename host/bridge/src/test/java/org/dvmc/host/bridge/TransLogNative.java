package org.dvmc.host.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.VmLoader;

/**
 * The native trans_log (vms/trans_log_native) as dvmc loads it: its plugin jar in a plugins directory, selected
 * by the codename trans_log_native. One loader per test JVM.
 */
final class TransLogNative {

    private static VmLoader loader;

    private TransLogNative() {
    }

    static synchronized VmLoader loader() {
        if (loader == null) {
            String jar = System.getProperty("dvmc.translogNativeJar");
            if (jar == null || jar.startsWith("${")) {
                throw new IllegalStateException("system property dvmc.translogNativeJar is not set; run with Maven");
            }
            try {
                Path plugins = Files.createTempDirectory("dvmc-translog-native-");
                Files.copy(Path.of(jar), plugins.resolve(Path.of(jar).getFileName()));
                loader = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false).build();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return loader;
    }

    /** A new instance; the caller closes it. */
    static LoadedVm load(String options) throws LoaderException {
        return loader().load("trans_log_native" + options);
    }
}
