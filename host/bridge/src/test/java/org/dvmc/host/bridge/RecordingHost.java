package org.dvmc.host.bridge;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.TxContext;
import org.dvmc.spi.TxInitcode;

/**
 * A host with fixed, distinct answers that records what the VM asked, for the probe VM's "every callback"
 * scenario; {@link #expectedEveryCallbackOutput} is what the probe must print with these answers.
 * One execution at a time.
 */
class RecordingHost implements Host {

    static final Bytes CODE = Bytes.fromHex("600160025b00");
    static final TxContext TX = TxContext.builder().blockNumber(42).timestamp(1000).chainId(Bytes32.fromLong(5))
            .blobHashes(List.of(Bytes32.fromLong(0xb1), Bytes32.fromLong(0xb2)))
            .initcodes(List.of(new TxInitcode(Bytes32.fromLong(0x1c), Bytes.fromHex("6000")))).build();

    final List<String> calls = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<List<Bytes32>> logTopics = new ArrayList<>();
    final List<Bytes> logData = new ArrayList<>();
    final AtomicInteger callResultsReleased = new AtomicInteger();
    private final Map<Bytes32, Bytes32> transientStorage = new HashMap<>();

    @Override
    public boolean accountExists(Address address) {
        calls.add("account_exists");
        return true;
    }

    @Override
    public Bytes32 getStorage(Address address, Bytes32 key) {
        calls.add("get_storage");
        return Bytes32.fromLong(0x77);
    }

    @Override
    public StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value) {
        calls.add("set_storage");
        return StorageStatus.MODIFIED;
    }

    @Override
    public Bytes32 getBalance(Address address) {
        calls.add("get_balance");
        return Bytes32.fromLong(0x1234);
    }

    @Override
    public long getCodeSize(Address address) {
        calls.add("get_code_size");
        return CODE.size();
    }

    @Override
    public Bytes32 getCodeHash(Address address) {
        calls.add("get_code_hash");
        return Bytes32.fromLong(0xabc);
    }

    @Override
    public int copyCode(Address address, long codeOffset, byte[] buffer, int bufferOffset, int length) {
        calls.add("copy_code");
        int n = (int) Math.max(0, Math.min(length, CODE.size() - codeOffset));
        CODE.copyTo((int) codeOffset, buffer, bufferOffset, n);
        return n;
    }

    @Override
    public boolean selfdestruct(Address address, Address beneficiary) {
        calls.add("selfdestruct");
        return true;
    }

    @Override
    public Result call(Message message) {
        calls.add("call");
        messages.add(message);
        return Result.success(900, Bytes.fromHex("78797a")).withRelease(callResultsReleased::incrementAndGet);
    }

    @Override
    public TxContext getTxContext() {
        calls.add("get_tx_context");
        return TX;
    }

    @Override
    public Bytes32 getBlockHash(long number) {
        calls.add("get_block_hash");
        return Bytes32.fromLong(number * 1111);
    }

    @Override
    public void emitLog(Address address, Bytes data, List<Bytes32> topics) {
        calls.add("emit_log");
        logData.add(data);
        logTopics.add(topics);
    }

    @Override
    public AccessStatus accessAccount(Address address) {
        calls.add("access_account");
        return AccessStatus.WARM;
    }

    @Override
    public AccessStatus accessStorage(Address address, Bytes32 key) {
        calls.add("access_storage");
        return AccessStatus.COLD;
    }

    @Override
    public Bytes32 getTransientStorage(Address address, Bytes32 key) {
        calls.add("get_transient_storage");
        return transientStorage.getOrDefault(key, Bytes32.ZERO);
    }

    @Override
    public void setTransientStorage(Address address, Bytes32 key, Bytes32 value) {
        calls.add("set_transient_storage");
        transientStorage.put(key, value);
    }

    /** What probe_vm.c's scenario 01 outputs against this host. */
    static Bytes expectedEveryCallbackOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.writeBytes(Bytes32.fromLong(0x77).toBytes());
        out.write(StorageStatus.MODIFIED.code());
        out.writeBytes(Bytes32.fromLong(0x1234).toBytes());
        u64(out, 6);
        out.writeBytes(Bytes32.fromLong(0xabc).toBytes());
        u64(out, 4);
        out.writeBytes(Bytes.fromHex("0160025b").toArray());
        out.write(1);
        out.write(0);
        u64(out, 900);
        u64(out, 3);
        out.writeBytes(Bytes.fromHex("78797a").toArray());
        u64(out, 42);
        u64(out, 1000);
        out.writeBytes(Bytes32.fromLong(5).toBytes());
        u64(out, 2);
        out.writeBytes(Bytes32.fromLong(0xb1).toBytes());
        out.writeBytes(Bytes32.fromLong(0xb2).toBytes());
        u64(out, 1);
        u64(out, 2);
        out.writeBytes(Bytes.fromHex("6000").toArray());
        out.writeBytes(Bytes32.fromLong(7 * 1111).toBytes());
        out.write(AccessStatus.WARM.code());
        out.write(AccessStatus.COLD.code());
        out.writeBytes(Bytes32.fromLong(0x42).toBytes());
        return Bytes.of(out.toByteArray());
    }

    private static void u64(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
    }
}
