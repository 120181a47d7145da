package org.dvmc.host.loader;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link NativeVmLinker} of the bridge module, once, or explains why native VMs cannot run in
 * this JVM: a Java older than 22, or a host built without {@code dvmc-bridge} on its class path.
 * Thread-safe.
 */
final class NativeBridge {

    /** The first Java feature version with the final Foreign Function &amp; Memory API. */
    static final int REQUIRED_JAVA = 22;

    private static volatile NativeVmLinker linker;

    private NativeBridge() {
    }

    /**
     * The linker, or a VM_CREATION_FAILURE naming the VM, the Java needed and how to get it.
     *
     * @param what the VM concerned, for the message, e.g. {@code "native library /x/libevmone.so"}
     */
    static NativeVmLinker linker(String what) throws LoaderException {
        NativeVmLinker found = linker;
        if (found != null) {
            return found;
        }
        int running = Runtime.version().feature();
        if (running < REQUIRED_JAVA) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, what + " needs Java " + REQUIRED_JAVA
                    + " or newer (native VMs run through the Foreign Function & Memory API), but this is Java " + running
                    + " (" + System.getProperty("java.home") + "); run with a JDK " + REQUIRED_JAVA + "+: set JAVA_HOME"
                    + " to it (./dvmc picks one under /usr/lib/jvm by itself when JAVA_HOME is not set)");
        }
        synchronized (NativeBridge.class) {
            if (linker == null) {
                linker = load(what);
            }
            return linker;
        }
    }

    private static NativeVmLinker load(String what) throws LoaderException {
        try {
            Iterator<NativeVmLinker> providers = ServiceLoader.load(NativeVmLinker.class,
                    NativeBridge.class.getClassLoader()).iterator();
            if (providers.hasNext()) {
                return providers.next();
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, what + " needs the native bridge, which"
                    + " cannot be loaded (" + e + "); rebuild the host with the dvmc-bridge module", e);
        }
        throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, what + " needs the native bridge, but this host was"
                + " built without it (dvmc-bridge is not on its class path); build it with a JDK "
                + REQUIRED_JAVA + "+ available (./run-tests, or mvn install -Ddvmc.jdk22.home=/path/to/jdk), or add"
                + " dvmc-bridge to your application");
    }
}
