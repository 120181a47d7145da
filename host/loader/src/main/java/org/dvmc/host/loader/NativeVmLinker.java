package org.dvmc.host.loader;

import org.dvmc.spi.Vm;

/**
 * The loader's door to native (C/C++) VMs: turns a shared library built for the DVMC C ABI 12 into a
 * {@link Vm}. Internal service interface between the loader, which runs on Java 17, and the bridge
 * module {@code dvmc-bridge}, which needs Java 22+ (Foreign Function &amp; Memory API) and provides the one
 * implementation through {@code META-INF/services/org.dvmc.host.loader.NativeVmLinker}. Clients do not
 * implement or call it: they load native VMs through {@link VmLoader#load(String)} like any other.
 *
 * <p>Implementations are thread-safe.
 */
public interface NativeVmLinker {

    /**
     * Opens {@code library}, finds the first of its create functions that the library exports, calls it,
     * and checks the instance's {@code abi_version} (read before any other field; the instance is destroyed
     * when it differs).
     *
     * @param library the library to open and the create functions to try
     * @return the VM; closing it destroys the native instance and then closes the library
     * @throws LoaderException CANNOT_OPEN when the library cannot be opened (the message carries the
     *                         system's reason), SYMBOL_NOT_FOUND when it exports none of the create
     *                         functions, VM_CREATION_FAILURE when the create function returns NULL,
     *                         ABI_VERSION_MISMATCH when the instance's ABI version is not 12
     */
    Vm link(NativeLibrary library) throws LoaderException;
}
