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

    /**
     * The major Maven version of the {@code dvmc-spi} artifact that declares {@link #ABI_VERSION}.
     *
     * <p>Every {@code dvmc-spi 1.x} speaks ABI version 12 (the versioning rule is in docs/VM_GUIDE.md,
     * "The ABI rules").
     */
    public static final int SPI_MAJOR_VERSION = 1;

    /**
     * How messages and documents name the spi a VM must be built against:
     * {@code "the spi of ABI version 12 (dvmc-spi 1.x)"}.
     */
    public static final String SPI_OF_THIS_ABI =
            "the spi of ABI version " + ABI_VERSION + " (dvmc-spi " + SPI_MAJOR_VERSION + ".x)";

    /** The manifest entry in which a plugin jar declares the ABI version it was built against. */
    public static final String ABI_VERSION_MANIFEST_ATTRIBUTE = "Dvmc-Abi-Version";

    private Dvmc() {
    }
}
