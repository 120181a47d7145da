package org.dvmc.host.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;

/**
 * An account of a {@link MockedHost}: nonce, balance, code, code hash, storage and transient storage.
 * Setters return {@code this} so an account can be set up in one statement. Mutable; not thread-safe.
 */
public final class MockedAccount {

    private long nonce;
    private Bytes32 balance = Bytes32.ZERO;
    private Bytes code = Bytes.EMPTY;
    private Bytes32 codeHash = Bytes32.ZERO;
    private final Map<Bytes32, StorageSlot> storage = new LinkedHashMap<>();
    private final Map<Bytes32, Bytes32> transientStorage = new LinkedHashMap<>();

    /** {@return the nonce, 0 or more} */
    public long nonce() {
        return nonce;
    }

    /**
     * Sets the nonce.
     *
     * @param nonce the nonce
     * @return this account
     */
    public MockedAccount nonce(long nonce) {
        this.nonce = nonce;
        return this;
    }

    /** {@return the balance in wei} */
    public Bytes32 balance() {
        return balance;
    }

    /**
     * Sets the balance in wei.
     *
     * @param balance the balance in wei, a 256-bit big-endian number
     * @return this account
     */
    public MockedAccount balance(Bytes32 balance) {
        this.balance = Objects.requireNonNull(balance, "balance");
        return this;
    }

    /** {@return the code} */
    public Bytes code() {
        return code;
    }

    /**
     * Sets the code; the code hash is left as it is (the mock computes no hashes).
     *
     * @param code the code
     * @return this account
     */
    public MockedAccount code(Bytes code) {
        this.code = Objects.requireNonNull(code, "code");
        return this;
    }

    /** {@return the code hash reported by {@link MockedHost#getCodeHash}} */
    public Bytes32 codeHash() {
        return codeHash;
    }

    /**
     * Sets the code hash.
     *
     * @param codeHash the hash
     * @return this account
     */
    public MockedAccount codeHash(Bytes32 codeHash) {
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        return this;
    }

    /**
     * Puts {@code value} in slot {@code key} as both original and current value, cold, as it would be
     * at the start of a transaction.
     *
     * @param key   the slot
     * @param value its original and current value
     * @return this account
     */
    public MockedAccount storage(Bytes32 key, Bytes32 value) {
        slot(key).reset(value);
        return this;
    }

    /**
     * The slot at {@code key}, created empty and cold when missing.
     *
     * @param key the slot
     * @return the slot, live: changes to it change this account
     */
    public StorageSlot slot(Bytes32 key) {
        return storage.computeIfAbsent(Objects.requireNonNull(key, "key"),
                k -> new StorageSlot(Bytes32.ZERO, AccessStatus.COLD));
    }

    /**
     * The slot at {@code key} if it was ever touched.
     *
     * @param key the slot
     * @return the slot, or empty
     */
    public Optional<StorageSlot> findSlot(Bytes32 key) {
        return Optional.ofNullable(storage.get(key));
    }

    /**
     * The current value of slot {@code key}; zero when never written.
     *
     * @param key the slot
     * @return the value
     */
    public Bytes32 storageValue(Bytes32 key) {
        StorageSlot slot = storage.get(key);
        return slot == null ? Bytes32.ZERO : slot.current();
    }

    /** {@return a read-only view of the storage slots, in the order they were first touched} */
    public Map<Bytes32, StorageSlot> storage() {
        return Collections.unmodifiableMap(storage);
    }

    /** {@return a read-only view of the transient storage} */
    public Map<Bytes32, Bytes32> transientStorage() {
        return Collections.unmodifiableMap(transientStorage);
    }

    /**
     * Sets a transient storage slot; a zero value removes it.
     *
     * @param key   the slot
     * @param value the value; zero removes the slot
     * @return this account
     */
    public MockedAccount transientStorage(Bytes32 key, Bytes32 value) {
        if (value.isZero()) {
            transientStorage.remove(key);
        } else {
            transientStorage.put(Objects.requireNonNull(key, "key"), value);
        }
        return this;
    }

    Bytes32 transientValue(Bytes32 key) {
        return transientStorage.getOrDefault(key, Bytes32.ZERO);
    }
}
