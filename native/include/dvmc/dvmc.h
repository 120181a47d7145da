/*
 * DVMC: the C interface between a host and a DVM implementation (a VM).
 *
 * ABI version 12. Every struct, field order, field type, enum number and function-pointer signature
 * in this file is laid out exactly as ABI version 12 of the reference C interface (version 12.1.0),
 * so a library built against either header can be driven through the other. Only the names differ:
 * the reference prefix becomes `dvmc_` / `DVMC_`, the execute method is named `retrieve_desc_vx`,
 * and the EVM1 capability is `DVMC_CAPABILITY_DVM1` (same value).
 *
 * The Java spi (module spi, package org.dvmc.spi) is the same contract in Java terms; the comments
 * below name its counterpart where it helps.
 *
 * Conventions used throughout:
 *  - "bytes32" values and addresses are big-endian byte arrays (bytes[0] is the most significant).
 *  - A (pointer, size) pair describes a byte array the pointer does not own; the pointer MAY be NULL
 *    only when the size is 0.
 *  - Gas amounts are in gas units, signed 64-bit, never negative in a valid message or result.
 *  - Pointers passed into a callback or method are valid for the duration of that call only.
 *
 * The file compiles as C99 and as C++ (it declares everything inside extern "C").
 */
#ifndef DVMC_H
#define DVMC_H

#include <stdbool.h> /* bool, true, false */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint8_t, int32_t, int64_t, uint32_t */

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version of this header. A host refuses a VM whose dvmc_vm::abi_version differs. */
enum
{
    DVMC_ABI_VERSION = 12
};

/**
 * 32 bytes: a 256-bit big-endian number (a storage key or value, a balance, a gas price) or a hash.
 * bytes[0] is the most significant byte. Java: org.dvmc.spi.Bytes32.
 */
typedef struct dvmc_bytes32
{
    /** The 32 bytes, most significant first. */
    uint8_t bytes[32];
} dvmc_bytes32;

/** The same 32 bytes, named where the value is read as an unsigned 256-bit big-endian integer. */
typedef struct dvmc_bytes32 dvmc_uint256be;

/** A 20-byte account address. Java: org.dvmc.spi.Address. */
typedef struct dvmc_address
{
    /** The 20 bytes of the address, in their written order. */
    uint8_t bytes[20];
} dvmc_address;

/** The kind of a call or creation (Java: org.dvmc.spi.CallKind; same numbers). */
enum dvmc_call_kind
{
    DVMC_CALL = 0,         /**< A plain call: value transfer to and code of the recipient. */
    DVMC_DELEGATECALL = 1, /**< Runs the code address's code in the caller's context; value is the
                                caller's, not transferred. Since Homestead. */
    DVMC_CALLCODE = 2,     /**< Runs the code address's code on the caller's storage. */
    DVMC_CREATE = 3,       /**< Creates a contract; the executed code is the init code. */
    DVMC_CREATE2 = 4,      /**< Creates a contract at an address derived from create2_salt.
                                Since Constantinople. */
    DVMC_EOFCREATE = 5     /**< Creates an EOF contract from dvmc_message::code. Since Osaka. */
};

/** Bits of dvmc_message::flags (Java: org.dvmc.spi.MessageFlag). */
enum dvmc_flags
{
    DVMC_STATIC = 1,   /**< Static mode: the execution must not modify state. */
    DVMC_DELEGATED = 2 /**< The code was reached through an EIP-7702 delegation. Since Prague. */
};

/**
 * A message: a call or a contract creation, including the zero-depth call of a transaction.
 * Java: org.dvmc.spi.Message. 184 bytes on 64-bit platforms.
 */
struct dvmc_message
{
    /** The kind of call or creation. A zero-depth call SHOULD be DVMC_CALL. */
    enum dvmc_call_kind kind;

    /** A bit set of ::dvmc_flags; 0 when none is set. Other bits are reserved and must be 0. */
    uint32_t flags;

