// The C++ baseline of the native benchmarks (docs/PERFORMANCE.md, "Native VMs"): drives a native VM library
// with a C++ loop and the C++ mock host of vms/trans_log_native/test, no JVM involved, and prints the average
// nanoseconds per execution of each example of the JMH benchmarks (same code, input, gas and storage). The
// difference to NativeTransLogBenchmark's figures is what the bridge costs.
//
// Usage: bench_driver LIBRARY [SECONDS_PER_CASE]
#include "mock_host.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <dlfcn.h>
#include <string>
#include <vector>

namespace
{
std::vector<uint8_t> hex(const std::string& text)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < text.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoi(text.substr(i, 2), nullptr, 16)));
    return out;
}

struct Case
{
    const char* name;
    std::string code;
    int64_t gas;
    std::string input;
    bool counter;  // slot 0 of the recipient starts at 0xbb
    bool trivial_storage = false;  // get_storage answers zero at once: the VM's and the call's own cost
};

dvmc_bytes32 zero_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*)
{
    return {};
}

std::string sloads(int n)
{
    std::string code = "6000";
    for (int i = 0; i < n; ++i)
        code += "54";
    return code + "00";
}
}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: %s LIBRARY [SECONDS_PER_CASE]\n", argv[0]);
        return 2;
    }
    const double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
    void* library = dlopen(argv[1], RTLD_NOW);
    if (!library)
    {
        std::fprintf(stderr, "cannot open %s: %s\n", argv[1], dlerror());
        return 1;
    }
    auto create = reinterpret_cast<dvmc_vm* (*)()>(dlsym(library, "dvmc_create_trans_log_vm"));
    if (!create)
    {
        std::fprintf(stderr, "no dvmc_create_trans_log_vm in %s\n", argv[1]);
        return 1;
    }
    dvmc_vm* vm = create();

    const std::vector<Case> cases = {
        {"address", "30600052596000f3", 99, "", false},
        {"calldata", "600035600052596000f3", 1000000, "aabbccdd", false},
        {"counter", "60016000540160005500", 1000000, "", true},
        {"push32", "7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3", 1000000, "",
         false},
        {"sload-0", sloads(0), 1000000, "", true},
        {"sload-100", sloads(100), 1000000, "", true},
        {"sload-0-trivial", sloads(0), 1000000, "", false, true},
        {"sload-100-trivial", sloads(100), 1000000, "", false, true},
    };
    dvmc_address recipient{};
    recipient.bytes[0] = 0xd0;
    recipient.bytes[19] = 0x0d;

    for (const Case& c : cases)
    {
        const std::vector<uint8_t> code = hex(c.code);
        const std::vector<uint8_t> input = hex(c.input);
        test::MockHost host;
        if (c.counter)
        {
            dvmc_bytes32 value{};
            value.bytes[31] = 0xbb;
            host.storage[{recipient, dvmc_bytes32{}}] = value;
        }
        dvmc_host_interface interface = host.interface();
        if (c.trivial_storage)
            interface.get_storage = zero_storage;
        dvmc_message msg{};
        msg.kind = DVMC_CALL;
        msg.gas = c.gas;
        msg.recipient = recipient;
        msg.input_data = input.data();
        msg.input_size = input.size();

        auto run = [&](long n) {
            for (long i = 0; i < n; ++i)
            {
                dvmc_result r = vm->retrieve_desc_vx(vm, &interface, reinterpret_cast<dvmc_host_context*>(&host),
                                                     DVMC_CANCUN, &msg, code.data(), code.size());
                if (r.release)
                    r.release(&r);
            }
        };
        run(100000);  // warm-up
        long iterations = 0;
        timespec cpu_start{}, cpu_end{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_start);
        const auto start = std::chrono::steady_clock::now();
        double elapsed = 0;
        while (elapsed < seconds)
        {
            run(10000);
            iterations += 10000;
            elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_end);
        const double cpu = (cpu_end.tv_sec - cpu_start.tv_sec) + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e9;
        // Thread CPU time does not count the time the thread waited for a core: on a shared machine it is the
        // steadier figure; the wall time is what a caller sees.
        std::printf("%-17s %8.1f ns/execution CPU, %8.1f wall (%ld executions)\n", c.name, cpu * 1e9 / iterations,
                    elapsed * 1e9 / iterations, iterations);
    }
    vm->destroy(vm);
    dlclose(library);
    return 0;
}
