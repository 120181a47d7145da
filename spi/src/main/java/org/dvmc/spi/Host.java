package org.dvmc.spi;

import java.util.List;

/**
 * The host side of an execution: the accounts, storage, blocks and nested calls a VM reaches
 * (the C description's {@code dvmc_host_interface} together with its context pointer).
 *
 * <p><b>Threading.</b> A host passes one {@code Host} object to each {@link Vm#retrieveDescVx}; the
 * VM calls it only from the thread executing that call and never after it returns. An implementation
 * therefore needs no synchronisation unless it shares state between executions on purpose.
 *
 * <p><b>Ownership.</b> Every argument and return value is an immutable value, except the buffer of
 * {@link #copyCode}, which the VM owns and the host only writes into. Methods never return null.
 */
public interface Host {

    /**
     * True when the account exists in the state (C: {@code account_exists}).
     *
     * @param address the account
     * @return true when the account exists in the state
     */
    boolean accountExists(Address address);

    /**
     * The value of a storage slot of {@code address}; zero for a slot never written (C: {@code get_storage}).
     *
     * @param address the account
     * @param key the slot
     * @return the slot's current value
     */
    Bytes32 getStorage(Address address, Bytes32 key);

    /**
     * Writes a storage slot of {@code address} and tells the effect by the EIP-2200/1283 rules
     * (C: {@code set_storage}).
     *
     * @param address the account, the executing one
     * @param key the slot
     * @param value the new value
     * @return the effect of the write on the slot, for gas and refunds
     */
    StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value);

    /**
     * The balance of the account in wei, a 256-bit big-endian number; zero when it does not exist (C: {@code get_balance}).
     *
     * @param address the account
     * @return the balance, zero for a missing account
     */
    Bytes32 getBalance(Address address);

    /**
     * The size of the account's code in bytes, 0 or more; 0 when it does not exist (C: {@code get_code_size}).
     *
     * @param address the account
     * @return the code size in bytes
     */
    long getCodeSize(Address address);

    /**
     * The hash of the account's code: zero for an account that does not exist, and the hash of empty
     * data for an account without code (C: {@code get_code_hash}).
     *
     * @param address the account
     * @return the code hash
     */
    Bytes32 getCodeHash(Address address);

    /**
     * Copies the account's code from {@code codeOffset} into {@code buffer} at {@code bufferOffset},
     * at most {@code length} bytes (C: {@code copy_code}).
     *
     * @param address      the account whose code is copied
     * @param codeOffset   where in the code to start, 0 or more; past the end copies nothing
     * @param buffer       the VM's buffer; the host writes only the bytes it copies
     * @param bufferOffset where in {@code buffer} to write, 0 or more
     * @param length       the most bytes to copy; {@code bufferOffset + length <= buffer.length}
     * @return the number of bytes copied, from 0 to {@code length}
     */
    int copyCode(Address address, long codeOffset, byte[] buffer, int bufferOffset, int length);

    /**
     * Registers the account for destruction with its balance going to {@code beneficiary}
     * (C: {@code selfdestruct}).
     *
     * @param address     the account that destructs itself, the executing one
     * @param beneficiary the account receiving its balance
     * @return true when this is the first registration of the account in the transaction
     */
    boolean selfdestruct(Address address, Address beneficiary);

    /**
     * Executes a nested call or creation (C: {@code call}). The caller owns the returned result and
     * closes it when done with its output.
     *
     * @param message the nested call's message: kind, depth, gas, recipient, input, …
     * @return the nested call's result, never null
     */
    Result call(Message message);

    /** {@return the transaction and block data (C: {@code get_tx_context})} */
    TxContext getTxContext();

    /**
     * The hash of block {@code number}, one of the 256 most recent complete blocks; zero when out of
     * that range (C: {@code get_block_hash}).
     *
     * @param number the block number
     * @return the block's hash, or zero
     */
    Bytes32 getBlockHash(long number);

    /**
     * Records a log (C: {@code emit_log}).
     *
     * @param address the account emitting the log, the executing one
     * @param data    the log's data
     * @param topics from 0 to 4 topics
     */
    void emitLog(Address address, Bytes data, List<Bytes32> topics);

    /**
     * Marks the account accessed (EIP-2929) and tells whether it was cold or warm before (C: {@code access_account}).
     *
     * @param address the account
     * @return {@link AccessStatus#COLD} on the first access in the transaction, then {@link AccessStatus#WARM}
     */
    AccessStatus accessAccount(Address address);

    /**
     * Marks the storage slot accessed (EIP-2929) and tells whether it was cold or warm before (C: {@code access_storage}).
     *
     * @param address the account
     * @param key     the slot
     * @return {@link AccessStatus#COLD} on the first access in the transaction, then {@link AccessStatus#WARM}
     */
    AccessStatus accessStorage(Address address, Bytes32 key);

    /**
     * The value of a transient storage slot (EIP-1153); zero when never written (C: {@code get_transient_storage}).
     *
     * @param address the account
     * @param key     the slot
     * @return the slot's value
     */
    Bytes32 getTransientStorage(Address address, Bytes32 key);

    /**
     * Writes a transient storage slot (EIP-1153) (C: {@code set_transient_storage}).
     *
     * @param address the account, the executing one
     * @param key     the slot
     * @param value   the new value; zero clears the slot
     */
    void setTransientStorage(Address address, Bytes32 key, Bytes32 value);
}
