package org.dvmc.spi;

import java.util.Objects;

/**
 * One init code carried by a transaction for EOF creation (the C description's
 * {@code dvmc_tx_initcode}). Immutable and thread-safe.
 *
 * @param hash the hash of {@code code}
 * @param code the init code
 */
public record TxInitcode(Bytes32 hash, Bytes code) {

    /**
     * Checks the fields.
     *
     * @param hash the hash of {@code code}
     * @param code the init code
     * @throws NullPointerException if a field is null
     */
    public TxInitcode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(code, "code");
    }
}