    /** The call depth: 0 for the transaction's own call, one more for each nested call; 0 or more. */
    int32_t depth;

    /** The gas available to the execution, in gas units; 0 or more. */
    int64_t gas;

    /**
     * The account whose storage and balance the execution acts on: the called account, or for
     * creations the address of the new contract. For DVMC_CALLCODE and DVMC_DELEGATECALL it may
     * differ from code_address.
     */
    dvmc_address recipient;

    /** The caller: the recipient of the message one level up (the transaction origin at depth 0). */
    dvmc_address sender;

    /** The call data; MAY be NULL when input_size is 0. Creations carry their init code as the
        executed code, not here. Owned by the host; valid during the execution. */
    const uint8_t* input_data;

    /** The length of input_data in bytes; 0 when input_data is NULL. */
    size_t input_size;

    /** The amount of wei transferred (or, for DVMC_DELEGATECALL, the apparent value), a 256-bit
        big-endian number. */
    dvmc_uint256be value;

    /** The salt of DVMC_CREATE2 and DVMC_EOFCREATE; ignored by retrieve_desc_vx, used by a host to
        compute the new address. Zero for other kinds. */
    dvmc_bytes32 create2_salt;

    /** The account whose code runs. Needed by dvmc_host_interface::call, not by retrieve_desc_vx;
        ignored for creations. A VM with DVMC_CAPABILITY_PRECOMPILES reads it to pick the precompile. */
    dvmc_address code_address;

    /** Extra code carried by the message: the init container of DVMC_EOFCREATE. MAY be NULL when
        code_size is 0. This is not the code retrieve_desc_vx executes (that is its own argument). */
    const uint8_t* code;

    /** The length of code in bytes; 0 when code is NULL. */
    size_t code_size;
};

/** One initcode of a transaction (for TXCREATE). Java: org.dvmc.spi.TxInitcode. 48 bytes. */
typedef struct dvmc_tx_initcode
{
    dvmc_bytes32 hash;   /**< The hash of the initcode. */
    const uint8_t* code; /**< The initcode bytes; MAY be NULL when code_size is 0. */
    size_t code_size;    /**< The length of code in bytes. */
} dvmc_tx_initcode;

/**
 * The transaction and block data an execution may ask the host for (dvmc_host_interface::
 * get_tx_context). Java: org.dvmc.spi.TxContext. 256 bytes on 64-bit platforms. The arrays it
 * points to belong to the host and stay valid for the whole execution.
 */
struct dvmc_tx_context
{
    dvmc_uint256be tx_gas_price;       /**< The gas price of the transaction, in wei per gas. */
    dvmc_address tx_origin;            /**< The account that signed the transaction. */
    dvmc_address block_coinbase;       /**< The beneficiary of the block (its miner or proposer). */
    int64_t block_number;              /**< The block number; 0 or more. */
    int64_t block_timestamp;           /**< The block timestamp, in seconds since the Unix epoch. */
    int64_t block_gas_limit;           /**< The gas limit of the block, in gas units. */
    dvmc_uint256be block_prev_randao;  /**< The previous block's RANDAO mix (EIP-4399). */
    dvmc_uint256be chain_id;           /**< The chain id, a 256-bit big-endian number. */
    dvmc_uint256be block_base_fee;     /**< The base fee per gas, in wei (EIP-1559, EIP-3198). */
    dvmc_uint256be blob_base_fee;      /**< The blob base fee per blob gas, in wei (EIP-7516). */
    const dvmc_bytes32* blob_hashes;   /**< The versioned blob hashes (EIP-4844); MAY be NULL when
                                            blob_hashes_count is 0. */
    size_t blob_hashes_count;          /**< The number of elements of blob_hashes. */
    const dvmc_tx_initcode* initcodes; /**< The transaction's initcodes (TXCREATE); MAY be NULL when
                                            initcodes_count is 0. */
    size_t initcodes_count;            /**< The number of elements of initcodes. */
};

