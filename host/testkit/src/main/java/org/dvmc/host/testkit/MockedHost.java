package org.dvmc.host.testkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.TxContext;

/**
 * An in-memory {@link Host} for running and testing VMs: accounts with storage, the transaction
 * context, block hashes, a canned result for nested calls, and records of what the VM asked for.
 *
 * <p>Storage follows the EIP-2200/1283 rules: every slot keeps its original and current value, and
 * {@link #setStorage} returns the matching {@link StorageStatus}. {@link #accessAccount} and
 * {@link #accessStorage} turn cold into warm; the precompile addresses 0x01..0x09 are always warm.
 *
 * <p>Records are bounded: at most {@link #MAX_RECORDED_CALLS} calls, {@link #MAX_RECORDED_LOGS} logs,
 * {@link #MAX_RECORDED_ACCOUNT_ACCESSES} account accesses and so on are kept (the first ones), so a
 * long benchmark does not grow memory; the {@code total…} counters keep counting.
 *
 * <p>Writing storage or transient storage, or accessing a storage slot, of an account that does not
 * exist creates the account, as the C description's mocked host does; VMs only do so for the
 * executing account, which exists.
 *
 * <p>Not thread-safe: use one instance per executing thread, as the contract's hosts are used.
 */
public class MockedHost implements Host {

    /** The most nested calls recorded. */
    public static final int MAX_RECORDED_CALLS = 1024;
    /** The most logs recorded. */
    public static final int MAX_RECORDED_LOGS = 1024;
    /** The most account accesses recorded. */
    public static final int MAX_RECORDED_ACCOUNT_ACCESSES = 200;
    /** The most block-hash requests recorded. */
    public static final int MAX_RECORDED_BLOCK_HASHES = 1024;
    /** The most selfdestructs recorded. */
    public static final int MAX_RECORDED_SELFDESTRUCTS = 1024;

    private static final Address LAST_PRECOMPILE = Address.fromLong(9);

    private final Map<Address, MockedAccount> accounts = new HashMap<>();
    private final Set<Address> warmAccounts = new HashSet<>();
    private final Set<Address> destructed = new HashSet<>();
    private final Map<Long, Bytes32> blockHashes = new HashMap<>();
    private TxContext txContext = TxContext.EMPTY;
    private Bytes32 defaultBlockHash = Bytes32.ZERO;
    private Result callResult = Result.success(0, Bytes.EMPTY);

    private final Recording<Message> calls = new Recording<>(MAX_RECORDED_CALLS);
    private final Recording<LogRecord> logs = new Recording<>(MAX_RECORDED_LOGS);
    private final Recording<Address> accountAccesses = new Recording<>(MAX_RECORDED_ACCOUNT_ACCESSES);
    private final Recording<Long> blockHashRequests = new Recording<>(MAX_RECORDED_BLOCK_HASHES);
    private final Recording<SelfdestructRecord> selfdestructs = new Recording<>(MAX_RECORDED_SELFDESTRUCTS);

    // ---- setting up -------------------------------------------------------------------------

    /**
     * The account at {@code address}, created empty when missing.
     *
     * @param address the account's address
     * @return the account, live: changes to it change this host
     */
    public MockedAccount account(Address address) {
        return accounts.computeIfAbsent(Objects.requireNonNull(address, "address"), a -> new MockedAccount());
    }

    /**
     * The account at {@code address} if it exists.
     *
     * @param address the account's address
     * @return the account, or empty
     */
    public Optional<MockedAccount> findAccount(Address address) {
        return Optional.ofNullable(accounts.get(address));
    }

    /**
     * Removes the account at {@code address}, if any.
     *
     * @param address the account's address
     * @return this host
     */
    public MockedHost removeAccount(Address address) {
        accounts.remove(address);
        return this;
    }

    /** {@return a read-only view of every account} */
    public Map<Address, MockedAccount> accounts() {
        return java.util.Collections.unmodifiableMap(accounts);
    }

    /** {@return the transaction context returned by {@link #getTxContext()}} */
    public TxContext txContext() {
        return txContext;
    }

    /**
     * Sets the transaction context.
     *
     * @param txContext the context
     * @return this host
     */
    public MockedHost txContext(TxContext txContext) {
        this.txContext = Objects.requireNonNull(txContext, "txContext");
        return this;
    }

