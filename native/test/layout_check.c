/*
 * Compile-time checks of the layout of dvmc.h on x86_64 (LP64): every sizeof, offsetof and enum
 * value. The numbers are those of ABI version 12 of the reference C interface (12.1.0); the Java
 * bridge declares the same layouts, and layout_dump.c prints them for comparison.
 *
 * Compiled (by native/test/check-header.sh, run by the Maven build) as C99, C11 and C++17 with
 * -Wall -Wextra -pedantic -Werror. Any drift fails the compilation.
 */
#include <dvmc/dvmc.h>

#include <stddef.h>

#if defined(__cplusplus)
#define DVMC_CHECK(condition) static_assert(condition, #condition)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define DVMC_CHECK(condition) _Static_assert(condition, #condition)
#else
/* C99 has no static assertion: an array of negative size fails instead. */
#define DVMC_CHECK_NAME2(line) dvmc_layout_check_##line
#define DVMC_CHECK_NAME(line) DVMC_CHECK_NAME2(line)
#define DVMC_CHECK(condition) typedef char DVMC_CHECK_NAME(__LINE__)[(condition) ? 1 : -1]
#endif

#if defined(__x86_64__) && defined(__LP64__)
DVMC_CHECK(sizeof(dvmc_bytes32) == 32);
DVMC_CHECK(sizeof(dvmc_address) == 20);
DVMC_CHECK(sizeof(struct dvmc_message) == 184);
DVMC_CHECK(offsetof(struct dvmc_message, kind) == 0);
DVMC_CHECK(offsetof(struct dvmc_message, flags) == 4);
DVMC_CHECK(offsetof(struct dvmc_message, depth) == 8);
DVMC_CHECK(offsetof(struct dvmc_message, gas) == 16);
DVMC_CHECK(offsetof(struct dvmc_message, recipient) == 24);
DVMC_CHECK(offsetof(struct dvmc_message, sender) == 44);
DVMC_CHECK(offsetof(struct dvmc_message, input_data) == 64);
DVMC_CHECK(offsetof(struct dvmc_message, input_size) == 72);
DVMC_CHECK(offsetof(struct dvmc_message, value) == 80);
DVMC_CHECK(offsetof(struct dvmc_message, create2_salt) == 112);
DVMC_CHECK(offsetof(struct dvmc_message, code_address) == 144);
DVMC_CHECK(offsetof(struct dvmc_message, code) == 168);
DVMC_CHECK(offsetof(struct dvmc_message, code_size) == 176);
DVMC_CHECK(sizeof(dvmc_tx_initcode) == 48);
DVMC_CHECK(offsetof(dvmc_tx_initcode, hash) == 0);
DVMC_CHECK(offsetof(dvmc_tx_initcode, code) == 32);
DVMC_CHECK(offsetof(dvmc_tx_initcode, code_size) == 40);
DVMC_CHECK(sizeof(struct dvmc_tx_context) == 256);
DVMC_CHECK(offsetof(struct dvmc_tx_context, tx_gas_price) == 0);
DVMC_CHECK(offsetof(struct dvmc_tx_context, tx_origin) == 32);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_coinbase) == 52);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_number) == 72);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_timestamp) == 80);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_gas_limit) == 88);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_prev_randao) == 96);
DVMC_CHECK(offsetof(struct dvmc_tx_context, chain_id) == 128);
DVMC_CHECK(offsetof(struct dvmc_tx_context, block_base_fee) == 160);
DVMC_CHECK(offsetof(struct dvmc_tx_context, blob_base_fee) == 192);
DVMC_CHECK(offsetof(struct dvmc_tx_context, blob_hashes) == 224);
DVMC_CHECK(offsetof(struct dvmc_tx_context, blob_hashes_count) == 232);
DVMC_CHECK(offsetof(struct dvmc_tx_context, initcodes) == 240);
DVMC_CHECK(offsetof(struct dvmc_tx_context, initcodes_count) == 248);
DVMC_CHECK(sizeof(struct dvmc_result) == 72);
DVMC_CHECK(offsetof(struct dvmc_result, status_code) == 0);
DVMC_CHECK(offsetof(struct dvmc_result, gas_left) == 8);
DVMC_CHECK(offsetof(struct dvmc_result, gas_refund) == 16);
DVMC_CHECK(offsetof(struct dvmc_result, output_data) == 24);
DVMC_CHECK(offsetof(struct dvmc_result, output_size) == 32);
DVMC_CHECK(offsetof(struct dvmc_result, release) == 40);
DVMC_CHECK(offsetof(struct dvmc_result, create_address) == 48);
DVMC_CHECK(offsetof(struct dvmc_result, padding) == 68);
DVMC_CHECK(sizeof(struct dvmc_host_interface) == 128);
DVMC_CHECK(offsetof(struct dvmc_host_interface, account_exists) == 0);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_storage) == 8);
DVMC_CHECK(offsetof(struct dvmc_host_interface, set_storage) == 16);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_balance) == 24);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_code_size) == 32);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_code_hash) == 40);
DVMC_CHECK(offsetof(struct dvmc_host_interface, copy_code) == 48);
DVMC_CHECK(offsetof(struct dvmc_host_interface, selfdestruct) == 56);
DVMC_CHECK(offsetof(struct dvmc_host_interface, call) == 64);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_tx_context) == 72);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_block_hash) == 80);
DVMC_CHECK(offsetof(struct dvmc_host_interface, emit_log) == 88);
DVMC_CHECK(offsetof(struct dvmc_host_interface, access_account) == 96);
DVMC_CHECK(offsetof(struct dvmc_host_interface, access_storage) == 104);
DVMC_CHECK(offsetof(struct dvmc_host_interface, get_transient_storage) == 112);
DVMC_CHECK(offsetof(struct dvmc_host_interface, set_transient_storage) == 120);
DVMC_CHECK(sizeof(struct dvmc_vm) == 56);
DVMC_CHECK(offsetof(struct dvmc_vm, abi_version) == 0);
DVMC_CHECK(offsetof(struct dvmc_vm, name) == 8);
DVMC_CHECK(offsetof(struct dvmc_vm, version) == 16);
DVMC_CHECK(offsetof(struct dvmc_vm, destroy) == 24);
DVMC_CHECK(offsetof(struct dvmc_vm, retrieve_desc_vx) == 32);
DVMC_CHECK(offsetof(struct dvmc_vm, get_capabilities) == 40);
DVMC_CHECK(offsetof(struct dvmc_vm, set_option) == 48);
DVMC_CHECK(sizeof(enum dvmc_call_kind) == 4);
DVMC_CHECK(sizeof(enum dvmc_status_code) == 4);
DVMC_CHECK(sizeof(enum dvmc_revision) == 4);
DVMC_CHECK(sizeof(enum dvmc_storage_status) == 4);
DVMC_CHECK(sizeof(enum dvmc_access_status) == 4);
DVMC_CHECK(sizeof(enum dvmc_set_option_result) == 4);
DVMC_CHECK(sizeof(dvmc_capabilities_flagset) == 4);
DVMC_CHECK(DVMC_ABI_VERSION == 12);
DVMC_CHECK(DVMC_CALL == 0);
DVMC_CHECK(DVMC_DELEGATECALL == 1);
DVMC_CHECK(DVMC_CALLCODE == 2);
DVMC_CHECK(DVMC_CREATE == 3);
DVMC_CHECK(DVMC_CREATE2 == 4);
DVMC_CHECK(DVMC_EOFCREATE == 5);
DVMC_CHECK(DVMC_STATIC == 1);
DVMC_CHECK(DVMC_DELEGATED == 2);
DVMC_CHECK(DVMC_SUCCESS == 0);
DVMC_CHECK(DVMC_FAILURE == 1);
DVMC_CHECK(DVMC_REVERT == 2);
DVMC_CHECK(DVMC_OUT_OF_GAS == 3);
DVMC_CHECK(DVMC_INVALID_INSTRUCTION == 4);
DVMC_CHECK(DVMC_UNDEFINED_INSTRUCTION == 5);
DVMC_CHECK(DVMC_STACK_OVERFLOW == 6);
DVMC_CHECK(DVMC_STACK_UNDERFLOW == 7);
DVMC_CHECK(DVMC_BAD_JUMP_DESTINATION == 8);
DVMC_CHECK(DVMC_INVALID_MEMORY_ACCESS == 9);
DVMC_CHECK(DVMC_CALL_DEPTH_EXCEEDED == 10);
DVMC_CHECK(DVMC_STATIC_MODE_VIOLATION == 11);
DVMC_CHECK(DVMC_PRECOMPILE_FAILURE == 12);
DVMC_CHECK(DVMC_CONTRACT_VALIDATION_FAILURE == 13);
DVMC_CHECK(DVMC_ARGUMENT_OUT_OF_RANGE == 14);
DVMC_CHECK(DVMC_WASM_UNREACHABLE_INSTRUCTION == 15);
DVMC_CHECK(DVMC_WASM_TRAP == 16);
DVMC_CHECK(DVMC_INSUFFICIENT_BALANCE == 17);
DVMC_CHECK(DVMC_INTERNAL_ERROR == -1);
DVMC_CHECK(DVMC_REJECTED == -2);
DVMC_CHECK(DVMC_OUT_OF_MEMORY == -3);
DVMC_CHECK(DVMC_STORAGE_ASSIGNED == 0);
DVMC_CHECK(DVMC_STORAGE_ADDED == 1);
DVMC_CHECK(DVMC_STORAGE_DELETED == 2);
DVMC_CHECK(DVMC_STORAGE_MODIFIED == 3);
DVMC_CHECK(DVMC_STORAGE_DELETED_ADDED == 4);
DVMC_CHECK(DVMC_STORAGE_MODIFIED_DELETED == 5);
DVMC_CHECK(DVMC_STORAGE_DELETED_RESTORED == 6);
DVMC_CHECK(DVMC_STORAGE_ADDED_DELETED == 7);
DVMC_CHECK(DVMC_STORAGE_MODIFIED_RESTORED == 8);
DVMC_CHECK(DVMC_ACCESS_COLD == 0);
DVMC_CHECK(DVMC_ACCESS_WARM == 1);
DVMC_CHECK(DVMC_SET_OPTION_SUCCESS == 0);
DVMC_CHECK(DVMC_SET_OPTION_INVALID_NAME == 1);
DVMC_CHECK(DVMC_SET_OPTION_INVALID_VALUE == 2);
DVMC_CHECK(DVMC_FRONTIER == 0);
DVMC_CHECK(DVMC_HOMESTEAD == 1);
DVMC_CHECK(DVMC_TANGERINE_WHISTLE == 2);
DVMC_CHECK(DVMC_SPURIOUS_DRAGON == 3);
DVMC_CHECK(DVMC_BYZANTIUM == 4);
DVMC_CHECK(DVMC_CONSTANTINOPLE == 5);
DVMC_CHECK(DVMC_PETERSBURG == 6);
DVMC_CHECK(DVMC_ISTANBUL == 7);
DVMC_CHECK(DVMC_BERLIN == 8);
DVMC_CHECK(DVMC_LONDON == 9);
DVMC_CHECK(DVMC_PARIS == 10);
DVMC_CHECK(DVMC_SHANGHAI == 11);
DVMC_CHECK(DVMC_CANCUN == 12);
DVMC_CHECK(DVMC_PRAGUE == 13);
DVMC_CHECK(DVMC_OSAKA == 14);
DVMC_CHECK(DVMC_EXPERIMENTAL == 15);
DVMC_CHECK(DVMC_MAX_REVISION == 15);
DVMC_CHECK(DVMC_LATEST_STABLE_REVISION == 12);
DVMC_CHECK(DVMC_CAPABILITY_DVM1 == 1);
DVMC_CHECK(DVMC_CAPABILITY_EWASM == 2);
DVMC_CHECK(DVMC_CAPABILITY_PRECOMPILES == 4);
DVMC_CHECK(sizeof(bool) == 1);
DVMC_CHECK(sizeof(size_t) == 8);
DVMC_CHECK(sizeof(void*) == 8);
#else
#error "layout_check.c holds the x86_64 numbers; add the numbers of this platform first"
#endif

/* A translation unit must declare something (ISO C); this also checks the create-function type. */
typedef struct dvmc_vm* (*dvmc_create_fn_check)(void);
