package org.dvmc.host.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.dvmc.host.loader.LoaderErrorCode;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.NativeLibrary;
import org.dvmc.host.loader.NativeVmLinker;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Vm;

/**
 * The bridge's {@link NativeVmLinker}, found by the loader through {@link java.util.ServiceLoader}: opens the
 * library, finds its create function, creates the instance and checks its ABI version, with the reference
 * loader's error codes. Stateless and thread-safe.
 */
public final class FfmNativeVmLinker implements NativeVmLinker {

    private static final MethodHandle CREATE = Linker.nativeLinker().downcallHandle(Abi.CREATE_FN);

    /** For {@link java.util.ServiceLoader}. */
    public FfmNativeVmLinker() {
    }

    @Override
    public Vm link(NativeLibrary nativeLibrary) throws LoaderException {
        DynamicLibrary library;
        try {
            library = DynamicLibrary.open(nativeLibrary.path());
        } catch (DynamicLibrary.OpenFailure e) {
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "cannot open " + nativeLibrary.description() + ": "
                    + e.getMessage() + "; check that it is a shared library for this platform and that the libraries"
                    + " it needs can be found", e);
        }
        try {
            return create(nativeLibrary, library);
        } catch (LoaderException | RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    private static Vm create(NativeLibrary nativeLibrary, DynamicLibrary library) throws LoaderException {
        String functionName = null;
        MemorySegment function = null;
        for (String candidate : nativeLibrary.createFunctions()) {
            Optional<MemorySegment> found = library.find(candidate);
            if (found.isPresent()) {
                functionName = candidate;
                function = found.get();
                break;
            }
        }
        if (function == null) {
            throw new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND, nativeLibrary.description()
                    + " exports none of the create functions " + String.join(", ", nativeLibrary.createFunctions())
                    + "; export one (extern \"C\" in C++), or rename the library after its create function");
        }
        MemorySegment instance;
        try {
            instance = (MemorySegment) CREATE.invokeExact(function);
        } catch (Throwable t) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, nativeLibrary.description() + ": "
                    + functionName + "() failed: " + t, t);
        }
        if (instance.equals(MemorySegment.NULL)) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, nativeLibrary.description() + ": "
                    + functionName + "() returned NULL; see the VM's documentation for what it needs");
        }
        instance = instance.reinterpret(Abi.VM.byteSize());
        // The ABI version first: in another ABI version no other field need be where this one has it.
        int abi = instance.get(JAVA_INT, Abi.VM_ABI_VERSION);
        if (abi != Dvmc.ABI_VERSION) {
            MemorySegment destroy = instance.get(ADDRESS, Abi.VM_DESTROY);
            LoaderException mismatch = new LoaderException(LoaderErrorCode.ABI_VERSION_MISMATCH,
                    nativeLibrary.description() + " (" + functionName + ") reports ABI version " + abi
                            + " but this host speaks " + Dvmc.ABI_VERSION + "; use a build of the VM for ABI version "
                            + Dvmc.ABI_VERSION);
            try {
                NativeVm.destroyInstance(instance, destroy);
            } catch (RuntimeException e) {
                mismatch.addSuppressed(e);
            }
            throw mismatch;
        }
        try {
            return new NativeVm(instance, library);
        } catch (RuntimeException e) {
            // Reading its name or version failed: the instance exists and is ours to destroy.
            try {
                NativeVm.destroyInstance(instance, instance.get(ADDRESS, Abi.VM_DESTROY));
            } catch (RuntimeException destroyFailed) {
                e.addSuppressed(destroyFailed);
            }
            throw e;
        }
    }
}