/**
 * The host's own data for one execution, opaque to the VM. The VM passes back, unchanged, the
 * pointer it received in retrieve_desc_vx to every host callback. A host usually makes one per
 * execution, so concurrent and nested executions each reach their own state.
 */
struct dvmc_host_context;

/** Returns the transaction and block data. Java: Host.getTxContext(). */
typedef struct dvmc_tx_context (*dvmc_get_tx_context_fn)(struct dvmc_host_context* context);

/**
 * Returns the hash of block `number`, or zero when the host does not know it (e.g. it is not one
 * of the 256 most recent blocks). Java: Host.getBlockHash(long).
 */
typedef dvmc_bytes32 (*dvmc_get_block_hash_fn)(struct dvmc_host_context* context, int64_t number);

/**
 * How an execution ended (Java: org.dvmc.spi.StatusCode; same numbers).
 *
 * 0 is success; positive values are failures defined by the VM's specification (the code's fault);
 * negative values are errors of the VM implementation itself, which a host must not pass on to
 * the calling code as an ordinary failure.
 */
enum dvmc_status_code
{
    DVMC_SUCCESS = 0,                      /**< Ended normally (STOP, RETURN, end of code). */
    DVMC_FAILURE = 1,                      /**< A generic failure. */
    DVMC_REVERT = 2,                       /**< Ended by REVERT: gas left and output are kept. */
    DVMC_OUT_OF_GAS = 3,                   /**< Ran out of gas. */
    DVMC_INVALID_INSTRUCTION = 4,          /**< Hit the designated INVALID instruction (0xfe). */
    DVMC_UNDEFINED_INSTRUCTION = 5,        /**< Hit an instruction that is not defined. */
    DVMC_STACK_OVERFLOW = 6,               /**< Pushed beyond the stack limit. */
    DVMC_STACK_UNDERFLOW = 7,              /**< Needed more stack items than there were. */
    DVMC_BAD_JUMP_DESTINATION = 8,         /**< Jumped to a place that is not a jump destination. */
    DVMC_INVALID_MEMORY_ACCESS = 9,        /**< Read outside a buffer (e.g. RETURNDATACOPY). */
    DVMC_CALL_DEPTH_EXCEEDED = 10,         /**< The call depth limit was exceeded. */
    DVMC_STATIC_MODE_VIOLATION = 11,       /**< Tried to modify state in static mode. */
    DVMC_PRECOMPILE_FAILURE = 12,          /**< A precompiled contract failed (e.g. bad input). */
    DVMC_CONTRACT_VALIDATION_FAILURE = 13, /**< The code failed validation. */
    DVMC_ARGUMENT_OUT_OF_RANGE = 14,       /**< An argument was outside its allowed range. */
    DVMC_WASM_UNREACHABLE_INSTRUCTION = 15, /**< A WebAssembly `unreachable` was executed. */
    DVMC_WASM_TRAP = 16,                   /**< A WebAssembly trap. */
    DVMC_INSUFFICIENT_BALANCE = 17,        /**< The caller's balance cannot cover the value. */
    DVMC_INTERNAL_ERROR = -1,              /**< A generic error inside the VM implementation. */
    DVMC_REJECTED = -2,                    /**< The VM declines to run this code or message; the
                                                host MAY try another VM. */
    DVMC_OUT_OF_MEMORY = -3                /**< The VM could not allocate memory. */
};

/* Forward declaration. */
struct dvmc_result;

/**
 * Frees every resource the creator of `result` attached to it (its output buffer and anything
 * else). Called at most once per result, by whoever received the result; afterwards the result
 * and its output must not be used. The function does not modify *result.
 */
typedef void (*dvmc_release_result_fn)(const struct dvmc_result* result);

/**
 * The result of an execution (from retrieve_desc_vx) or of a nested call (from
 * dvmc_host_interface::call). Returned by value. Java: org.dvmc.spi.Result. 72 bytes on 64-bit
 * platforms.
 *
 * Ownership: the receiver owns the result and must call release(&result) exactly once when it is
 * done, if release is not NULL.
 */
