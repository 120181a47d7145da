package org.dvmc.host.bridge;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory layouts of the DVMC C ABI 12 ({@code native/include/dvmc/dvmc.h}), field for field as the
 * reference C interface 12.1.0 lays them out on a 64-bit platform ({@code size_t} and pointers are 8 bytes,
 * {@code enum} and {@code bool} as the C compiler lays them out: 4 bytes and 1 byte). A test compares every
 * size, offset and enum number here with what the C compiler says about the header, so they cannot drift.
 */
final class Abi {

    private Abi() {
    }

    /** {@code dvmc_bytes32}: 32 bytes, big-endian when a number. */
    static final StructLayout BYTES32 = structLayout(sequenceLayout(32, JAVA_BYTE).withName("bytes")).withName("dvmc_bytes32");
    /** {@code dvmc_address}: 20 bytes. */
    static final StructLayout ADDRESS20 = structLayout(sequenceLayout(20, JAVA_BYTE).withName("bytes")).withName("dvmc_address");

    /** {@code struct dvmc_message}. */
    static final StructLayout MESSAGE = structLayout(
            JAVA_INT.withName("kind"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("depth"),
            paddingLayout(4),
            JAVA_LONG.withName("gas"),
            ADDRESS20.withName("recipient"),
            ADDRESS20.withName("sender"),
            ADDRESS.withName("input_data"),
            JAVA_LONG.withName("input_size"),
            BYTES32.withName("value"),
            BYTES32.withName("create2_salt"),
            ADDRESS20.withName("code_address"),
            paddingLayout(4),
            ADDRESS.withName("code"),
            JAVA_LONG.withName("code_size")).withName("dvmc_message");

    /** {@code struct dvmc_tx_initcode}. */
    static final StructLayout TX_INITCODE = structLayout(
            BYTES32.withName("hash"),
            ADDRESS.withName("code"),
            JAVA_LONG.withName("code_size")).withName("dvmc_tx_initcode");

    /** {@code struct dvmc_tx_context}. */
    static final StructLayout TX_CONTEXT = structLayout(
            BYTES32.withName("tx_gas_price"),
            ADDRESS20.withName("tx_origin"),
            ADDRESS20.withName("block_coinbase"),
            JAVA_LONG.withName("block_number"),
            JAVA_LONG.withName("block_timestamp"),
            JAVA_LONG.withName("block_gas_limit"),
            BYTES32.withName("block_prev_randao"),
            BYTES32.withName("chain_id"),
            BYTES32.withName("block_base_fee"),
            BYTES32.withName("blob_base_fee"),
            ADDRESS.withName("blob_hashes"),
            JAVA_LONG.withName("blob_hashes_count"),
            ADDRESS.withName("initcodes"),
            JAVA_LONG.withName("initcodes_count")).withName("dvmc_tx_context");

    /** {@code struct dvmc_result}. */
    static final StructLayout RESULT = structLayout(
            JAVA_INT.withName("status_code"),
            paddingLayout(4),
            JAVA_LONG.withName("gas_left"),
            JAVA_LONG.withName("gas_refund"),
            ADDRESS.withName("output_data"),
            JAVA_LONG.withName("output_size"),
            ADDRESS.withName("release"),
            ADDRESS20.withName("create_address"),
            sequenceLayout(4, JAVA_BYTE).withName("padding")).withName("dvmc_result");

    /** The 16 callbacks of {@code struct dvmc_host_interface}, in the reference order. */
    static final String[] HOST_CALLBACKS = {"account_exists", "get_storage", "set_storage", "get_balance",
        "get_code_size", "get_code_hash", "copy_code", "selfdestruct", "call", "get_tx_context", "get_block_hash",
        "emit_log", "access_account", "access_storage", "get_transient_storage", "set_transient_storage"};

    /** {@code struct dvmc_host_interface}. */
    static final StructLayout HOST_INTERFACE = hostInterface();

    /** {@code struct dvmc_vm}. */
    static final StructLayout VM = structLayout(
            JAVA_INT.withName("abi_version"),
            paddingLayout(4),
            ADDRESS.withName("name"),
            ADDRESS.withName("version"),
            ADDRESS.withName("destroy"),
            ADDRESS.withName("retrieve_desc_vx"),
            ADDRESS.withName("get_capabilities"),
            ADDRESS.withName("set_option")).withName("dvmc_vm");

    // Offsets used on the hot paths, computed from the layouts above.
    static final long MESSAGE_KIND = offset(MESSAGE, "kind");
    static final long MESSAGE_FLAGS = offset(MESSAGE, "flags");
    static final long MESSAGE_DEPTH = offset(MESSAGE, "depth");
    static final long MESSAGE_GAS = offset(MESSAGE, "gas");
    static final long MESSAGE_RECIPIENT = offset(MESSAGE, "recipient");
    static final long MESSAGE_SENDER = offset(MESSAGE, "sender");
    static final long MESSAGE_INPUT_DATA = offset(MESSAGE, "input_data");
    static final long MESSAGE_INPUT_SIZE = offset(MESSAGE, "input_size");
    static final long MESSAGE_VALUE = offset(MESSAGE, "value");
    static final long MESSAGE_CREATE2_SALT = offset(MESSAGE, "create2_salt");
    static final long MESSAGE_CODE_ADDRESS = offset(MESSAGE, "code_address");
    static final long MESSAGE_CODE = offset(MESSAGE, "code");
    static final long MESSAGE_CODE_SIZE = offset(MESSAGE, "code_size");

    static final long RESULT_STATUS = offset(RESULT, "status_code");
    static final long RESULT_GAS_LEFT = offset(RESULT, "gas_left");
    static final long RESULT_GAS_REFUND = offset(RESULT, "gas_refund");
    static final long RESULT_OUTPUT_DATA = offset(RESULT, "output_data");
    static final long RESULT_OUTPUT_SIZE = offset(RESULT, "output_size");
    static final long RESULT_RELEASE = offset(RESULT, "release");
    static final long RESULT_CREATE_ADDRESS = offset(RESULT, "create_address");

    static final long TX_GAS_PRICE = offset(TX_CONTEXT, "tx_gas_price");
    static final long TX_ORIGIN = offset(TX_CONTEXT, "tx_origin");
    static final long TX_COINBASE = offset(TX_CONTEXT, "block_coinbase");
    static final long TX_BLOCK_NUMBER = offset(TX_CONTEXT, "block_number");
    static final long TX_TIMESTAMP = offset(TX_CONTEXT, "block_timestamp");
    static final long TX_GAS_LIMIT = offset(TX_CONTEXT, "block_gas_limit");
    static final long TX_PREV_RANDAO = offset(TX_CONTEXT, "block_prev_randao");
    static final long TX_CHAIN_ID = offset(TX_CONTEXT, "chain_id");
    static final long TX_BASE_FEE = offset(TX_CONTEXT, "block_base_fee");
    static final long TX_BLOB_BASE_FEE = offset(TX_CONTEXT, "blob_base_fee");
    static final long TX_BLOB_HASHES = offset(TX_CONTEXT, "blob_hashes");
    static final long TX_BLOB_HASHES_COUNT = offset(TX_CONTEXT, "blob_hashes_count");
    static final long TX_INITCODES = offset(TX_CONTEXT, "initcodes");
    static final long TX_INITCODES_COUNT = offset(TX_CONTEXT, "initcodes_count");

    static final long INITCODE_HASH = offset(TX_INITCODE, "hash");
    static final long INITCODE_CODE = offset(TX_INITCODE, "code");
    static final long INITCODE_CODE_SIZE = offset(TX_INITCODE, "code_size");

    static final long VM_ABI_VERSION = offset(VM, "abi_version");
    static final long VM_NAME = offset(VM, "name");
    static final long VM_VERSION = offset(VM, "version");
    static final long VM_DESTROY = offset(VM, "destroy");
    static final long VM_EXECUTE = offset(VM, "retrieve_desc_vx");
    static final long VM_GET_CAPABILITIES = offset(VM, "get_capabilities");
    static final long VM_SET_OPTION = offset(VM, "set_option");

    // Function signatures (the vm's methods, then the host's callbacks).
    static final FunctionDescriptor CREATE_FN = FunctionDescriptor.of(ADDRESS);
    static final FunctionDescriptor DESTROY_FN = FunctionDescriptor.ofVoid(ADDRESS);
    static final FunctionDescriptor EXECUTE_FN = FunctionDescriptor.of(RESULT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG);
    static final FunctionDescriptor GET_CAPABILITIES_FN = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    static final FunctionDescriptor SET_OPTION_FN = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    static final FunctionDescriptor RELEASE_FN = FunctionDescriptor.ofVoid(ADDRESS);

    // The host callbacks take their pointers (the context too) as 64-bit integers: the same register on every
    // 64-bit ABI, and the upcall then reads through one segment spanning all memory (Memory.EVERYTHING) instead
    // of receiving a new MemorySegment object per pointer argument and call.
    private static final ValueLayout.OfLong POINTER = JAVA_LONG;

    static final FunctionDescriptor ACCOUNT_EXISTS_FN = FunctionDescriptor.of(JAVA_BOOLEAN, POINTER, POINTER);
    static final FunctionDescriptor GET_STORAGE_FN = FunctionDescriptor.of(BYTES32, POINTER, POINTER, POINTER);
    static final FunctionDescriptor SET_STORAGE_FN = FunctionDescriptor.of(JAVA_INT, POINTER, POINTER, POINTER,
            POINTER);
    static final FunctionDescriptor GET_BALANCE_FN = FunctionDescriptor.of(BYTES32, POINTER, POINTER);
    static final FunctionDescriptor GET_CODE_SIZE_FN = FunctionDescriptor.of(JAVA_LONG, POINTER, POINTER);
    static final FunctionDescriptor GET_CODE_HASH_FN = FunctionDescriptor.of(BYTES32, POINTER, POINTER);
    static final FunctionDescriptor COPY_CODE_FN = FunctionDescriptor.of(JAVA_LONG, POINTER, POINTER, JAVA_LONG,
            POINTER, JAVA_LONG);
    static final FunctionDescriptor SELFDESTRUCT_FN = FunctionDescriptor.of(JAVA_BOOLEAN, POINTER, POINTER,
            POINTER);
    static final FunctionDescriptor CALL_FN = FunctionDescriptor.of(RESULT, POINTER, POINTER);
    static final FunctionDescriptor GET_TX_CONTEXT_FN = FunctionDescriptor.of(TX_CONTEXT, POINTER);
    static final FunctionDescriptor GET_BLOCK_HASH_FN = FunctionDescriptor.of(BYTES32, POINTER, JAVA_LONG);
    static final FunctionDescriptor EMIT_LOG_FN = FunctionDescriptor.ofVoid(POINTER, POINTER, POINTER, JAVA_LONG,
            POINTER, JAVA_LONG);
    static final FunctionDescriptor ACCESS_ACCOUNT_FN = FunctionDescriptor.of(JAVA_INT, POINTER, POINTER);
    static final FunctionDescriptor ACCESS_STORAGE_FN = FunctionDescriptor.of(JAVA_INT, POINTER, POINTER,
            POINTER);
    static final FunctionDescriptor GET_TRANSIENT_STORAGE_FN = FunctionDescriptor.of(BYTES32, POINTER, POINTER,
            POINTER);
    static final FunctionDescriptor SET_TRANSIENT_STORAGE_FN = FunctionDescriptor.ofVoid(POINTER, POINTER,
            POINTER, POINTER);

    /**
     * Every size and offset of the layouts, keyed as {@code native/test/layout_dump.c} prints them:
     * {@code sizeof.dvmc_message}, {@code offsetof.dvmc_message.gas}, ... (padding left out).
     */
    static Map<String, Long> sizesAndOffsets() {
        Map<String, Long> facts = new LinkedHashMap<>();
        for (StructLayout struct : new StructLayout[] {BYTES32, ADDRESS20, MESSAGE, TX_INITCODE, TX_CONTEXT, RESULT,
            HOST_INTERFACE, VM}) {
            String name = struct.name().orElseThrow();
            facts.put("sizeof." + name, struct.byteSize());
            for (MemoryLayout member : struct.memberLayouts()) {
                member.name().ifPresent(field -> facts.put("offsetof." + name + "." + field,
                        struct.byteOffset(PathElement.groupElement(field))));
            }
        }
        return facts;
    }

    private static StructLayout hostInterface() {
        MemoryLayout[] members = new MemoryLayout[HOST_CALLBACKS.length];
        for (int i = 0; i < members.length; i++) {
            members[i] = ADDRESS.withName(HOST_CALLBACKS[i]);
        }
        return structLayout(members).withName("dvmc_host_interface");
    }

    private static long offset(StructLayout struct, String field) {
        return struct.byteOffset(PathElement.groupElement(field));
    }
}
