package org.dvmc.host.difftest;

import java.util.Objects;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.StorageStatus;

/**
 * One {@code setStorage} or {@code setTransientStorage} call a VM made, as {@link RecordingHost} records it.
 * Immutable.
 *
 * @param address the account written
 * @param key     the slot
 * @param value   the value written
 * @param status  the storage status the host returned; null for transient storage, which has none
 */
public record StorageWrite(Address address, Bytes32 key, Bytes32 value, StorageStatus status) {

    /**
     * Checks the fields.
     *
     * @param address the account written; non-null
     * @param key     the slot; non-null
     * @param value   the value written; non-null
     * @param status  the storage status the host returned; null for transient storage, which has none
     * @throws NullPointerException if the address, key or value is null
     */
    public StorageWrite {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** {@code <address> [<key>] = <value> (<status>)}, in hex. */
    @Override
    public String toString() {
        return address.toHex() + " [" + key.toHex() + "] = " + value.toHex()
                + (status == null ? "" : " (" + status.description() + ")");
    }
}