struct dvmc_result
{
    /** How the execution ended. */
    enum dvmc_status_code status_code;

    /** The gas left, in gas units, 0 or more; MUST be 0 unless status_code is DVMC_SUCCESS or
        DVMC_REVERT. */
    int64_t gas_left;

    /** The gas refund accumulated by the execution, in gas units; only meaningful for
        DVMC_SUCCESS. */
    int64_t gas_refund;

    /** The output: the RETURN data for DVMC_SUCCESS, the REVERT data for DVMC_REVERT. MAY be NULL
        when output_size is 0. Owned by the result's creator; freed by release. */
    const uint8_t* output_data;

    /** The length of output_data in bytes; 0 when output_data is NULL. */
    size_t output_size;

    /** Frees what the creator attached to this result; MAY be NULL when there is nothing to free.
        The receiver calls it exactly once: `if (r.release) r.release(&r);`. */
    dvmc_release_result_fn release;

    /** The address of the created contract, for a successful DVMC_CREATE, DVMC_CREATE2 or
        DVMC_EOFCREATE call; otherwise unspecified (zero by convention). */
    dvmc_address create_address;

    /** Reserved: 4 bytes the result's creator MAY use for its own data; with create_address they
        form 24 bytes the creator may use when the result is not a creation. */
    uint8_t padding[4];
};

/** True when the account exists in the state. Java: Host.accountExists(Address). */
typedef bool (*dvmc_account_exists_fn)(struct dvmc_host_context* context,
                                       const dvmc_address* address);

/** The value of a storage slot of `address`; zero for a slot never written. Java:
    Host.getStorage(Address, Bytes32). */
typedef dvmc_bytes32 (*dvmc_get_storage_fn)(struct dvmc_host_context* context,
                                            const dvmc_address* address,
                                            const dvmc_bytes32* key);

/** The value of a transient storage slot (EIP-1153); zero when never written. Java:
    Host.getTransientStorage(Address, Bytes32). */
typedef dvmc_bytes32 (*dvmc_get_transient_storage_fn)(struct dvmc_host_context* context,
                                                      const dvmc_address* address,
                                                      const dvmc_bytes32* key);

/**
 * What a storage write did, judged against the value at the start of the transaction ("original")
 * and before the write ("current"), as EIP-2200 / EIP-3529 gas rules need it. Notation: 0 is zero;
 * X, Y and Z are non-zero with Y != X and Z != X; "a -> b -> c" is original -> current -> new value.
 * Java: org.dvmc.spi.StorageStatus (same numbers).
 */
enum dvmc_storage_status
{
    DVMC_STORAGE_ASSIGNED = 0,          /**< Any other case: a dirty slot is assigned again. */
    DVMC_STORAGE_ADDED = 1,             /**< 0 -> 0 -> Z: a new value in a clean slot. */
    DVMC_STORAGE_DELETED = 2,           /**< X -> X -> 0: a clean slot is deleted. */
    DVMC_STORAGE_MODIFIED = 3,          /**< X -> X -> Z: a clean slot is modified. */
    DVMC_STORAGE_DELETED_ADDED = 4,     /**< X -> 0 -> Z: a deleted slot gets a value again. */
    DVMC_STORAGE_MODIFIED_DELETED = 5,  /**< X -> Y -> 0: a modified slot is deleted. */
    DVMC_STORAGE_DELETED_RESTORED = 6,  /**< X -> 0 -> X: a deleted slot is restored. */
    DVMC_STORAGE_ADDED_DELETED = 7,     /**< 0 -> Y -> 0: an added slot is deleted again. */
    DVMC_STORAGE_MODIFIED_RESTORED = 8  /**< X -> Y -> X: a modified slot is restored. */
};

/** Writes a storage slot of `address` and tells what the write did. Java:
    Host.setStorage(Address, Bytes32, Bytes32). */
typedef enum dvmc_storage_status (*dvmc_set_storage_fn)(struct dvmc_host_context* context,
                                                        const dvmc_address* address,
                                                        const dvmc_bytes32* key,
                                                        const dvmc_bytes32* value);

