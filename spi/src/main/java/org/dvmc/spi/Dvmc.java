package org.dvmc.spi;

/**
 * Constants of the DVMC contract shared by hosts and VMs.
 *
 * <p>This class only holds constants; it cannot be instantiated. It is safe to use from any thread.
 */
public final class Dvmc {

    /**
     * The DVMC ABI version of the contract declared by this spi jar (the C description's
     * {@code DVMC_ABI_VERSION}).
     *
     * <p>A VM returns this number from {@link Vm#abiVersion()} and a plugin jar declares it in the
     * {@code Dvmc-Abi-Version} manifest entry. Because it is a compile-time constant, a VM compiled
     * against another spi version keeps the number it was compiled with, which is exactly what lets
     * the host detect the mismatch. The host refuses any plugin or instance whose number differs.
     */
    public static final int ABI_VERSION = 12;

    /** The manifest entry in which a plugin jar declares the ABI version it was built against. */
    public static final String ABI_VERSION_MANIFEST_ATTRIBUTE = "Dvmc-Abi-Version";

    private Dvmc() {
    }
}
