// Compiles dvmc.hpp warning-free as C++17 and checks its helpers at run time (run by check-header.sh
// under AddressSanitizer, so a missed or double release fails).
#include <dvmc/dvmc.hpp>

#include <cstdio>
#include <utility>

namespace
{
int failures = 0;

void check(bool condition, const char* what)
{
    if (!condition)
    {
        std::fprintf(stderr, "hpp_check FAILED: %s\n", what);
        ++failures;
    }
}

int releases = 0;

void counting_release(const dvmc_result*) noexcept
{
    ++releases;
}
}  // namespace

int main()
{
    const uint8_t data[] = {1, 2, 3};
    {
        dvmc::Result result{dvmc::make_result(DVMC_REVERT, 7, 0, data, sizeof(data))};
        check(result.status_code() == DVMC_REVERT && result.gas_left() == 7, "status and gas");
        check(result.output_size() == 3 && result.output_data() != data && result.output_data()[2] == 3, "a copy");
        dvmc::Result moved{std::move(result)};
        check(moved.output_size() == 3, "moved");
    }
    {
        dvmc::Result empty{dvmc::make_result(DVMC_SUCCESS, 0, 0, nullptr, 0)};
        check(empty.output_data() == nullptr && empty.output_size() == 0, "no output");
    }
    {
        dvmc_result raw{};
        raw.release = counting_release;
        {
            dvmc::Result a{raw};
            dvmc::Result b{raw};
            b = std::move(a);  // releases b's result, takes a's
            check(releases == 1, "assignment releases the old result");
        }
        check(releases == 2, "each result released exactly once");
        dvmc::Result c{raw};
        dvmc_result taken = c.release_raw();
        check(taken.release == counting_release && releases == 2, "release_raw gives up ownership");
    }
    dvmc_bytes32 zero{};
    dvmc_address address{};
    check(dvmc::is_zero(zero) && dvmc::is_zero(address), "is_zero");
    dvmc_bytes32 one{};
    one.bytes[31] = 1;
    check(one != zero && !(one == zero) && one == one, "bytes32 equality");
    if (failures == 0)
        std::printf("check-header: dvmc.hpp helpers work (C++17)\n");
    return failures == 0 ? 0 : 1;
}