/** Writes a transient storage slot (EIP-1153). Java: Host.setTransientStorage(...). */
typedef void (*dvmc_set_transient_storage_fn)(struct dvmc_host_context* context,
                                              const dvmc_address* address,
                                              const dvmc_bytes32* key,
                                              const dvmc_bytes32* value);

/** The balance of the account in wei; zero when it does not exist. Java: Host.getBalance(Address). */
typedef dvmc_uint256be (*dvmc_get_balance_fn)(struct dvmc_host_context* context,
                                              const dvmc_address* address);

/** The size of the account's code in bytes; 0 when it does not exist. Java: Host.getCodeSize(Address). */
typedef size_t (*dvmc_get_code_size_fn)(struct dvmc_host_context* context,
                                        const dvmc_address* address);

/** The hash of the account's code; zero when the account does not exist. Java:
    Host.getCodeHash(Address). */
typedef dvmc_bytes32 (*dvmc_get_code_hash_fn)(struct dvmc_host_context* context,
                                              const dvmc_address* address);

/**
 * Copies the account's code, from byte `code_offset` on, into buffer_data (at most buffer_size
 * bytes) and returns the number of bytes copied: fewer when the code ends first, 0 when
 * code_offset is at or past its end. Java: Host.copyCode(...).
 */
typedef size_t (*dvmc_copy_code_fn)(struct dvmc_host_context* context,
                                    const dvmc_address* address,
                                    size_t code_offset,
                                    uint8_t* buffer_data,
                                    size_t buffer_size);

/** Registers the self-destruction of `address` in favour of `beneficiary`; true the first time in
    the transaction, false when it was already registered. Java: Host.selfdestruct(...). */
typedef bool (*dvmc_selfdestruct_fn)(struct dvmc_host_context* context,
                                     const dvmc_address* address,
                                     const dvmc_address* beneficiary);

/** Records a log of `address` with data (data_size bytes) and topics_count topics (0 to 4).
    Java: Host.emitLog(Address, Bytes, List). */
typedef void (*dvmc_emit_log_fn)(struct dvmc_host_context* context,
                                 const dvmc_address* address,
                                 const uint8_t* data,
                                 size_t data_size,
                                 const dvmc_bytes32 topics[],
                                 size_t topics_count);

/** Whether an account or slot had been accessed before in the transaction (EIP-2929).
    Java: org.dvmc.spi.AccessStatus (same numbers). */
enum dvmc_access_status
{
    DVMC_ACCESS_COLD = 0, /**< First access. */
    DVMC_ACCESS_WARM = 1  /**< Accessed before (or pre-warmed). */
};

/** Marks the account accessed and tells whether it was cold or warm before. Java:
    Host.accessAccount(Address). */
typedef enum dvmc_access_status (*dvmc_access_account_fn)(struct dvmc_host_context* context,
                                                          const dvmc_address* address);

/** Marks the storage slot accessed and tells whether it was cold or warm before. Java:
    Host.accessStorage(Address, Bytes32). */
typedef enum dvmc_access_status (*dvmc_access_storage_fn)(struct dvmc_host_context* context,
                                                          const dvmc_address* address,
                                                          const dvmc_bytes32* key);

/**
 * Runs a nested message (a call or creation) and returns its result, which the VM owns and must
 * release (`if (r.release) r.release(&r);`) exactly once. Java: Host.call(Message).
 */
typedef struct dvmc_result (*dvmc_call_fn)(struct dvmc_host_context* context,
                                           const struct dvmc_message* msg);

/**
 * The host's 16 callbacks, in this order. A VM calls them only from the thread running
 * retrieve_desc_vx, with the context it received. Java: org.dvmc.spi.Host. 128 bytes on 64-bit
 * platforms.
 */
