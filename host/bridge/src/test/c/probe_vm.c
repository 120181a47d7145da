/*
 * probe: a small native VM of the bridge's tests, written against native/include/dvmc/dvmc.h. It exercises
 * the bridge rather than running DVM code: the first code byte picks a scenario.
 *
 *   00  echo: output = input, gas_left = gas - 1, gas_refund = 7
 *   01  every host callback once, in the interface's order; the output records what each returned
 *   02  nested call: host->call with the same input (depth + 1, half the gas); the callee's result is ours
 *   03  SLOAD loop: get_storage(recipient, 0) as many times as the 8-byte big-endian input says
 *   04  an unknown status code (99)
 *   05  create address: success with create_address = recipient
 *
 * Compile-time variants (the loader tests build one library per variant):
 *   PROBE_CREATE   the create function's name (default dvmc_create_probe)
 *   PROBE_ABI      the ABI version the instance reports (default DVMC_ABI_VERSION)
 *   PROBE_NULL     the create function returns NULL
 *   PROBE_UNDEFINED  execute calls a function nothing defines (dlopen with RTLD_NOW must refuse the library)
 *
 * Counters (exported, read by the tests): instances created and destroyed, results released.
 */
#include <dvmc/dvmc.h>
#include <stdlib.h>
#include <string.h>

#ifndef PROBE_CREATE
#define PROBE_CREATE dvmc_create_probe
#endif
#ifndef PROBE_ABI
#define PROBE_ABI DVMC_ABI_VERSION
#endif

long probe_created = 0;
long probe_destroyed = 0;
long probe_released = 0;

#ifdef PROBE_UNDEFINED
extern void probe_function_nobody_defines(void);
#endif

typedef struct probe_vm
{
    struct dvmc_vm vm;
    int verbose;
} probe_vm;

static void destroy(struct dvmc_vm* vm)
{
    __atomic_fetch_add(&probe_destroyed, 1, __ATOMIC_SEQ_CST);
    free(vm);
}

static void release_result(const struct dvmc_result* result)
{
    __atomic_fetch_add(&probe_released, 1, __ATOMIC_SEQ_CST);
    free((void*)result->output_data);
}

static dvmc_capabilities_flagset get_capabilities(struct dvmc_vm* vm)
{
    (void)vm;
    return DVMC_CAPABILITY_DVM1 | DVMC_CAPABILITY_PRECOMPILES;
}

static enum dvmc_set_option_result set_option(struct dvmc_vm* vm, char const* name, char const* value)
{
    probe_vm* probe = (probe_vm*)vm;
    if (strcmp(name, "verbose") != 0)
        return DVMC_SET_OPTION_INVALID_NAME;
    if (value == NULL || strlen(value) != 1 || value[0] < '0' || value[0] > '2')
        return DVMC_SET_OPTION_INVALID_VALUE;
    probe->verbose = value[0] - '0';
    return DVMC_SET_OPTION_SUCCESS;
}

/* An output buffer that grows. */
typedef struct out
{
    uint8_t* data;
    size_t size;
} out;

static void put(out* o, const void* bytes, size_t n)
{
    o->data = realloc(o->data, o->size + n + 1);
    memcpy(o->data + o->size, bytes, n);
    o->size += n;
}

static void put_u64(out* o, uint64_t v)
{
    uint8_t b[8];
    for (int i = 7; i >= 0; --i, v >>= 8)
        b[i] = (uint8_t)v;
    put(o, b, 8);
}

static void put_u8(out* o, uint8_t v)
{
    put(o, &v, 1);
}

static struct dvmc_result result_of(enum dvmc_status_code status, int64_t gas_left, out* o)
{
    struct dvmc_result r;
    memset(&r, 0, sizeof r);
    r.status_code = status;
    r.gas_left = gas_left;
    r.output_data = o->data;
    r.output_size = o->size;
    r.release = release_result;
    return r;
}