    /**
     * Sets the hash returned for block {@code number}.
     *
     * @param number the block number
     * @param hash   its hash
     * @return this host
     */
    public MockedHost blockHash(long number, Bytes32 hash) {
        blockHashes.put(number, Objects.requireNonNull(hash, "hash"));
        return this;
    }

    /**
     * Sets the hash returned for every block without one of its own (zero by default).
     *
     * @param hash the hash
     * @return this host
     */
    public MockedHost defaultBlockHash(Bytes32 hash) {
        this.defaultBlockHash = Objects.requireNonNull(hash, "hash");
        return this;
    }

    /** {@return the result every nested {@link #call} returns} */
    public Result callResult() {
        return callResult;
    }

    /**
     * Sets the result every nested {@link #call} returns (by default success, 0 gas left, empty
     * output). Its release hook, if any, is dropped: the mock hands the same values out many times.
     *
     * @param result the result; its release hook, if any, is not handed out
     * @return this host
     */
    public MockedHost callResult(Result result) {
        Result template = Result.of(result.status(), result.gasLeft(), result.gasRefund(), result.output());
        this.callResult = result.createAddress().isZero() ? template : template.withCreateAddress(result.createAddress());
        return this;
    }

    // ---- records ----------------------------------------------------------------------------

    /** {@return the first {@link #MAX_RECORDED_CALLS} nested calls, with their inputs} */
    public List<Message> recordedCalls() {
        return calls.view();
    }

    /** {@return how many nested calls were made, recorded or not} */
    public long totalCalls() {
        return calls.total();
    }

    /** {@return the first {@link #MAX_RECORDED_LOGS} logs} */
    public List<LogRecord> recordedLogs() {
        return logs.view();
    }

    /** {@return how many logs were emitted} */
    public long totalLogs() {
        return logs.total();
    }

    /** {@return the first {@link #MAX_RECORDED_ACCOUNT_ACCESSES} accounts accessed, in order, repeats included} */
    public List<Address> recordedAccountAccesses() {
        return accountAccesses.view();
    }

    /** {@return how many account accesses happened} */
    public long totalAccountAccesses() {
        return accountAccesses.total();
    }

    /** {@return the first {@link #MAX_RECORDED_BLOCK_HASHES} block numbers asked for} */
    public List<Long> recordedBlockHashes() {
        return blockHashRequests.view();
    }

    /** {@return how many block hashes were asked for, recorded or not} */
    public long totalBlockHashRequests() {
        return blockHashRequests.total();
    }

    /** {@return the first {@link #MAX_RECORDED_SELFDESTRUCTS} selfdestructs} */
    public List<SelfdestructRecord> recordedSelfdestructs() {
        return selfdestructs.view();
    }

    /** {@return how many selfdestructs were registered, recorded or not} */
    public long totalSelfdestructs() {
        return selfdestructs.total();
    }

    /**
     * Forgets every record and counter; accounts and settings stay.
     *
     * @return this host
     */
    public MockedHost clearRecords() {
        calls.clear();
        logs.clear();
        accountAccesses.clear();
        blockHashRequests.clear();
        selfdestructs.clear();
        return this;
    }

    // ---- Host -------------------------------------------------------------------------------

    @Override
    public boolean accountExists(Address address) {
        accountAccesses.add(address);
        return accounts.containsKey(address);
    }

    @Override
    public Bytes32 getStorage(Address address, Bytes32 key) {
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        return account == null ? Bytes32.ZERO : account.storageValue(key);
    }