struct dvmc_host_interface
{
    dvmc_account_exists_fn account_exists;               /**< See ::dvmc_account_exists_fn. */
    dvmc_get_storage_fn get_storage;                     /**< See ::dvmc_get_storage_fn. */
    dvmc_set_storage_fn set_storage;                     /**< See ::dvmc_set_storage_fn. */
    dvmc_get_balance_fn get_balance;                     /**< See ::dvmc_get_balance_fn. */
    dvmc_get_code_size_fn get_code_size;                 /**< See ::dvmc_get_code_size_fn. */
    dvmc_get_code_hash_fn get_code_hash;                 /**< See ::dvmc_get_code_hash_fn. */
    dvmc_copy_code_fn copy_code;                         /**< See ::dvmc_copy_code_fn. */
    dvmc_selfdestruct_fn selfdestruct;                   /**< See ::dvmc_selfdestruct_fn. */
    dvmc_call_fn call;                                   /**< See ::dvmc_call_fn. */
    dvmc_get_tx_context_fn get_tx_context;               /**< See ::dvmc_get_tx_context_fn. */
    dvmc_get_block_hash_fn get_block_hash;               /**< See ::dvmc_get_block_hash_fn. */
    dvmc_emit_log_fn emit_log;                           /**< See ::dvmc_emit_log_fn. */
    dvmc_access_account_fn access_account;               /**< See ::dvmc_access_account_fn. */
    dvmc_access_storage_fn access_storage;               /**< See ::dvmc_access_storage_fn. */
    dvmc_get_transient_storage_fn get_transient_storage; /**< See ::dvmc_get_transient_storage_fn. */
    dvmc_set_transient_storage_fn set_transient_storage; /**< See ::dvmc_set_transient_storage_fn. */
};

/* Forward declaration. */
struct dvmc_vm;

/**
 * Winds the VM down: frees the instance and everything it allocated. Called exactly once, after
 * every execution on the instance has returned; afterwards `vm` must not be used. Java: Vm.close().
 */
typedef void (*dvmc_destroy_fn)(struct dvmc_vm* vm);

/** The outcome of dvmc_vm::set_option (Java: org.dvmc.spi.SetOptionResult; same numbers). */
enum dvmc_set_option_result
{
    DVMC_SET_OPTION_SUCCESS = 0,       /**< The option was set. */
    DVMC_SET_OPTION_INVALID_NAME = 1,  /**< The VM has no option of that name. */
    DVMC_SET_OPTION_INVALID_VALUE = 2  /**< The value is not valid for that option; the option
                                            keeps its previous value. */
};

/**
 * Sets a VM option. `name` and `value` are NUL-terminated strings owned by the caller; `value` MAY
 * be NULL. Meant to be called before executions start. Java: Vm.setOption(String, String).
 */
typedef enum dvmc_set_option_result (*dvmc_set_option_fn)(struct dvmc_vm* vm,
                                                          char const* name,
                                                          char const* value);

/** The rules (hard fork) the code runs under (Java: org.dvmc.spi.Revision; same numbers). */
enum dvmc_revision
{
    DVMC_FRONTIER = 0,          /**< Frontier. */
    DVMC_HOMESTEAD = 1,         /**< Homestead. */
    DVMC_TANGERINE_WHISTLE = 2, /**< Tangerine Whistle (EIP-150). */
    DVMC_SPURIOUS_DRAGON = 3,   /**< Spurious Dragon (EIP-158). */
    DVMC_BYZANTIUM = 4,         /**< Byzantium. */
    DVMC_CONSTANTINOPLE = 5,    /**< Constantinople. */
    DVMC_PETERSBURG = 6,        /**< Petersburg (Constantinople without EIP-1283). */
    DVMC_ISTANBUL = 7,          /**< Istanbul. */
    DVMC_BERLIN = 8,            /**< Berlin. */
    DVMC_LONDON = 9,            /**< London. */
    DVMC_PARIS = 10,            /**< Paris (The Merge). */
    DVMC_SHANGHAI = 11,         /**< Shanghai. */
    DVMC_CANCUN = 12,           /**< Cancun. */
    DVMC_PRAGUE = 13,           /**< Prague. */
    DVMC_OSAKA = 14,            /**< Osaka. */
    DVMC_EXPERIMENTAL = 15,     /**< Rules still in development; no stability promised. */
    DVMC_MAX_REVISION = DVMC_EXPERIMENTAL,      /**< The highest revision number. */
    DVMC_LATEST_STABLE_REVISION = DVMC_CANCUN   /**< The latest stable revision in ABI 12. */
};

