/*
 * echo_vm: a complete minimal DVMC VM in C99, the starting point of docs/NATIVE_VMS.md.
 *
 * Every execution returns its message's input as output, charging 1 gas per input byte (out of gas
 * when the message has too little), and, with the option `greeting=1`, first reads storage slot 0
 * of the recipient through the host. Build:
 *
 *   gcc -std=c99 -O2 -fPIC -shared -fvisibility=hidden -I native/include echo_vm.c -o libecho_vm.so
 *
 * The host finds the create function by the library's name: libecho_vm.so -> dvmc_create_echo_vm.
 */
#include <dvmc/dvmc.h>

#include <stdlib.h>
#include <string.h>

/* The instance: the dvmc_vm struct first, so a dvmc_vm* is also a struct echo_vm*, then the VM's own
   data. Only options live here; nothing of one execution does, so executions may run concurrently. */
struct echo_vm
{
    struct dvmc_vm vm;
    int greeting; /* set before executions start (set_option); read by them */
};

static void echo_destroy(struct dvmc_vm* vm)
{
    free(vm); /* everything the instance allocated: here just itself */
}

static dvmc_capabilities_flagset echo_get_capabilities(struct dvmc_vm* vm)
{
    (void)vm;
    return DVMC_CAPABILITY_DVM1;
}

static enum dvmc_set_option_result echo_set_option(struct dvmc_vm* vm, const char* name, const char* value)
{
    struct echo_vm* echo = (struct echo_vm*)vm;
    if (name == NULL || strcmp(name, "greeting") != 0)
        return DVMC_SET_OPTION_INVALID_NAME;
    if (value == NULL || (strcmp(value, "0") != 0 && strcmp(value, "1") != 0))
        return DVMC_SET_OPTION_INVALID_VALUE;
    echo->greeting = value[0] == '1';
    return DVMC_SET_OPTION_SUCCESS;
}

/* The release of every result this VM returns: frees the output copy (free(NULL) is fine). */
static void echo_release(const struct dvmc_result* result)
{
    free((void*)result->output_data);
}

static struct dvmc_result echo_result(enum dvmc_status_code status, int64_t gas_left, const uint8_t* data, size_t size)
{
    struct dvmc_result result;
    memset(&result, 0, sizeof(result));
    result.status_code = status;
    result.gas_left = gas_left;
    result.release = echo_release;
    if (size > 0)
    {
        uint8_t* copy = malloc(size);
        if (copy == NULL)
        {
            result.status_code = DVMC_OUT_OF_MEMORY;
            result.gas_left = 0;
            return result;
        }
        memcpy(copy, data, size);
        result.output_data = copy;
        result.output_size = size;
    }
    return result;
}

static struct dvmc_result echo_retrieve_desc_vx(struct dvmc_vm* vm, const struct dvmc_host_interface* host,
                                                struct dvmc_host_context* context, enum dvmc_revision rev,
                                                const struct dvmc_message* msg, const uint8_t* code, size_t code_size)
{
    const struct echo_vm* echo = (const struct echo_vm*)vm;
    (void)rev;
    (void)code;
    (void)code_size;
    if ((int64_t)msg->input_size > msg->gas)
        return echo_result(DVMC_OUT_OF_GAS, 0, NULL, 0);
    if (echo->greeting && host != NULL)
    {
        const dvmc_bytes32 key = {{0}};
        (void)host->get_storage(context, &msg->recipient, &key); /* a host callback, with this execution's context */
    }
    return echo_result(DVMC_SUCCESS, msg->gas - (int64_t)msg->input_size, msg->input_data, msg->input_size);
}

/* The create function: exported (the only symbol that must be), named after the codename. */
__attribute__((visibility("default"))) struct dvmc_vm* dvmc_create_echo_vm(void)
{
    const struct dvmc_vm init = {DVMC_ABI_VERSION, "echo_vm", "1.0.0", echo_destroy, echo_retrieve_desc_vx,
                                 echo_get_capabilities, echo_set_option};
    struct echo_vm* echo = calloc(1, sizeof(struct echo_vm));
    if (echo == NULL)
        return NULL;
    /* abi_version is const in the struct: copy the initialised struct in as bytes. */
    memcpy(&echo->vm, &init, sizeof(init));
    return &echo->vm;
}
