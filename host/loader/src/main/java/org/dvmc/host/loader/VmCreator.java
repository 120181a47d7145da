package org.dvmc.host.loader;

import org.dvmc.spi.Dvmc;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.Vm;

/**
 * Step 6 of loading: create the instance, check its ABI version, apply the options in order. Any
 * failure closes the instance and reports the VM, option and value concerned.
 */
final class VmCreator {

    private VmCreator() {
    }

    /** A configured instance of {@code entry}'s VM; the caller owns it. */
    static Vm create(VmEntry entry, VmConfig config) throws LoaderException {
        Vm vm = entry.factory() instanceof NativeVmFactory nativeVm ? nativeVm.link() : instantiate(entry);
        try {
            checkAbi(entry, vm);
            for (VmOption option : config.options()) {
                apply(entry, vm, option);
            }
            return vm;
        } catch (LoaderException e) {
            closeAfterFailure(vm, e);
            throw e;
        }
    }

    private static Vm instantiate(VmEntry entry) throws LoaderException {
        Vm vm;
        try {
            vm = entry.factory().create();
        } catch (Throwable t) {
            t = FactoryDiscovery.realCause(t);
            String hint = suggestsOtherSpi(t)
                    ? "; the plugin was probably built against another dvmc-spi: rebuild it against "
                            + Dvmc.SPI_OF_THIS_ABI
                    : "; see the cause, and check the VM's requirements";
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE,
                    entry.describe() + " could not be created: create() threw " + t + hint, t);
        }
        if (vm == null) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, entry.describe()
                    + " could not be created: create() returned null, which breaks the VmFactory contract;"
                    + " report it to the VM's author");
        }
        return vm;
    }

    /**
     * True for the linkage errors a plugin built against another spi causes: a changed spi method or type, or
     * a missing spi class. Not for "Could not initialize class" and other failures of the plugin's own classes.
     */
    static boolean suggestsOtherSpi(Throwable t) {
        if (t instanceof IncompatibleClassChangeError) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        return t instanceof NoClassDefFoundError && !message.startsWith("Could not initialize class")
                && (message.contains("org/dvmc/spi/") || message.contains("org.dvmc.spi."));
    }

    private static void checkAbi(VmEntry entry, Vm vm) throws LoaderException {
        int abi;
        try {
            abi = vm.abiVersion();
        } catch (Throwable t) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, entry.describe()
                    + " failed in abiVersion() (" + t + "); rebuild the VM against " + Dvmc.SPI_OF_THIS_ABI, t);
        }
        if (abi != Dvmc.ABI_VERSION) {
            throw new LoaderException(LoaderErrorCode.ABI_VERSION_MISMATCH, entry.describe() + " reports ABI version "
                    + abi + " but this host speaks " + Dvmc.ABI_VERSION + "; rebuild the VM against "
                    + Dvmc.SPI_OF_THIS_ABI);
        }
    }

    private static void apply(VmEntry entry, Vm vm, VmOption option) throws LoaderException {
        SetOptionResult result;
        try {
            result = vm.setOption(option.name(), option.value());
        } catch (Throwable t) {
            throw new LoaderException(LoaderErrorCode.INVALID_OPTION_VALUE, entry.describe() + ": option '"
                    + option.name() + "' with value '" + option.value() + "' made setOption throw " + t
                    + "; check the option's documented values", t);
        }
        if (result == SetOptionResult.SUCCESS) {
            return;
        }
        if (result == SetOptionResult.INVALID_NAME) {
            throw new LoaderException(LoaderErrorCode.INVALID_OPTION_NAME, entry.describe() + ": unknown option '"
                    + option.name() + "' (value '" + option.value() + "'); remove it or use an option the VM documents");
        }
        throw new LoaderException(LoaderErrorCode.INVALID_OPTION_VALUE, entry.describe() + ": unsupported value '"
                + option.value() + "' for option '" + option.name() + "'"
                + (result == null ? " (setOption returned null)" : "") + "; use a value the VM documents");
    }

    private static void closeAfterFailure(Vm vm, LoaderException failure) {
        try {
            vm.close();
        } catch (Throwable t) {
            failure.addSuppressed(t);
        }
    }
}