static struct dvmc_result every_callback(const struct dvmc_host_interface* host, struct dvmc_host_context* ctx,
                                         const struct dvmc_message* msg, out* o)
{
    dvmc_bytes32 key, value, word;
    memset(&key, 0, sizeof key);
    memset(&value, 0, sizeof value);
    key.bytes[31] = 1;
    value.bytes[31] = 0x42;
    const dvmc_address* me = &msg->recipient;

    put_u8(o, host->account_exists(ctx, me));
    word = host->get_storage(ctx, me, &key);
    put(o, word.bytes, 32);
    put_u8(o, (uint8_t)host->set_storage(ctx, me, &key, &value));
    word = host->get_balance(ctx, me);
    put(o, word.bytes, 32);
    put_u64(o, host->get_code_size(ctx, me));
    word = host->get_code_hash(ctx, me);
    put(o, word.bytes, 32);
    uint8_t code[4] = {0, 0, 0, 0};
    put_u64(o, host->copy_code(ctx, me, 1, code, sizeof code));
    put(o, code, sizeof code);
    put_u8(o, host->selfdestruct(ctx, me, &msg->sender));

    struct dvmc_message call;
    memset(&call, 0, sizeof call);
    call.kind = DVMC_CALL;
    call.depth = msg->depth + 1;
    call.gas = 1000;
    call.recipient = msg->sender;
    call.sender = *me;
    call.code_address = msg->sender;
    call.input_data = (const uint8_t*)"abc";
    call.input_size = 3;
    struct dvmc_result callee = host->call(ctx, &call);
    put_u8(o, (uint8_t)callee.status_code);
    put_u64(o, (uint64_t)callee.gas_left);
    put_u64(o, callee.output_size);
    if (callee.output_size > 0)
        put(o, callee.output_data, callee.output_size);
    if (callee.release)
        callee.release(&callee);

    struct dvmc_tx_context tx = host->get_tx_context(ctx);
    put_u64(o, (uint64_t)tx.block_number);
    put_u64(o, (uint64_t)tx.block_timestamp);
    put(o, tx.chain_id.bytes, 32);
    put_u64(o, tx.blob_hashes_count);
    for (size_t i = 0; i < tx.blob_hashes_count; ++i)
        put(o, tx.blob_hashes[i].bytes, 32);
    put_u64(o, tx.initcodes_count);
    for (size_t i = 0; i < tx.initcodes_count; ++i)
    {
        put_u64(o, tx.initcodes[i].code_size);
        put(o, tx.initcodes[i].code, tx.initcodes[i].code_size);
    }
    word = host->get_block_hash(ctx, 7);
    put(o, word.bytes, 32);
    dvmc_bytes32 topics[2] = {key, value};
    host->emit_log(ctx, me, (const uint8_t*)"log", 3, topics, 2);
    put_u8(o, (uint8_t)host->access_account(ctx, &msg->sender));
    put_u8(o, (uint8_t)host->access_storage(ctx, me, &key));
    host->set_transient_storage(ctx, me, &key, &value);
    word = host->get_transient_storage(ctx, me, &key);
    put(o, word.bytes, 32);
    return result_of(DVMC_SUCCESS, msg->gas, o);
}

static struct dvmc_result execute(struct dvmc_vm* vm, const struct dvmc_host_interface* host,
                                  struct dvmc_host_context* ctx, enum dvmc_revision rev,
                                  const struct dvmc_message* msg, const uint8_t* code, size_t code_size)
{
    (void)vm;
    (void)rev;
#ifdef PROBE_UNDEFINED
    probe_function_nobody_defines();
#endif
    out o = {NULL, 0};
    int scenario = code_size > 0 ? code[0] : 0;
    switch (scenario)
    {
    case 0:
        put(&o, msg->input_data, msg->input_size);
        if (msg->gas < 1)
            return result_of(DVMC_OUT_OF_GAS, 0, &o);
        {
            struct dvmc_result r = result_of(DVMC_SUCCESS, msg->gas - 1, &o);
            r.gas_refund = 7;
            return r;
        }
    case 1:
        return every_callback(host, ctx, msg, &o);
    case 2:
    {
        struct dvmc_message call = *msg;
        call.depth = msg->depth + 1;
        call.gas = msg->gas / 2;
        call.sender = msg->recipient;
        struct dvmc_result callee = host->call(ctx, &call);
        put(&o, callee.output_data, callee.output_size);
        enum dvmc_status_code status = callee.status_code;
        int64_t gas_left = msg->gas - call.gas + callee.gas_left;
        if (callee.release)
            callee.release(&callee);
        return result_of(status, gas_left, &o);
    }
    case 3:
    {
        uint64_t n = 0;
        for (size_t i = 0; i < msg->input_size && i < 8; ++i)
            n = (n << 8) | msg->input_data[i];
        dvmc_bytes32 key;
        memset(&key, 0, sizeof key);
        uint8_t acc = 0;
        for (uint64_t i = 0; i < n; ++i)
            acc ^= host->get_storage(ctx, &msg->recipient, &key).bytes[31];
        put_u8(&o, acc);
        return result_of(DVMC_SUCCESS, msg->gas, &o);
    }
    case 4:
        return result_of((enum dvmc_status_code)99, 0, &o);
    case 5:
    {
        struct dvmc_result r = result_of(DVMC_SUCCESS, msg->gas, &o);
        r.create_address = msg->recipient;
        return r;
    }
    default:
        return result_of(DVMC_UNDEFINED_INSTRUCTION, 0, &o);
    }
}

#if defined(_WIN32)
#define PROBE_EXPORT __declspec(dllexport)
#else
#define PROBE_EXPORT __attribute__((visibility("default")))
#endif

PROBE_EXPORT struct dvmc_vm* PROBE_CREATE(void)
{
#ifdef PROBE_NULL
    (void)destroy;
    (void)execute;
    (void)get_capabilities;
    (void)set_option;
    return NULL;
#else
    probe_vm* probe = calloc(1, sizeof(probe_vm));
    struct dvmc_vm init = {PROBE_ABI, "probe", "0.1.0", destroy, execute, get_capabilities, set_option};
    memcpy(&probe->vm, &init, sizeof init);
    __atomic_fetch_add(&probe_created, 1, __ATOMIC_SEQ_CST);
    return &probe->vm;
#endif
}
