// The C++ baseline for docs/PERFORMANCE.md: libtrans_log_vm.so driven by a plain C++ loop (no JVM, no
// bridge), so the bridge's cost per execution and per host callback can be read against it.
//
//   bench [LIBRARY]        default: the library the Maven build put under target/classes
//
// Programs: the benchmarks module's examples (address, calldata, counter, push32) and sload100 (100
// SLOADs, for the cost of one host callback). The host is trivial (constant answers), so the figures
// are the VM's own work plus a direct C function call per callback. Prints `name ns_per_execution`,
// the best of 5 rounds of ~0.2 s each. Built by `build.sh bench`; not part of the test run.
#include <dvmc/dvmc.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace
{
std::vector<uint8_t> bytes(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    return out;
}

dvmc_bytes32 get_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*)
{
    dvmc_bytes32 value{};
    value.bytes[31] = 0xbb;
    return value;
}
dvmc_storage_status set_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*, const dvmc_bytes32*)
{
    return DVMC_STORAGE_MODIFIED;
}
dvmc_tx_context get_tx_context(dvmc_host_context*)
{
    return dvmc_tx_context{};
}
dvmc_result call(dvmc_host_context*, const dvmc_message*)
{
    dvmc_result result{};
    result.status_code = DVMC_SUCCESS;
    return result;
}

struct Example
{
    const char* name;
    std::string code;
    int64_t gas;
    std::string input;
};
}  // namespace

int main(int argc, char** argv)
{
    const char* path = argc > 1 ? argv[1] : "target/classes/native/linux-x86_64/libtrans_log_vm.so";
    void* library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
    {
        std::fprintf(stderr, "bench: cannot open %s: %s\n", path, dlerror());
        return 2;
    }
    auto create = reinterpret_cast<dvmc_vm* (*)(void)>(dlsym(library, "dvmc_create_trans_log_vm"));
    if (create == nullptr)
    {
        std::fprintf(stderr, "bench: %s lacks dvmc_create_trans_log_vm\n", path);
        return 2;
    }
    dvmc_vm* vm = create();
    dvmc_host_interface host{};
    host.get_storage = get_storage;
    host.set_storage = set_storage;
    host.get_tx_context = get_tx_context;
    host.call = call;

    std::string sload100;
    for (int i = 0; i < 100; ++i)
        sload100 += "600054";
    const Example examples[] = {
        {"address", "30600052596000f3", 99, ""},
        {"calldata", "600035600052596000f3", 1000000, "aabbccdd"},
        {"counter", "60016000540160005500", 1000000, ""},
        {"push32", "7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3", 1000000, ""},
        {"sload100", sload100, 1000000, ""},
    };
    std::printf("# libtrans_log_vm.so driven by a C++ loop: ns per execution (best of 5 rounds)\n");
    for (const Example& example : examples)
    {
        const auto code = bytes(example.code);
        const auto input = bytes(example.input);
        dvmc_message msg{};
        msg.gas = example.gas;
        msg.recipient.bytes[0] = 0xd0;
        msg.recipient.bytes[19] = 0x0d;
        msg.input_data = input.empty() ? nullptr : input.data();
        msg.input_size = input.size();
        double best = 1e300;
        for (int round = 0; round < 5; ++round)
        {
            long iterations = 0;
            const auto start = std::chrono::steady_clock::now();
            auto now = start;
            while (now - start < std::chrono::milliseconds(200))
            {
                for (int i = 0; i < 1000; ++i)
                {
                    dvmc_result result = vm->retrieve_desc_vx(vm, &host, nullptr, DVMC_CANCUN, &msg, code.data(), code.size());
                    if (result.release != nullptr)
                        result.release(&result);
                }
                iterations += 1000;
                now = std::chrono::steady_clock::now();
            }
            const double ns = std::chrono::duration<double, std::nano>(now - start).count() / static_cast<double>(iterations);
            if (ns < best)
                best = ns;
        }
        std::printf("%s %.1f\n", example.name, best);
    }
    vm->destroy(vm);
    dlclose(library);
    return 0;
}
