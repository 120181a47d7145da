/*
 * Prints the layout of every type of dvmc.h and the value of every enum constant, one `KEY VALUE`
 * per line, for comparison with the layouts the Java bridge declares. The format is stable:
 *   sizeof.<type> <bytes>
 *   alignof.<type> <bytes>
 *   offsetof.<type>.<field> <bytes>
 *   enum.<CONSTANT> <value>
 * Build: gcc -std=c99 -I native/include native/test/layout_dump.c -o layout_dump
 */
#include <dvmc/dvmc.h>

#include <stddef.h>
#include <stdio.h>

/* C99 has no alignof; the offset of a member after one char is the type's alignment. */
#define ALIGNOF(type) offsetof(struct { char c; type t; }, t)

#define SIZE(tag, type) printf("sizeof.%s %zu\nalignof.%s %zu\n", tag, sizeof(type), tag, (size_t)ALIGNOF(type))
#define OFFSET(tag, type, field) printf("offsetof.%s.%s %zu\n", tag, #field, offsetof(type, field))
#define ENUM(constant) printf("enum.%s %lld\n", #constant, (long long)(constant))

int main(void)
{
    SIZE("dvmc_bytes32", dvmc_bytes32);
    SIZE("dvmc_address", dvmc_address);

    SIZE("dvmc_message", struct dvmc_message);
    OFFSET("dvmc_message", struct dvmc_message, kind);
    OFFSET("dvmc_message", struct dvmc_message, flags);
    OFFSET("dvmc_message", struct dvmc_message, depth);
    OFFSET("dvmc_message", struct dvmc_message, gas);
    OFFSET("dvmc_message", struct dvmc_message, recipient);
    OFFSET("dvmc_message", struct dvmc_message, sender);
    OFFSET("dvmc_message", struct dvmc_message, input_data);
    OFFSET("dvmc_message", struct dvmc_message, input_size);
    OFFSET("dvmc_message", struct dvmc_message, value);
    OFFSET("dvmc_message", struct dvmc_message, create2_salt);
    OFFSET("dvmc_message", struct dvmc_message, code_address);
    OFFSET("dvmc_message", struct dvmc_message, code);
    OFFSET("dvmc_message", struct dvmc_message, code_size);

    SIZE("dvmc_tx_initcode", dvmc_tx_initcode);
    OFFSET("dvmc_tx_initcode", dvmc_tx_initcode, hash);
    OFFSET("dvmc_tx_initcode", dvmc_tx_initcode, code);
    OFFSET("dvmc_tx_initcode", dvmc_tx_initcode, code_size);

    SIZE("dvmc_tx_context", struct dvmc_tx_context);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, tx_gas_price);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, tx_origin);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_coinbase);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_number);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_timestamp);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_gas_limit);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_prev_randao);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, chain_id);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, block_base_fee);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, blob_base_fee);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, blob_hashes);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, blob_hashes_count);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, initcodes);
    OFFSET("dvmc_tx_context", struct dvmc_tx_context, initcodes_count);

    SIZE("dvmc_result", struct dvmc_result);
    OFFSET("dvmc_result", struct dvmc_result, status_code);
    OFFSET("dvmc_result", struct dvmc_result, gas_left);
    OFFSET("dvmc_result", struct dvmc_result, gas_refund);
    OFFSET("dvmc_result", struct dvmc_result, output_data);
    OFFSET("dvmc_result", struct dvmc_result, output_size);
    OFFSET("dvmc_result", struct dvmc_result, release);
    OFFSET("dvmc_result", struct dvmc_result, create_address);
    OFFSET("dvmc_result", struct dvmc_result, padding);

    SIZE("dvmc_host_interface", struct dvmc_host_interface);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, account_exists);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_storage);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, set_storage);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_balance);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_code_size);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_code_hash);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, copy_code);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, selfdestruct);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, call);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_tx_context);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_block_hash);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, emit_log);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, access_account);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, access_storage);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, get_transient_storage);
    OFFSET("dvmc_host_interface", struct dvmc_host_interface, set_transient_storage);

    SIZE("dvmc_vm", struct dvmc_vm);
    OFFSET("dvmc_vm", struct dvmc_vm, abi_version);
    OFFSET("dvmc_vm", struct dvmc_vm, name);
    OFFSET("dvmc_vm", struct dvmc_vm, version);
    OFFSET("dvmc_vm", struct dvmc_vm, destroy);
    OFFSET("dvmc_vm", struct dvmc_vm, retrieve_desc_vx);
    OFFSET("dvmc_vm", struct dvmc_vm, get_capabilities);
    OFFSET("dvmc_vm", struct dvmc_vm, set_option);

    SIZE("dvmc_call_kind", enum dvmc_call_kind);
    SIZE("dvmc_status_code", enum dvmc_status_code);
    SIZE("dvmc_revision", enum dvmc_revision);
    SIZE("dvmc_storage_status", enum dvmc_storage_status);
    SIZE("dvmc_access_status", enum dvmc_access_status);
    SIZE("dvmc_set_option_result", enum dvmc_set_option_result);
    SIZE("dvmc_capabilities_flagset", dvmc_capabilities_flagset);
    SIZE("bool", bool);
    SIZE("size_t", size_t);
    SIZE("pointer", void*);

    ENUM(DVMC_ABI_VERSION);

    ENUM(DVMC_CALL);
    ENUM(DVMC_DELEGATECALL);
    ENUM(DVMC_CALLCODE);
    ENUM(DVMC_CREATE);
    ENUM(DVMC_CREATE2);
    ENUM(DVMC_EOFCREATE);

    ENUM(DVMC_STATIC);
    ENUM(DVMC_DELEGATED);

    ENUM(DVMC_SUCCESS);
    ENUM(DVMC_FAILURE);
    ENUM(DVMC_REVERT);
    ENUM(DVMC_OUT_OF_GAS);
    ENUM(DVMC_INVALID_INSTRUCTION);
    ENUM(DVMC_UNDEFINED_INSTRUCTION);
    ENUM(DVMC_STACK_OVERFLOW);
    ENUM(DVMC_STACK_UNDERFLOW);
    ENUM(DVMC_BAD_JUMP_DESTINATION);
    ENUM(DVMC_INVALID_MEMORY_ACCESS);
    ENUM(DVMC_CALL_DEPTH_EXCEEDED);
    ENUM(DVMC_STATIC_MODE_VIOLATION);
    ENUM(DVMC_PRECOMPILE_FAILURE);
    ENUM(DVMC_CONTRACT_VALIDATION_FAILURE);
    ENUM(DVMC_ARGUMENT_OUT_OF_RANGE);
    ENUM(DVMC_WASM_UNREACHABLE_INSTRUCTION);
    ENUM(DVMC_WASM_TRAP);
    ENUM(DVMC_INSUFFICIENT_BALANCE);
    ENUM(DVMC_INTERNAL_ERROR);
    ENUM(DVMC_REJECTED);
    ENUM(DVMC_OUT_OF_MEMORY);

    ENUM(DVMC_STORAGE_ASSIGNED);
    ENUM(DVMC_STORAGE_ADDED);
    ENUM(DVMC_STORAGE_DELETED);
    ENUM(DVMC_STORAGE_MODIFIED);
    ENUM(DVMC_STORAGE_DELETED_ADDED);
    ENUM(DVMC_STORAGE_MODIFIED_DELETED);
    ENUM(DVMC_STORAGE_DELETED_RESTORED);
    ENUM(DVMC_STORAGE_ADDED_DELETED);
    ENUM(DVMC_STORAGE_MODIFIED_RESTORED);

    ENUM(DVMC_ACCESS_COLD);
    ENUM(DVMC_ACCESS_WARM);

    ENUM(DVMC_SET_OPTION_SUCCESS);
    ENUM(DVMC_SET_OPTION_INVALID_NAME);
    ENUM(DVMC_SET_OPTION_INVALID_VALUE);

    ENUM(DVMC_FRONTIER);
    ENUM(DVMC_HOMESTEAD);
    ENUM(DVMC_TANGERINE_WHISTLE);
    ENUM(DVMC_SPURIOUS_DRAGON);
    ENUM(DVMC_BYZANTIUM);
    ENUM(DVMC_CONSTANTINOPLE);
    ENUM(DVMC_PETERSBURG);
    ENUM(DVMC_ISTANBUL);
    ENUM(DVMC_BERLIN);
    ENUM(DVMC_LONDON);
    ENUM(DVMC_PARIS);
    ENUM(DVMC_SHANGHAI);
    ENUM(DVMC_CANCUN);
    ENUM(DVMC_PRAGUE);
    ENUM(DVMC_OSAKA);
    ENUM(DVMC_EXPERIMENTAL);
    ENUM(DVMC_MAX_REVISION);
    ENUM(DVMC_LATEST_STABLE_REVISION);

    ENUM(DVMC_CAPABILITY_DVM1);
    ENUM(DVMC_CAPABILITY_EWASM);
    ENUM(DVMC_CAPABILITY_PRECOMPILES);
    return 0;
}
