// Small C++17 helpers for VM and host authors on top of the C header dvmc.h. Header-only; needs
// nothing but the C and C++ standard libraries, and no exceptions.
//
//  - dvmc::make_result: a dvmc_result carrying a private copy of its output and a release that frees
//    it — what a VM returns from retrieve_desc_vx.
//  - dvmc::Result: owns a dvmc_result someone handed you (a host call's result in a VM, an execution's
//    result in a host) and calls its release exactly once, when it goes out of scope.
//  - dvmc::is_zero and == / != for the byte types.
#ifndef DVMC_HPP
#define DVMC_HPP

#include <dvmc/dvmc.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace dvmc
{
namespace detail
{
inline void free_output(const dvmc_result* result) noexcept
{
    std::free(const_cast<uint8_t*>(result->output_data));
}
}  // namespace detail

/**
 * A result with status, gas left and gas refund, carrying a malloc'd copy of `output_size` bytes of
 * `output_data` (none when the size is 0) and a release that frees it. When the copy cannot be
 * allocated, the result is DVMC_OUT_OF_MEMORY with no gas and no output. Never throws.
 */
inline dvmc_result make_result(dvmc_status_code status, int64_t gas_left, int64_t gas_refund,
                               const uint8_t* output_data, size_t output_size) noexcept
{
    dvmc_result result;
    std::memset(&result, 0, sizeof(result));
    result.status_code = status;
    result.gas_left = gas_left;
    result.gas_refund = gas_refund;
    result.release = detail::free_output;
    if (output_size > 0)
    {
        auto* copy = static_cast<uint8_t*>(std::malloc(output_size));
        if (copy == nullptr)
        {
            result.status_code = DVMC_OUT_OF_MEMORY;
            result.gas_left = 0;
            result.gas_refund = 0;
            return result;
        }
        std::memcpy(copy, output_data, output_size);
        result.output_data = copy;
        result.output_size = output_size;
    }
    return result;
}

/**
 * Owns a dvmc_result: calls its release (if any) exactly once, when destroyed or reset. Move-only.
 * Not thread-safe; one owner at a time.
 */
class Result
{
public:
    /** Takes ownership of `result`. */
    explicit Result(const dvmc_result& result) noexcept : result_{result} {}

    Result(Result&& other) noexcept : result_{other.result_} { other.result_.release = nullptr; }

    Result& operator=(Result&& other) noexcept
    {
        if (this != &other)
        {
            reset();
            result_ = other.result_;
            other.result_.release = nullptr;
        }
        return *this;
    }

    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;

    ~Result() { reset(); }

    dvmc_status_code status_code() const noexcept { return result_.status_code; }
    int64_t gas_left() const noexcept { return result_.gas_left; }
    int64_t gas_refund() const noexcept { return result_.gas_refund; }
    /** The output bytes, valid until this object releases the result; MAY be NULL when the size is 0. */
    const uint8_t* output_data() const noexcept { return result_.output_data; }
    size_t output_size() const noexcept { return result_.output_size; }
    const dvmc_address& create_address() const noexcept { return result_.create_address; }

    /** Gives up ownership: the caller must now release the returned result. */
    dvmc_result release_raw() noexcept
    {
        dvmc_result raw = result_;
        result_.release = nullptr;
        return raw;
    }

private:
    void reset() noexcept
    {
        if (result_.release != nullptr)
        {
            dvmc_release_result_fn release = result_.release;
            result_.release = nullptr;
            release(&result_);
        }
    }

    dvmc_result result_;
};

/** True when all 32 bytes are zero. */
inline bool is_zero(const dvmc_bytes32& value) noexcept
{
    for (uint8_t b : value.bytes)
        if (b != 0)
            return false;
    return true;
}

/** True when all 20 bytes are zero. */
inline bool is_zero(const dvmc_address& value) noexcept
{
    for (uint8_t b : value.bytes)
        if (b != 0)
            return false;
    return true;
}
}  // namespace dvmc

// In the global namespace, where argument-dependent lookup finds them for the ABI's global types.
inline bool operator==(const dvmc_bytes32& a, const dvmc_bytes32& b) noexcept
{
    return std::memcmp(a.bytes, b.bytes, sizeof(a.bytes)) == 0;
}
inline bool operator!=(const dvmc_bytes32& a, const dvmc_bytes32& b) noexcept
{
    return !(a == b);
}
inline bool operator==(const dvmc_address& a, const dvmc_address& b) noexcept
{
    return std::memcmp(a.bytes, b.bytes, sizeof(a.bytes)) == 0;
}
inline bool operator!=(const dvmc_address& a, const dvmc_address& b) noexcept
{
    return !(a == b);
}

#endif /* DVMC_HPP */
