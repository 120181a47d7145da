package org.dvmc.spi;

import java.util.Optional;

/** Whether an account or storage slot had been accessed before in the transaction (EIP-2929). */
public enum AccessStatus {
    /** Not accessed before: the first access costs more. */
    COLD(0),
    /** Accessed before, or pre-warmed by the transaction. */
    WARM(1);

    private final int code;

    AccessStatus(int code) {
        this.code = code;
    }

    /** {@return the C number: 0 or 1} */
    public int code() {
        return code;
    }

    /**
     * The status with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the status, or empty when no status has that number
     */
    public static Optional<AccessStatus> fromCode(int code) {
        return Codes.find(values(), AccessStatus::code, code);
    }
}
