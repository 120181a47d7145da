// A tiny in-memory host for the native trans_log's test driver: storage per (address, key), a
// transaction context, a configurable result for nested calls, and records of the calls made.
// The C++ counterpart of the testkit's MockedHost, just big enough for trans_log.
#pragma once

#include <dvmc/dvmc.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

// In the global namespace, where argument-dependent lookup finds them for the ABI's global types.
inline bool operator<(const dvmc_address& a, const dvmc_address& b)
{
    return std::memcmp(a.bytes, b.bytes, sizeof(a.bytes)) < 0;
}

inline bool operator<(const dvmc_bytes32& a, const dvmc_bytes32& b)
{
    return std::memcmp(a.bytes, b.bytes, sizeof(a.bytes)) < 0;
}

namespace test
{
/// A nested call as the host saw it, with a copy of its input.
struct RecordedCall
{
    dvmc_message message;
    std::vector<uint8_t> input;
};

/// The host context: everything is public so tests set it up and inspect it directly.
struct MockHost
{
    std::map<std::pair<dvmc_address, dvmc_bytes32>, dvmc_bytes32> storage;
    dvmc_tx_context tx_context{};
    int get_tx_context_calls = 0;

    /// What every nested call returns: the status, gas left and output (copied into each result).
    dvmc_status_code call_status = DVMC_SUCCESS;
    int64_t call_gas_left = 0;
    std::vector<uint8_t> call_output;
    /// When true, nested calls return a broken result: output_size > 0 with output_data NULL.
    bool call_returns_broken_result = false;

    std::vector<RecordedCall> calls;
    /// Every set_storage, in order: (key, value); trans_log writes only the recipient's storage.
    std::vector<std::pair<dvmc_bytes32, dvmc_bytes32>> storage_writes;
    /// Releases of results the host handed out; tests check it equals calls.size().
    int releases = 0;

    dvmc_host_interface interface() const;

    dvmc_host_context* context() { return reinterpret_cast<dvmc_host_context*>(this); }
};

inline MockHost& host_of(dvmc_host_context* context)
{
    return *reinterpret_cast<MockHost*>(context);
}

inline void release_call_result(const dvmc_result* result)
{
    // The mock keeps the host pointer in the result's optional data (create_address), as a host may.
    MockHost* host;
    std::memcpy(&host, result->create_address.bytes, sizeof(host));
    ++host->releases;
    std::free(const_cast<uint8_t*>(result->output_data));
}

inline dvmc_result mock_call(dvmc_host_context* context, const dvmc_message* msg)
{
    MockHost& host = host_of(context);
    RecordedCall record{*msg, {}};
    if (msg->input_size > 0)
        record.input.assign(msg->input_data, msg->input_data + msg->input_size);
    record.message.input_data = nullptr;  // not valid after the call
    host.calls.push_back(record);

    dvmc_result result;
    std::memset(&result, 0, sizeof(result));
    result.status_code = host.call_status;
    result.gas_left = host.call_gas_left;
    if (host.call_returns_broken_result)
    {
        result.output_size = 3;
    }
    else if (!host.call_output.empty())
    {
        auto* output = static_cast<uint8_t*>(std::malloc(host.call_output.size()));
        std::memcpy(output, host.call_output.data(), host.call_output.size());
        result.output_data = output;
        result.output_size = host.call_output.size();
    }
    MockHost* self = &host;
    std::memcpy(result.create_address.bytes, &self, sizeof(self));
    result.release = release_call_result;
    return result;
}

inline bool mock_account_exists(dvmc_host_context*, const dvmc_address*)
{
    return false;
}

inline dvmc_bytes32 mock_get_storage(dvmc_host_context* context, const dvmc_address* address, const dvmc_bytes32* key)
{
    MockHost& host = host_of(context);
    auto it = host.storage.find({*address, *key});
    return it == host.storage.end() ? dvmc_bytes32{} : it->second;
}

inline dvmc_storage_status mock_set_storage(dvmc_host_context* context, const dvmc_address* address,
                                            const dvmc_bytes32* key, const dvmc_bytes32* value)
{
    host_of(context).storage[{*address, *key}] = *value;
    host_of(context).storage_writes.emplace_back(*key, *value);
    return DVMC_STORAGE_ASSIGNED;
}

inline dvmc_tx_context mock_get_tx_context(dvmc_host_context* context)
{
    MockHost& host = host_of(context);
    ++host.get_tx_context_calls;
    return host.tx_context;
}

// The callbacks trans_log never uses answer with neutral values.
inline dvmc_uint256be mock_get_balance(dvmc_host_context*, const dvmc_address*) { return {}; }
inline size_t mock_get_code_size(dvmc_host_context*, const dvmc_address*) { return 0; }
inline dvmc_bytes32 mock_get_code_hash(dvmc_host_context*, const dvmc_address*) { return {}; }
inline size_t mock_copy_code(dvmc_host_context*, const dvmc_address*, size_t, uint8_t*, size_t) { return 0; }
inline bool mock_selfdestruct(dvmc_host_context*, const dvmc_address*, const dvmc_address*) { return false; }
inline dvmc_bytes32 mock_get_block_hash(dvmc_host_context*, int64_t) { return {}; }
inline void mock_emit_log(dvmc_host_context*, const dvmc_address*, const uint8_t*, size_t, const dvmc_bytes32[], size_t) {}
inline dvmc_access_status mock_access_account(dvmc_host_context*, const dvmc_address*) { return DVMC_ACCESS_COLD; }
inline dvmc_access_status mock_access_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*)
{
    return DVMC_ACCESS_COLD;
}
inline dvmc_bytes32 mock_get_transient_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*)
{
    return {};
}
inline void mock_set_transient_storage(dvmc_host_context*, const dvmc_address*, const dvmc_bytes32*,
                                       const dvmc_bytes32*)
{}

inline dvmc_host_interface MockHost::interface() const
{
    return dvmc_host_interface{mock_account_exists, mock_get_storage, mock_set_storage, mock_get_balance,
                               mock_get_code_size,  mock_get_code_hash, mock_copy_code, mock_selfdestruct,
                               mock_call,           mock_get_tx_context, mock_get_block_hash, mock_emit_log,
                               mock_access_account, mock_access_storage, mock_get_transient_storage,
                               mock_set_transient_storage};
}
}  // namespace test
