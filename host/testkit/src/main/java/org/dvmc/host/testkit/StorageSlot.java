package org.dvmc.host.testkit;

import java.util.Objects;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Bytes32;

/**
 * One storage slot of a {@link MockedAccount}: the value at the start of the transaction, the current
 * value, and whether the slot has been accessed (EIP-2929). Mutable; not thread-safe.
 */
public final class StorageSlot {

    private Bytes32 original;
    private Bytes32 current;
    private AccessStatus accessStatus;

    StorageSlot(Bytes32 value, AccessStatus accessStatus) {
        this.original = Objects.requireNonNull(value, "value");
        this.current = value;
        this.accessStatus = Objects.requireNonNull(accessStatus, "accessStatus");
    }

    /** {@return the value at the start of the transaction} */
    public Bytes32 original() {
        return original;
    }

    /** {@return the current value} */
    public Bytes32 current() {
        return current;
    }

    /** {@return whether the slot has been accessed in the transaction} */
    public AccessStatus accessStatus() {
        return accessStatus;
    }

    /**
     * Makes {@code value} both the original and the current value, as at the start of a transaction.
     *
     * @param value the value
     * @return this slot
     */
    public StorageSlot reset(Bytes32 value) {
        this.original = Objects.requireNonNull(value, "value");
        this.current = value;
        return this;
    }

    /**
     * Sets the access status, e.g. to pre-warm a slot.
     *
     * @param status the status
     * @return this slot
     */
    public StorageSlot accessStatus(AccessStatus status) {
        this.accessStatus = Objects.requireNonNull(status, "status");
        return this;
    }

    void setCurrent(Bytes32 value) {
        this.current = value;
    }

    @Override
    public String toString() {
        return "StorageSlot[original=" + original + ", current=" + current + ", " + accessStatus + "]";
    }
}