/**
 * Executes `code` (code_size bytes; MAY be NULL when code_size is 0) for message `msg` under
 * revision `rev`, calling the host through `host` with `context`, and returns the result, which
 * the caller must release. May be called concurrently on one instance from many threads, so a VM
 * keeps no per-execution state in the instance. Java: Vm.retrieveDescVx(Host, Revision, Message,
 * Bytes).
 *
 * `host` and `context` MAY be NULL only for code that makes no host calls (e.g. precompiles).
 */
typedef struct dvmc_result (*dvmc_retrieve_desc_vx_fn)(struct dvmc_vm* vm,
                                                       const struct dvmc_host_interface* host,
                                                       struct dvmc_host_context* context,
                                                       enum dvmc_revision rev,
                                                       const struct dvmc_message* msg,
                                                       uint8_t const* code,
                                                       size_t code_size);

/** Bits of the capability set a VM reports (Java: org.dvmc.spi.Capability). */
enum dvmc_capabilities
{
    DVMC_CAPABILITY_DVM1 = (1u << 0),       /**< Runs DVM (EVM-encoded) bytecode. */
    DVMC_CAPABILITY_EWASM = (1u << 1),      /**< Runs ewasm bytecode. */
    DVMC_CAPABILITY_PRECOMPILES = (1u << 2) /**< Runs precompiled contracts chosen by
                                                 dvmc_message::code_address; the code argument is
                                                 then ignored. */
};

/** A bit set of ::dvmc_capabilities. */
typedef uint32_t dvmc_capabilities_flagset;

/** Returns the VM's capabilities; the value must not change over the instance's life. Java:
    Vm.capabilities(). */
typedef dvmc_capabilities_flagset (*dvmc_get_capabilities_fn)(struct dvmc_vm* vm);

/**
 * A VM instance: static information and methods. A VM usually embeds this struct as the first
 * member of its own struct (or derives from it in C++) to keep its instance data next to it.
 * Created by the VM's create function (see below). Java: org.dvmc.spi.Vm. 56 bytes on 64-bit
 * platforms.
 */
struct dvmc_vm
{
    /** The ABI version the VM was built with: DVMC_ABI_VERSION. A host reads it first, before any
        other field, and refuses (then destroys) a VM whose number differs from its own. */
    const int abi_version;

    /** The VM's name, e.g. "trans_log"; a NUL-terminated string owned by the VM, valid until
        destroy. Never NULL. */
    const char* name;

    /** The VM's version, e.g. "1.0.0"; NUL-terminated, owned by the VM, valid until destroy.
        Never NULL. */
    const char* version;

    /** Mandatory. See ::dvmc_destroy_fn. */
    dvmc_destroy_fn destroy;

    /** Mandatory. See ::dvmc_retrieve_desc_vx_fn. */
    dvmc_retrieve_desc_vx_fn retrieve_desc_vx;

    /** Mandatory. See ::dvmc_get_capabilities_fn. */
    dvmc_get_capabilities_fn get_capabilities;

    /** Optional (MAY be NULL: then every option is DVMC_SET_OPTION_INVALID_NAME). See
        ::dvmc_set_option_fn. */
    dvmc_set_option_fn set_option;
};

#ifdef DVMC_DOCUMENTATION
/**
 * An example create function. A VM library exports one create function per VM, named
 * dvmc_create_<codename>, taking no arguments and returning a new instance (or NULL when the VM
 * cannot be created). The host calls destroy on every instance it got, exactly once.
 */
struct dvmc_vm* dvmc_create_trans_log_vm(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* DVMC_H */
