package org.dvmc.spi;

import java.util.Optional;

/**
 * The effect of {@link Host#setStorage} on a storage slot (the C description's
 * {@code dvmc_storage_status}), named after the slot's values {@code X -> Y -> Z}: the original value
 * at the start of the transaction, the current value before the write, and the new value. 0 stands
 * for zero and X, Y, Z for distinct non-zero values. Hosts compute it as EIP-2200 and EIP-1283 say.
 */
public enum StorageStatus {
    /** The fallback for every case not listed below: {@code X -> Y -> Z} with Y != X, or a no-op. */
    ASSIGNED(0, "assigned"),
    /** {@code 0 -> 0 -> Z}: a new slot is added. */
    ADDED(1, "added"),
    /** {@code X -> X -> 0}: an original value is deleted. */
    DELETED(2, "deleted"),
    /** {@code X -> X -> Z}: an original value is modified. */
    MODIFIED(3, "modified"),
    /** {@code X -> 0 -> Z}: a deleted value is set again. */
    DELETED_ADDED(4, "deleted added"),
    /** {@code X -> Y -> 0}: a modified value is deleted. */
    MODIFIED_DELETED(5, "modified deleted"),
    /** {@code X -> 0 -> X}: a deleted value is restored. */
    DELETED_RESTORED(6, "deleted restored"),
    /** {@code 0 -> Y -> 0}: an added value is deleted again. */
    ADDED_DELETED(7, "added deleted"),
    /** {@code X -> Y -> X}: a modified value is restored. */
    MODIFIED_RESTORED(8, "modified restored");

    private final int code;
    private final String description;

    StorageStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** {@return the C number, from 0 to 8} */
    public int code() {
        return code;
    }

    /** {@return the human name, e.g. {@code "modified restored"}} */
    public String description() {
        return description;
    }

    /**
     * The status with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the status, or empty when none has that number
     */
    public static Optional<StorageStatus> fromCode(int code) {
        return Codes.find(values(), StorageStatus::code, code);
    }
}
