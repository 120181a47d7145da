/* Runs the guide's example VM (docs/examples/native-vm/echo_vm.c), linked in, under ASan + UBSan:
   create, options, an execution, release, destroy. Run by check-header.sh. */
#include <dvmc/dvmc.h>

#include <stdio.h>
#include <string.h>

struct dvmc_vm* dvmc_create_echo_vm(void);

int main(void)
{
    const uint8_t input[] = {0xaa, 0xbb};
    struct dvmc_message msg;
    struct dvmc_vm* vm = dvmc_create_echo_vm();
    struct dvmc_result result;
    int ok;
    memset(&msg, 0, sizeof(msg));
    msg.gas = 10;
    msg.input_data = input;
    msg.input_size = sizeof(input);
    ok = vm != NULL && vm->abi_version == DVMC_ABI_VERSION && strcmp(vm->name, "echo_vm") == 0 &&
         vm->get_capabilities(vm) == DVMC_CAPABILITY_DVM1 &&
         vm->set_option(vm, "greeting", "2") == DVMC_SET_OPTION_INVALID_VALUE &&
         vm->set_option(vm, "other", "1") == DVMC_SET_OPTION_INVALID_NAME;
    result = vm->retrieve_desc_vx(vm, NULL, NULL, DVMC_LATEST_STABLE_REVISION, &msg, NULL, 0);
    ok = ok && result.status_code == DVMC_SUCCESS && result.gas_left == 8 && result.output_size == 2 &&
         memcmp(result.output_data, input, 2) == 0;
    if (result.release != NULL)
        result.release(&result);
    vm->destroy(vm);
    if (!ok)
    {
        fprintf(stderr, "check-header: the example echo_vm misbehaves\n");
        return 1;
    }
    printf("check-header: the guide's example echo_vm builds and runs (C99)\n");
    return 0;
}
