package org.dvmc.host.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Message;
import org.dvmc.spi.MessageFlag;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.TxContext;
import org.dvmc.spi.TxInitcode;

/**
 * The {@code dvmc_host_interface} the bridge hands to native VMs: 16 upcall stubs, made once per JVM, each of
 * which finds its {@link Execution} by the host context pointer and calls that execution's Java
 * {@link org.dvmc.spi.Host}.
 *
 * <p><b>No exception ever unwinds into native code</b> (that would abort the JVM): every callback catches
 * any Throwable, records it in its execution (which then ends as {@code internal error} carrying it) and
 * returns a safe value: false, zero, an empty word, {@code ASSIGNED}/{@code COLD}, or an {@code internal
 * error} result for {@code call}.
 *
 * <p>A Java result handed back by {@code call} becomes a native {@code dvmc_result} whose output is a
 * {@code malloc}ed copy and whose {@code release} frees exactly that copy; the Java result itself is
 * closed before the callback returns (its output was copied).
 */
final class HostUpcalls {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(LINKER.defaultLookup().find("malloc").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = LINKER.downcallHandle(LINKER.defaultLookup().find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(ADDRESS));

    /** The {@code dvmc_host_interface} of every native execution; lives as long as the JVM. */
    static final MemorySegment INTERFACE;
    /** The {@code release} of results the bridge hands to native code. */
    static final MemorySegment RELEASE_HOST_RESULT;

    static {
        Arena global = Arena.global();
        MemorySegment table = global.allocate(Abi.HOST_INTERFACE);
        FunctionDescriptor[] signatures = {Abi.ACCOUNT_EXISTS_FN, Abi.GET_STORAGE_FN, Abi.SET_STORAGE_FN,
            Abi.GET_BALANCE_FN, Abi.GET_CODE_SIZE_FN, Abi.GET_CODE_HASH_FN, Abi.COPY_CODE_FN, Abi.SELFDESTRUCT_FN,
            Abi.CALL_FN, Abi.GET_TX_CONTEXT_FN, Abi.GET_BLOCK_HASH_FN, Abi.EMIT_LOG_FN, Abi.ACCESS_ACCOUNT_FN,
            Abi.ACCESS_STORAGE_FN, Abi.GET_TRANSIENT_STORAGE_FN, Abi.SET_TRANSIENT_STORAGE_FN};
        String[] methods = {"accountExists", "getStorage", "setStorage", "getBalance", "getCodeSize", "getCodeHash",
            "copyCode", "selfdestruct", "call", "getTxContext", "getBlockHash", "emitLog", "accessAccount",
            "accessStorage", "getTransientStorage", "setTransientStorage"};
        for (int i = 0; i < methods.length; i++) {
            table.setAtIndex(ADDRESS, i, stub(methods[i], signatures[i], global));
        }
        INTERFACE = table;
        RELEASE_HOST_RESULT = stub("releaseHostResult", Abi.RELEASE_FN, global);
    }

    private HostUpcalls() {
    }

    private static MemorySegment stub(String method, FunctionDescriptor signature, Arena arena) {
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(HostUpcalls.class, method,
                    signature.toMethodType());
            return LINKER.upcallStub(target, signature, arena);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The execution of {@code context}, or an error naming the bad pointer (recorded nowhere: no execution). */
    private static Execution execution(long context) {
        Execution execution = Execution.of(context);
        if (execution == null) {
            throw new IllegalStateException("host callback with the context " + context
                    + ", which is no execution in progress");
        }
        return execution;
    }

    private static void fail(long context, Throwable t) {
        Execution execution = Execution.of(context);
        if (execution != null) {
            execution.fail(t);
        }
    }

    private static MemorySegment word(Execution execution, Bytes32 value) {
        Memory.writeBytes32(execution.word, 0, value);
        return execution.word;
    }

    /** A zero word for a failed callback: its execution's if there is one, else a fresh one. */
    private static MemorySegment zeroWord(long context) {
        Execution execution = Execution.of(context);
        if (execution == null) {
            return Arena.ofAuto().allocate(Abi.BYTES32);
        }
        execution.word.fill((byte) 0);
        return execution.word;
    }

    static boolean accountExists(long context, long address) {
        try {
            return execution(context).host.accountExists(Memory.addressAt(address));
        } catch (Throwable t) {
            fail(context, t);
            return false;
        }
    }

    static MemorySegment getStorage(long context, long address, long key) {
        try {
            Execution execution = execution(context);
            return word(execution, execution.host.getStorage(Memory.addressAt(address), Memory.bytes32At(key)));
        } catch (Throwable t) {
            fail(context, t);
            return zeroWord(context);
        }
    }

    static int setStorage(long context, long address, long key, long value) {
        try {
            StorageStatus status = execution(context).host.setStorage(Memory.addressAt(address), Memory.bytes32At(key),
                    Memory.bytes32At(value));
            return status.code();
        } catch (Throwable t) {
            fail(context, t);
            return StorageStatus.ASSIGNED.code();
        }
    }

    static MemorySegment getBalance(long context, long address) {
        try {
            Execution execution = execution(context);
            return word(execution, execution.host.getBalance(Memory.addressAt(address)));
        } catch (Throwable t) {
            fail(context, t);
            return zeroWord(context);
        }
    }

    static long getCodeSize(long context, long address) {
        try {
            return execution(context).host.getCodeSize(Memory.addressAt(address));
        } catch (Throwable t) {
            fail(context, t);
            return 0;
        }
    }

    static MemorySegment getCodeHash(long context, long address) {
        try {
            Execution execution = execution(context);
            return word(execution, execution.host.getCodeHash(Memory.addressAt(address)));
        } catch (Throwable t) {
            fail(context, t);
            return zeroWord(context);
        }
    }

    /** The most bytes copy_code asks the Java host for at once: 1 MiB, more than any code a chain allows. */
    static final int COPY_CODE_CHUNK = 1 << 20;

    static long copyCode(long context, long address, long codeOffset, long buffer,
            long bufferSize) {
        try {
            Execution execution = execution(context);
            int length = (int) Math.min(bufferSize < 0 ? Integer.MAX_VALUE : bufferSize, Integer.MAX_VALUE - 8);
            if (length == 0) {
                return 0;
            }
            if (buffer == 0) {
                throw new IllegalStateException("the VM passed NULL for copy_code's buffer of " + length + " bytes");
            }
            // size_t offsets of 2^63 and more are past any code.
            long offset = codeOffset < 0 ? Long.MAX_VALUE : codeOffset;
            Address account = Memory.addressAt(address);
            // A VM's buffer may be far larger than the code: the Java copy grows a chunk at a time (one host call
            // for any code up to a chunk), never to the buffer's size at once.
            int total = 0;
            while (total < length) {
                int chunk = Math.min(length - total, COPY_CODE_CHUNK);
                byte[] copy = new byte[chunk];
                long from = offset > Long.MAX_VALUE - total ? Long.MAX_VALUE : offset + total;
                int copied = execution.host.copyCode(account, from, copy, 0, chunk);
                if (copied < 0 || copied > chunk) {
                    throw new IllegalStateException("Host.copyCode returned " + copied + " for a buffer of " + chunk);
                }
                if (copied > 0) {
                    MemorySegment.copy(copy, 0, Memory.EVERYTHING, JAVA_BYTE, buffer + total, copied);
                }
                total += copied;
                if (copied < chunk) {
                    break;
                }
            }
            return total;
        } catch (Throwable t) {
            fail(context, t);
            return 0;
        }
    }

    static boolean selfdestruct(long context, long address, long beneficiary) {
        try {
            return execution(context).host.selfdestruct(Memory.addressAt(address), Memory.addressAt(beneficiary));
        } catch (Throwable t) {
            fail(context, t);
            return false;
        }
    }

    static MemorySegment call(long context, long message) {
        Execution execution = Execution.of(context);
        if (execution == null) {
            return failedCall(Arena.ofAuto().allocate(Abi.RESULT));
        }
        MemorySegment target;
        try {
            target = execution.callResult();
            // Reused by every call of the execution: no output pointer of an earlier, released result may remain.
            target.fill((byte) 0);
        } catch (Throwable t) {
            execution.fail(t);
            return failedCall(Arena.ofAuto().allocate(Abi.RESULT));
        }
        try {
            Message javaMessage = readMessage(Memory.at(message, Abi.MESSAGE.byteSize()));
            try (Result result = execution.host.call(javaMessage)) {
                if (result == null) {
                    throw new IllegalStateException("Host.call returned null");
                }
                writeResult(target, result);
            }
            return target;
        } catch (Throwable t) {
            execution.fail(t);
            // The output copy writeResult may have made before the Java result's close threw.
            releaseHostResult(target);
            return failedCall(target);
        }
    }

    private static MemorySegment failedCall(MemorySegment target) {
        target.fill((byte) 0);
        target.set(JAVA_INT, Abi.RESULT_STATUS, StatusCode.INTERNAL_ERROR.code());
        return target;
    }

    static MemorySegment getTxContext(long context) {
        Execution execution = Execution.of(context);
        if (execution == null) {
            return Arena.ofAuto().allocate(Abi.TX_CONTEXT);
        }
        MemorySegment target;
        try {
            target = execution.txContext();
        } catch (Throwable t) {
            execution.fail(t);
            return Arena.ofAuto().allocate(Abi.TX_CONTEXT);
        }
        try {
            TxContext tx = execution.host.getTxContext();
            if (tx == null) {
                throw new IllegalStateException("Host.getTxContext returned null");
            }
            // A VM may ask for every NUMBER or TIMESTAMP: the same context is written (with its arrays, which live
            // until the execution ends) once, not again on every call.
            if (!tx.equals(execution.writtenTxContext)) {
                execution.writtenTxContext = null;
                writeTxContext(target, tx, execution);
                execution.writtenTxContext = tx;
            }
            return target;
        } catch (Throwable t) {
            execution.fail(t);
            execution.writtenTxContext = null;
            target.fill((byte) 0);
            return target;
        }
    }

    static MemorySegment getBlockHash(long context, long number) {
        try {
            Execution execution = execution(context);
            return word(execution, execution.host.getBlockHash(number));
        } catch (Throwable t) {
            fail(context, t);
            return zeroWord(context);
        }
    }

    static void emitLog(long context, long address, long data, long dataSize,
            long topics, long topicsCount) {
        try {
            Execution execution = execution(context);
            Bytes bytes = Memory.copyBytes(MemorySegment.ofAddress(data), dataSize, "emit_log's data");
            if (topicsCount < 0 || topicsCount > 1024) {
                throw new IllegalStateException("emit_log with " + Long.toUnsignedString(topicsCount) + " topics");
            }
            List<Bytes32> topicList = new ArrayList<>((int) topicsCount);
            if (topicsCount > 0) {
                MemorySegment array = Memory.at(topics, 32 * topicsCount);
                for (int i = 0; i < topicsCount; i++) {
                    topicList.add(Memory.readBytes32(array, 32L * i));
                }
            }
            execution.host.emitLog(Memory.addressAt(address), bytes, topicList);
        } catch (Throwable t) {
            fail(context, t);
        }
    }

    static int accessAccount(long context, long address) {
        try {
            AccessStatus status = execution(context).host.accessAccount(Memory.addressAt(address));
            return status.code();
        } catch (Throwable t) {
            fail(context, t);
            return AccessStatus.COLD.code();
        }
    }

    static int accessStorage(long context, long address, long key) {
        try {
            AccessStatus status = execution(context).host.accessStorage(Memory.addressAt(address),
                    Memory.bytes32At(key));
            return status.code();
        } catch (Throwable t) {
            fail(context, t);
            return AccessStatus.COLD.code();
        }
    }

    static MemorySegment getTransientStorage(long context, long address, long key) {
        try {
            Execution execution = execution(context);
            return word(execution, execution.host.getTransientStorage(Memory.addressAt(address),
                    Memory.bytes32At(key)));
        } catch (Throwable t) {
            fail(context, t);
            return zeroWord(context);
        }
    }

    static void setTransientStorage(long context, long address, long key,
            long value) {
        try {
            execution(context).host.setTransientStorage(Memory.addressAt(address), Memory.bytes32At(key),
                    Memory.bytes32At(value));
        } catch (Throwable t) {
            fail(context, t);
        }
    }

    /** The {@code release} of a result from {@link #call}: frees the output copy, the one thing allocated. */
    static void releaseHostResult(MemorySegment result) {
        try {
            MemorySegment output = result.reinterpret(Abi.RESULT.byteSize()).get(ADDRESS, Abi.RESULT_OUTPUT_DATA);
            if (!output.equals(MemorySegment.NULL)) {
                FREE.invokeExact(output);
            }
        } catch (Throwable t) {
            // Nothing to report to: release has no execution. free() does not fail on our own pointer.
        }
    }

    /** A native message (from a VM's call) as a Java message; throws on values the spi cannot hold. */
    static Message readMessage(MemorySegment message) {
        int kindCode = message.get(JAVA_INT, Abi.MESSAGE_KIND);
        CallKind kind = CallKind.fromCode(kindCode).orElseThrow(() -> new IllegalStateException(
                "the VM's call message has the unknown kind " + kindCode));
        return new Message(kind,
                MessageFlag.fromMask(message.get(JAVA_INT, Abi.MESSAGE_FLAGS)),
                message.get(JAVA_INT, Abi.MESSAGE_DEPTH),
                message.get(JAVA_LONG, Abi.MESSAGE_GAS),
                Memory.readAddress(message, Abi.MESSAGE_RECIPIENT),
                Memory.readAddress(message, Abi.MESSAGE_SENDER),
                Memory.copyBytes(message.get(ADDRESS, Abi.MESSAGE_INPUT_DATA), message.get(JAVA_LONG,
                        Abi.MESSAGE_INPUT_SIZE), "the call message's input"),
                Memory.readBytes32(message, Abi.MESSAGE_VALUE),
                Memory.readBytes32(message, Abi.MESSAGE_CREATE2_SALT),
                Memory.readAddress(message, Abi.MESSAGE_CODE_ADDRESS),
                Memory.copyBytes(message.get(ADDRESS, Abi.MESSAGE_CODE), message.get(JAVA_LONG, Abi.MESSAGE_CODE_SIZE),
                        "the call message's code"));
    }

    /** Writes {@code result} as a native result whose output is a malloc'ed copy released by our stub. */
    private static void writeResult(MemorySegment target, Result result) throws Throwable {
        target.fill((byte) 0);
        target.set(JAVA_INT, Abi.RESULT_STATUS, result.status().code());
        target.set(JAVA_LONG, Abi.RESULT_GAS_LEFT, result.gasLeft());
        target.set(JAVA_LONG, Abi.RESULT_GAS_REFUND, result.gasRefund());
        Bytes output = result.output();
        if (!output.isEmpty()) {
            MemorySegment copy = (MemorySegment) MALLOC.invokeExact((long) output.size());
            if (copy.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("malloc(" + output.size() + ") failed for a call result's output");
            }
            MemorySegment.copy(MemorySegment.ofBuffer(output.asByteBuffer()), 0, copy.reinterpret(output.size()), 0,
                    output.size());
            target.set(ADDRESS, Abi.RESULT_OUTPUT_DATA, copy);
            target.set(JAVA_LONG, Abi.RESULT_OUTPUT_SIZE, output.size());
            target.set(ADDRESS, Abi.RESULT_RELEASE, RELEASE_HOST_RESULT);
        }
        Memory.writeAddress(target, Abi.RESULT_CREATE_ADDRESS, result.createAddress());
    }

    private static void writeTxContext(MemorySegment target, TxContext tx, SegmentAllocator arena) {
        Memory.writeBytes32(target, Abi.TX_GAS_PRICE, tx.gasPrice());
        Memory.writeAddress(target, Abi.TX_ORIGIN, tx.origin());
        Memory.writeAddress(target, Abi.TX_COINBASE, tx.coinbase());
        target.set(JAVA_LONG, Abi.TX_BLOCK_NUMBER, tx.blockNumber());
        target.set(JAVA_LONG, Abi.TX_TIMESTAMP, tx.timestamp());
        target.set(JAVA_LONG, Abi.TX_GAS_LIMIT, tx.gasLimit());
        Memory.writeBytes32(target, Abi.TX_PREV_RANDAO, tx.prevRandao());
        Memory.writeBytes32(target, Abi.TX_CHAIN_ID, tx.chainId());
        Memory.writeBytes32(target, Abi.TX_BASE_FEE, tx.baseFee());
        Memory.writeBytes32(target, Abi.TX_BLOB_BASE_FEE, tx.blobBaseFee());
        List<Bytes32> hashes = tx.blobHashes();
        MemorySegment hashArray = MemorySegment.NULL;
        if (!hashes.isEmpty()) {
            hashArray = arena.allocate(Abi.BYTES32, hashes.size());
            for (int i = 0; i < hashes.size(); i++) {
                Memory.writeBytes32(hashArray, 32L * i, hashes.get(i));
            }
        }
        target.set(ADDRESS, Abi.TX_BLOB_HASHES, hashArray);
        target.set(JAVA_LONG, Abi.TX_BLOB_HASHES_COUNT, hashes.size());
        List<TxInitcode> initcodes = tx.initcodes();
        MemorySegment initcodeArray = MemorySegment.NULL;
        if (!initcodes.isEmpty()) {
            initcodeArray = arena.allocate(Abi.TX_INITCODE, initcodes.size());
            for (int i = 0; i < initcodes.size(); i++) {
                long base = Abi.TX_INITCODE.byteSize() * i;
                TxInitcode initcode = initcodes.get(i);
                Memory.writeBytes32(initcodeArray, base + Abi.INITCODE_HASH, initcode.hash());
                MemorySegment code = copyIn(initcode.code(), arena);
                initcodeArray.set(ADDRESS, base + Abi.INITCODE_CODE, code);
                initcodeArray.set(JAVA_LONG, base + Abi.INITCODE_CODE_SIZE, initcode.code().size());
            }
        }
        target.set(ADDRESS, Abi.TX_INITCODES, initcodeArray);
        target.set(JAVA_LONG, Abi.TX_INITCODES_COUNT, initcodes.size());
    }

    /** A native copy of {@code bytes} from {@code arena}; NULL for none. */
    static MemorySegment copyIn(Bytes bytes, SegmentAllocator arena) {
        if (bytes.isEmpty()) {
            return MemorySegment.NULL;
        }
        MemorySegment copy = arena.allocate(bytes.size());
        MemorySegment.copy(MemorySegment.ofBuffer(bytes.asByteBuffer()), 0, copy, 0, bytes.size());
        return copy;
    }

    /** The method type a signature gives (for tests). */
    static MethodType methodType(FunctionDescriptor signature) {
        return signature.toMethodType();
    }
}