    @Override
    public StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value) {
        accountAccesses.add(address);
        StorageSlot slot = account(address).slot(key);
        StorageStatus status = storageStatus(slot.original(), slot.current(), value);
        slot.setCurrent(value);
        return status;
    }

    /**
     * The storage status of writing {@code value} into a slot holding {@code current} whose value at
     * the start of the transaction was {@code original}, by EIP-2200 and EIP-1283.
     *
     * @param original the slot's value at the start of the transaction
     * @param current  the slot's value now
     * @param value    the value written
     * @return the status {@link #setStorage} returns for that write
     */
    public static StorageStatus storageStatus(Bytes32 original, Bytes32 current, Bytes32 value) {
        if (current.equals(value)) {
            return StorageStatus.ASSIGNED;
        }
        if (original.equals(current)) {
            if (original.isZero()) {
                return StorageStatus.ADDED;
            }
            return value.isZero() ? StorageStatus.DELETED : StorageStatus.MODIFIED;
        }
        // The slot is dirty: both clauses of EIP-2200 §3.2 apply, and their combination names the status.
        boolean removeClearsSchedule = !original.isZero() && current.isZero();
        boolean addClearsSchedule = !original.isZero() && value.isZero();
        boolean restored = original.equals(value);
        if (restored) {
            if (original.isZero()) {
                return StorageStatus.ADDED_DELETED;
            }
            return removeClearsSchedule ? StorageStatus.DELETED_RESTORED : StorageStatus.MODIFIED_RESTORED;
        }
        if (removeClearsSchedule) {
            return StorageStatus.DELETED_ADDED;
        }
        if (addClearsSchedule) {
            return StorageStatus.MODIFIED_DELETED;
        }
        return StorageStatus.ASSIGNED;
    }

    @Override
    public Bytes32 getBalance(Address address) {
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        return account == null ? Bytes32.ZERO : account.balance();
    }

    @Override
    public long getCodeSize(Address address) {
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        return account == null ? 0 : account.code().size();
    }

    @Override
    public Bytes32 getCodeHash(Address address) {
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        return account == null ? Bytes32.ZERO : account.codeHash();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A negative {@code codeOffset} copies nothing, like one past the end of the code.
     *
     * @throws IndexOutOfBoundsException if {@code bufferOffset} and {@code length} do not fit in
     *                                   {@code buffer}: a bug in the VM this mock exists to reveal
     */
    @Override
    public int copyCode(Address address, long codeOffset, byte[] buffer, int bufferOffset, int length) {
        if (bufferOffset < 0 || length < 0 || bufferOffset > buffer.length - length) {
            throw new IndexOutOfBoundsException("copyCode: buffer offset " + bufferOffset + " and length " + length
                    + " do not fit a buffer of " + buffer.length + " bytes; a VM must pass 0 <= bufferOffset"
                    + " and bufferOffset + length <= buffer.length");
        }
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        if (account == null || codeOffset < 0 || length == 0) {
            return 0;
        }
        Bytes code = account.code();
        if (codeOffset >= code.size()) {
            return 0;
        }
        int count = (int) Math.min(length, code.size() - codeOffset);
        code.copyTo((int) codeOffset, buffer, bufferOffset, count);
        return count;
    }

    @Override
    public boolean selfdestruct(Address address, Address beneficiary) {
        accountAccesses.add(address);
        selfdestructs.add(new SelfdestructRecord(address, beneficiary));
        return destructed.add(address);
    }

    @Override
    public Result call(Message message) {
        accountAccesses.add(message.recipient());
        calls.add(message);
        return callResult;
    }

    @Override
    public TxContext getTxContext() {
        return txContext;
    }

    @Override
    public Bytes32 getBlockHash(long number) {
        blockHashRequests.add(number);
        return blockHashes.getOrDefault(number, defaultBlockHash);
    }

    @Override
    public void emitLog(Address address, Bytes data, List<Bytes32> topics) {
        logs.add(new LogRecord(address, data, topics));
    }

    @Override
    public AccessStatus accessAccount(Address address) {
        accountAccesses.add(address);
        boolean firstAccess = warmAccounts.add(address);
        if (isPrecompile(address)) {
            return AccessStatus.WARM;
        }
        return firstAccess ? AccessStatus.COLD : AccessStatus.WARM;
    }

    private static boolean isPrecompile(Address address) {
        return address.high() == 0 && address.middle() == 0
                && Long.compareUnsigned(address.low(), 0) > 0 && Long.compareUnsigned(address.low(), LAST_PRECOMPILE.low()) <= 0;
    }

    @Override
    public AccessStatus accessStorage(Address address, Bytes32 key) {
        StorageSlot slot = account(address).slot(key);
        AccessStatus before = slot.accessStatus();
        slot.accessStatus(AccessStatus.WARM);
        return before;
    }

    @Override
    public Bytes32 getTransientStorage(Address address, Bytes32 key) {
        accountAccesses.add(address);
        MockedAccount account = accounts.get(address);
        return account == null ? Bytes32.ZERO : account.transientValue(key);
    }

    @Override
    public void setTransientStorage(Address address, Bytes32 key, Bytes32 value) {
        accountAccesses.add(address);
        account(address).transientStorage(key, value);
    }

    /**
     * Marks {@code address} warm without recording an access, e.g. the transaction's sender.
     *
     * @param address the account
     * @return this host
     */
    public MockedHost warmAccount(Address address) {
        warmAccounts.add(address);
        return this;
    }
}
