package org.dvmc.host.loader;

/**
 * Why loading a VM failed, with the numbers of the C loader's {@code dvmc_loader_error_code}.
 *
 * <p>A command-line host exits with {@link #code()}. The constants are immutable and thread-safe.
 */
public enum LoaderErrorCode {
    /** Nothing failed. */
    SUCCESS(0),
    /** The jar is missing, unreadable, not a jar, or not a plugin jar (no manifest, no Plugin-Id). */
    CANNOT_OPEN(1),
    /** No factory for that codename, or none (or no single one) in that jar. */
    SYMBOL_NOT_FOUND(2),
    /** The configuration string is empty or malformed. */
    INVALID_ARGUMENT(3),
    /** The factory threw, returned null, or its classes could not be linked. */
    VM_CREATION_FAILURE(4),
    /** The plugin's manifest or the VM instance declares an ABI version other than the host's. */
    ABI_VERSION_MISMATCH(5),
    /** The VM rejected an option name. */
    INVALID_OPTION_NAME(6),
    /** The VM rejected an option value. */
    INVALID_OPTION_VALUE(7);

    private final int code;

    LoaderErrorCode(int code) {
        this.code = code;
    }

    /**
     * The number of this failure in the C loader's {@code dvmc_loader_error_code}.
     *
     * @return the C number, 0 ({@link #SUCCESS}) to 7; also the exit status of the {@code dvmc} command for
     *         this failure
     */
    public int code() {
        return code;
    }
}
