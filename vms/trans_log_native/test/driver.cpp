// The test driver of the native trans_log. Built with -fsanitize=address,undefined
// -fno-sanitize-recover=all (so any undefined behaviour or leak fails the run) by build.sh, run by
// the Maven build in the test phase:
//
//   driver                          the VM compiled into the driver (instrumented by the sanitizers)
//   driver --library PATH.so        the same suite on the shipped library, loaded with dlopen
//   driver --replay                 programs from stdin, results to stdout (the differential test)
//
// It runs the example vectors and instruction vectors of the Java trans_log's tests
// (vms/trans_log/src/test: ExamplesTest, InstructionTest, FailurePathTest, VerboseOptionTest) with
// their expected results, every failure path, the verbose option table, 8 threads on one instance,
// and 20,000 random programs (fixed seed) checked against the result contract. Prints a summary and
// exits non-zero on the first failing group.
#include "mock_host.hpp"

#include <dvmc/dvmc.h>

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

extern "C" dvmc_vm* dvmc_create_trans_log_vm(void);

namespace
{
using test::MockHost;

// Atomic: the concurrency group checks results on 8 threads.
std::atomic<int> failures{0};
std::atomic<int> checks{0};
dvmc_vm* (*create_vm)(void) = dvmc_create_trans_log_vm;

#define CHECK(condition, ...)                                                   \
    do                                                                          \
    {                                                                           \
        ++checks;                                                               \
        if (!(condition))                                                       \
        {                                                                       \
            ++failures;                                                         \
            std::fprintf(stderr, "FAILED %s:%d: %s: ", __FILE__, __LINE__, #condition); \
            std::fprintf(stderr, __VA_ARGS__);                                  \
            std::fputc('\n', stderr);                                           \
        }                                                                       \
    } while (false)

// ---- hex helpers, as in the Java tests' Runner ----------------------------------------------------

std::vector<uint8_t> bytes(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string hex(const uint8_t* data, size_t size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < size; ++i)
    {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

std::string repeat(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

/// PUSHn of hex (1 to 32 bytes).
std::string push(const std::string& hex_bytes)
{
    char opcode[3];
    std::snprintf(opcode, sizeof(opcode), "%02x", static_cast<unsigned>(0x5f + hex_bytes.size() / 2));
    return opcode + hex_bytes;
}

/// PUSH4 of value.
std::string push4(uint64_t value)
{
    char imm[9];
    std::snprintf(imm, sizeof(imm), "%08" PRIx64, value);
    return push(imm);
}

/// A 32-byte word in hex: hex right-aligned after zero bytes.
std::string word(const std::string& h)
{
    return std::string(64 - h.size(), '0') + h;
}

const std::string RETURN_TOP = "60005260206000f3";
const std::string RECIPIENT = "d00000000000000000000000000000000000000d";
const std::string SENDER = "5e00000000000000000000000000000000000005";
const std::string CALLEE = "00000000000000000000000000000000c0ffee01";

dvmc_address address(const std::string& h)
{
    dvmc_address a{};
    auto b = bytes(h);
    std::memcpy(a.bytes, b.data(), 20);
    return a;
}

dvmc_bytes32 bytes32(const std::string& h)
{
    dvmc_bytes32 w{};
    auto b = bytes(word(h));
    std::memcpy(w.bytes, b.data(), 32);
    return w;
}

const char* status_name(int status)
{
    switch (status)
    {
    case DVMC_SUCCESS: return "success";
    case DVMC_FAILURE: return "failure";
    case DVMC_REVERT: return "revert";
    case DVMC_OUT_OF_GAS: return "out of gas";
    case DVMC_UNDEFINED_INSTRUCTION: return "undefined instruction";
    case DVMC_STACK_OVERFLOW: return "stack overflow";
    case DVMC_STACK_UNDERFLOW: return "stack underflow";
    case DVMC_INTERNAL_ERROR: return "internal error";
    case DVMC_OUT_OF_MEMORY: return "out of memory";
    default: return "other";
    }
}

/// A result copied out of the VM's dvmc_result, which is then released.
struct Outcome
{
    int status;
    int64_t gas_left;
    std::string output;

    bool operator==(const Outcome& o) const
    {
        return status == o.status && gas_left == o.gas_left && output == o.output;
    }
    std::string str() const
    {
        return std::string(status_name(status)) + ", gas " + std::to_string(gas_left) + ", output '" + output + "'";
    }
};

Outcome take(dvmc_result result)
{
    CHECK(result.release != nullptr, "every result carries a release");
    CHECK(result.output_size == 0 || result.output_data != nullptr, "output data for %zu bytes", result.output_size);
    Outcome o{result.status_code, result.gas_left, hex(result.output_data, result.output_size)};
    if (result.release != nullptr)
        result.release(&result);
    return o;
}

Outcome expect(int status, int64_t gas_left, const std::string& output = "")
{
    return Outcome{status, gas_left, output};
}

/// One VM instance, one mock host, and the Java tests' default message (recipient, sender, gas).
struct Runner
{
    dvmc_vm* vm = create_vm();
    MockHost host;
    dvmc_host_interface interface = host.interface();
    std::vector<uint8_t> input;
    int32_t depth = 0;

    Runner() = default;
    Runner(const Runner&) = delete;
    ~Runner() { vm->destroy(vm); }

    dvmc_message message(int64_t gas) const
    {
        dvmc_message m{};
        m.kind = DVMC_CALL;
        m.gas = gas;
        m.depth = depth;
        m.recipient = address(RECIPIENT);
        m.code_address = address(RECIPIENT);
        m.sender = address(SENDER);
        m.input_data = input.empty() ? nullptr : input.data();
        m.input_size = input.size();
        return m;
    }

    Outcome run(const std::string& code_hex, int64_t gas = 1000000, dvmc_revision rev = DVMC_LATEST_STABLE_REVISION)
    {
        const auto code = bytes(code_hex);
        const dvmc_message m = message(gas);
        return take(vm->retrieve_desc_vx(vm, &interface, host.context(), rev, &m, code.data(), code.size()));
    }

    /// Runs program + RETURN_TOP and returns the word left on top ("" unless it succeeds).
    std::string top(const std::string& program)
    {
        Outcome o = run(program + RETURN_TOP);
        CHECK(o.status == DVMC_SUCCESS, "status of %s: %s", program.c_str(), o.str().c_str());
        return o.output;
    }
};

#define CHECK_OUTCOME(actual, expected)                                                                  \
    do                                                                                                   \
    {                                                                                                    \
        const Outcome a_ = (actual);                                                                     \
        const Outcome e_ = (expected);                                                                   \
        CHECK(a_ == e_, "got %s, expected %s", a_.str().c_str(), e_.str().c_str());                      \
    } while (false)

#define CHECK_STR(actual, expected)                                                                      \
    do                                                                                                   \
    {                                                                                                    \
        const std::string a_ = (actual);                                                                 \
        const std::string e_ = (expected);                                                               \
        CHECK(a_ == e_, "got '%s', expected '%s'", a_.c_str(), e_.c_str());                              \
    } while (false)

/// CALL with the given regions, gas on top as CALL pops them (InstructionTest.Call.callWith).
std::string call_with(const std::string& gas, const std::string& recipient, const std::string& value, uint64_t in_offset,
                      uint64_t in_size, uint64_t out_offset, uint64_t out_size)
{
    return push4(out_size) + push4(out_offset) + push4(in_size) + push4(in_offset) + push(value) + push(recipient) +
           push(gas) + "f1";
}

/// CALL with gas 0, recipient 0xaa, value 0 (FailurePathTest.call).
std::string call(uint64_t in_offset, uint64_t in_size, uint64_t out_offset, uint64_t out_size)
{
    return push4(out_size) + push4(out_offset) + push4(in_size) + push4(in_offset) + push("00") + push("aa") + push("00") +
           "f1";
}

// ---- the groups ---------------------------------------------------------------------------------

void examples()
{
    {
        Runner r;
        CHECK_OUTCOME(r.run("30600052596000f3", 99), expect(DVMC_SUCCESS, 93, word(RECIPIENT)));
    }
    {
        Runner r;
        r.input = bytes("aabbccdd");
        CHECK_OUTCOME(r.run("600035600052596000f3", 99), expect(DVMC_SUCCESS, 92, "aabbccdd" + repeat("00", 28)));
    }
    {
        Runner r;
        r.host.storage[{address(RECIPIENT), bytes32("00")}] = bytes32("bb");
        CHECK_OUTCOME(r.run("60016000540160005500", 99), expect(DVMC_SUCCESS, 92));
        CHECK_STR(hex(r.host.storage[{address(RECIPIENT), bytes32("00")}].bytes, 32), word("bc"));
    }
    {
        Runner r;
        CHECK_OUTCOME(r.run("fd", 1000000, DVMC_FRONTIER), expect(DVMC_UNDEFINED_INSTRUCTION, 0));
    }
    {
        Runner r;
        std::string w;
        for (int b = 0xd0; b <= 0xef; ++b)
            w += hex(reinterpret_cast<const uint8_t*>(&b), 1);
        CHECK_OUTCOME(r.run("7f" + w + "60005260206000f3", 99), expect(DVMC_SUCCESS, 93, w));
    }
    {
        // Issue 10: CALL's output region passes 2^32; the callee returns aabbcc.
        Runner r;
        r.host.call_output = bytes("aabbcc");
        CHECK_OUTCOME(r.run("63ffffffff600160006000600060aa6000f1596000f3", 100), expect(DVMC_SUCCESS, 89, "00aabbcc"));
        CHECK(r.host.calls.size() == 1, "one call");
    }
}

void instructions()
{
    Runner r;
    // Empty code and STOP.
    CHECK_OUTCOME(r.run("", 10), expect(DVMC_SUCCESS, 10));
    CHECK_OUTCOME(r.run("", 0), expect(DVMC_SUCCESS, 0));
    CHECK_OUTCOME(r.run("00", 10), expect(DVMC_SUCCESS, 9));
    CHECK_OUTCOME(r.run("600000fe", 10), expect(DVMC_SUCCESS, 8));
    CHECK_OUTCOME(r.run("60016002", 10), expect(DVMC_SUCCESS, 8));
    // ADD.
    CHECK_STR(r.top(push("02") + push("03") + "01"), word("05"));
    CHECK_STR(r.top(push("ffffffffffffffff") + push("01") + "01"), word("010000000000000000"));
    CHECK_STR(r.top(push(repeat("ff", 24)) + push("01") + "01"), word("01" + repeat("00", 24)));
    CHECK_STR(r.top(push(repeat("ff", 32)) + push("01") + "01"), word("00"));
    CHECK_STR(r.top(push(repeat("ff", 32)) + push(repeat("ff", 32)) + "01"), repeat("ff", 31) + "fe");
    CHECK_STR(r.top(push("80" + repeat("00", 31)) + push("80" + repeat("00", 31)) + "01"), word("00"));
    CHECK_STR(r.top(push("00000000000000008000000000000000") + push("8000000000000000") + "01"),
              word("010000000000000000"));
    // ADDRESS: the recipient, not the code address.
    CHECK_STR(r.top("30"), word(RECIPIENT));
    // CALLDATALOAD.
    r.input = bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021");
    CHECK_STR(r.top(push("02") + "35"), "02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021");
    CHECK_STR(r.top(push("20") + "35"), "2021" + repeat("00", 30));
    CHECK_STR(r.top(push("22") + "35"), word("00"));
    CHECK_STR(r.top(push4(0xffffffffu) + "35"), word("00"));
    CHECK_STR(r.top(push("ff" + repeat("00", 27) + "00000001") + "35"),
              "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    r.input.clear();
    CHECK_STR(r.top(push("00") + "35"), word("00"));
    // NUMBER: the low 32 bits of the block number.
    for (int64_t number : {int64_t{0}, int64_t{1}, int64_t{42}, int64_t{0xffffffff}})
    {
        r.host.tx_context.block_number = number;
        char h[17];
        std::snprintf(h, sizeof(h), "%" PRIx64, static_cast<uint64_t>(number));
        CHECK_STR(r.top("43"), word(h));
    }
    r.host.tx_context.block_number = 0x123456789;
    CHECK_STR(r.top("43"), word("23456789"));
    // MSTORE.
    CHECK_STR(r.run(push("42") + push("00") + "52" + push("20") + push("00") + "f3").output, word("42"));
    CHECK_STR(r.run(push("ab") + push("05") + "52" + "59" + RETURN_TOP).output, word("25"));
    CHECK_OUTCOME(r.run(push("ab") + push("03e0") + "52" + push("20") + push("03e0") + "f3", 1000),
                  expect(DVMC_SUCCESS, 994, word("ab")));
    // SLOAD / SSTORE on the recipient.
    {
        Runner s;
        s.host.storage[{address(RECIPIENT), bytes32("07")}] = bytes32("1234");
        s.host.storage[{address(SENDER), bytes32("07")}] = bytes32("9999");
        CHECK_STR(s.top(push("07") + "54"), word("1234"));
        CHECK_STR(s.top(push("08") + "54"), word("00"));
        CHECK(s.run(push("99") + push("01") + "55").status == DVMC_SUCCESS, "sstore");
        CHECK_STR(hex(s.host.storage[{address(RECIPIENT), bytes32("01")}].bytes, 32), word("99"));
        CHECK(s.host.storage.count({address(SENDER), bytes32("01")}) == 0, "only the recipient is written");
        s.run(push(repeat("ee", 32)) + push(repeat("11", 32)) + "55");
        dvmc_bytes32 key;
        std::memset(key.bytes, 0x11, 32);
        CHECK_STR(hex(s.host.storage[{address(RECIPIENT), key}].bytes, 32), repeat("ee", 32));
    }
    // MSIZE.
    CHECK_STR(r.top("59"), word("00"));
    CHECK_STR(r.top(push("01") + push("40") + "52" + push("01") + push("00") + "52" + "59"), word("60"));
    CHECK_STR(r.top(push("00") + push("0300") + push("00") + push("0200") + push("00") + push("aa") + push("00") + "f1" + "59"),
              word("0300"));
    CHECK_STR(r.top(push("00") + push("0400") + push("00") + push("00") + push("00") + push("aa") + push("00") + "f1" + "59"),
              word("0400"));
    // PUSH1..PUSH32, immediates skipped, cut short.
    for (int n = 1; n <= 32; ++n)
    {
        std::string immediate;
        for (int i = 1; i <= n; ++i)
        {
            uint8_t b = static_cast<uint8_t>(i);
            immediate += hex(&b, 1);
        }
        CHECK_STR(r.top(push(immediate)), word(immediate));
    }
    CHECK_OUTCOME(r.run(push("0000") + push("01") + "01", 10), expect(DVMC_SUCCESS, 7));
    CHECK_OUTCOME(r.run("7fd0d1", 10), expect(DVMC_SUCCESS, 9));
    CHECK_OUTCOME(r.run("60", 10), expect(DVMC_SUCCESS, 9));
    // DUP1.
    CHECK_STR(r.top(push("05") + "80" + "01"), word("0a"));
    CHECK_STR(r.top(push("07") + push("09") + "80" + "01" + "01"), word("19"));
    CHECK_OUTCOME(r.run(push("01") + repeat("80", 1023) + "01" + RETURN_TOP, 10000),
                  expect(DVMC_SUCCESS, 10000 - 1 - 1023 - 1 - 5, word("02")));
    // RETURN and REVERT.
    CHECK_OUTCOME(r.run(push("bb") + push("00") + "52" + push("02") + push("1e") + "f3", 100), expect(DVMC_SUCCESS, 94, "00bb"));
    CHECK_OUTCOME(r.run(push("00") + push("0400") + "f3", 100), expect(DVMC_SUCCESS, 97));
    CHECK_STR(r.run(push("0400") + push("00") + "f3").output, repeat("00", 1024));
    CHECK_OUTCOME(r.run(push("cc") + push("00") + "52" + push("01") + push("1f") + "fd"), expect(DVMC_REVERT, 1000000 - 6, "cc"));
    for (int rev = DVMC_FRONTIER; rev <= DVMC_MAX_REVISION; ++rev)
    {
        Outcome o = r.run(push("00") + push("00") + "fd", 1000000, static_cast<dvmc_revision>(rev));
        if (rev >= DVMC_BYZANTIUM)
            CHECK_OUTCOME(o, expect(DVMC_REVERT, 1000000 - 3));
        else
            CHECK_OUTCOME(o, expect(DVMC_UNDEFINED_INSTRUCTION, 0));
    }
    // Every other byte is undefined, with no gas left.
    int undefined = 0;
    for (int opcode = 0; opcode < 256; ++opcode)
    {
        const bool defined = opcode == 0x00 || opcode == 0x01 || opcode == 0x30 || opcode == 0x35 || opcode == 0x43 ||
                             opcode == 0x52 || opcode == 0x54 || opcode == 0x55 || opcode == 0x59 ||
                             (opcode >= 0x60 && opcode <= 0x7f) || opcode == 0x80 || opcode == 0xf1 ||
                             opcode == 0xf3 || opcode == 0xfd;
        if (defined)
            continue;
        ++undefined;
        uint8_t b = static_cast<uint8_t>(opcode);
        CHECK_OUTCOME(r.run(hex(&b, 1), 100), expect(DVMC_UNDEFINED_INSTRUCTION, 0));
    }
    CHECK(undefined == 256 - 13 - 32, "%d undefined opcodes", undefined);
}

void calls()
{
    {
        // The message, the output copy and the pushed status (sendsTheMessageAndCopiesTheOutput).
        Runner r;
        r.host.call_output = bytes("0102030405");
        r.host.call_gas_left = 5;
        r.depth = 3;
        const std::string program = push("aabbccdd") + push("00") + "52" +
                                    call_with("0100001234", repeat("ff", 12) + CALLEE, "99", 28, 4, 64, 3) + push("60") +
                                    "52" + push4(128) + push("00") + "f3";
        Outcome o = r.run(program, 1000);
        CHECK(o.status == DVMC_SUCCESS, "%s", o.str().c_str());
        CHECK_STR(o.output.substr(56, 8), "aabbccdd");
        CHECK_STR(o.output.substr(128, 64), "010203" + repeat("00", 29));
        CHECK_STR(o.output.substr(192, 64), word("01"));
        CHECK(r.host.calls.size() == 1, "one call");
        if (r.host.calls.size() == 1)
        {
            const dvmc_message& sent = r.host.calls[0].message;
            CHECK(sent.kind == DVMC_CALL, "kind");
            CHECK(sent.gas == 0x1234, "gas is the low 32 bits: %" PRId64, sent.gas);
            CHECK_STR(hex(sent.recipient.bytes, 20), CALLEE);
            CHECK_STR(hex(sent.code_address.bytes, 20), CALLEE);
            CHECK_STR(hex(sent.sender.bytes, 20), RECIPIENT);
            CHECK_STR(hex(sent.value.bytes, 32), word("99"));
            CHECK_STR(hex(r.host.calls[0].input.data(), r.host.calls[0].input.size()), "aabbccdd");
            CHECK(sent.depth == 4, "depth %d", sent.depth);
            CHECK(sent.flags == 0, "flags");
            CHECK(sent.code == nullptr && sent.code_size == 0, "no code");
        }
        CHECK(r.host.releases == 1, "the callee's result released once: %d", r.host.releases);
    }
    {
        Runner r;
        r.run(call_with("ffffffff", CALLEE, "00", 0, 0, 0, 0));
        CHECK(r.host.calls.size() == 1 && r.host.calls[0].message.gas == 0xffffffff, "gas read unsigned");
    }
    {
        Runner r;
        r.host.call_status = DVMC_REVERT;
        r.host.call_output = bytes("abcd");
        CHECK_STR(r.run(call_with("00", CALLEE, "00", 0, 0, 32, 2) + push("00") + "52" + push4(64) + push("00") + "f3").output,
                  word("00") + "abcd" + repeat("00", 30));
    }
    {
        Runner r;
        r.host.call_output = bytes("0102");
        CHECK_STR(r.run(push(repeat("ff", 32)) + push("00") + "52" + call_with("00", CALLEE, "00", 0, 0, 0, 32) + push4(32) +
                        push("00") + "f3")
                      .output,
                  "0102" + repeat("ff", 30));
        r.host.call_output = bytes("0102030405");
        CHECK_STR(r.run(call_with("00", CALLEE, "00", 0, 0, 1, 2) + push4(32) + push("00") + "f3").output,
                  "000102" + repeat("00", 29));
    }
    {
        Runner r;
        r.run(call_with("00", CALLEE, "00", 100, 0, 0, 0));
        CHECK(r.host.calls.size() == 1 && r.host.calls[0].input.empty() && r.host.calls[0].message.input_size == 0,
              "empty input");
        CHECK_OUTCOME(r.run(call_with("ffff", CALLEE, "00", 0, 0, 0, 0), 100), expect(DVMC_SUCCESS, 92));
        CHECK(r.host.releases == static_cast<int>(r.host.calls.size()), "every callee result released");
    }
    const std::string return_msize = "59" + push("0200") + "52" + push("20") + push("0200") + "f3";
    {
        // Issue 10, item 0a: the output region's end modulo 2^32, and skipped copies.
        Runner r;
        r.host.call_output = bytes("aabbcc");
        CHECK_STR(r.run(call_with("00", CALLEE, "00", 0, 0, 0xfffffff0u, 0x20) + return_msize).output, word("10"));
        CHECK_OUTCOME(r.run(call_with("00", CALLEE, "00", 0, 0, 0xffffffffu, 1) + return_msize, 100),
                      expect(DVMC_SUCCESS, 100 - 14, word("00")));
        r.host.call_output.clear();
        CHECK_STR(r.run(call_with("00", CALLEE, "00", 0, 0, 1, 0xffffffffu) + return_msize).output, word("01"));
        CHECK(r.host.calls.size() == 3, "three calls");
        CHECK(r.host.releases == 3, "three releases");
    }
    {
        // Issue 10, item 0b: at depth 2^31-1 the call fails without reaching the host.
        Runner r;
        r.depth = INT32_MAX;
        CHECK_STR(r.run(push("ff") + push("00") + "52" + call_with("00", CALLEE, "00", 0, 0, 0, 32) + RETURN_TOP).output,
                  word("00"));
        CHECK(r.host.calls.empty(), "no call at the largest depth");
        r.depth = INT32_MAX - 1;
        CHECK_STR(r.run(call_with("00", CALLEE, "00", 0, 0, 0, 0) + RETURN_TOP).output, word("01"));
        CHECK(r.host.calls.size() == 1 && r.host.calls[0].message.depth == INT32_MAX, "called at the largest depth");
    }
}

void failure_paths()
{
    Runner r;
    // Gas: exactly enough succeeds, one less runs out.
    const std::pair<const char*, int64_t> exact[] = {
        {"30600052596000f3", 6}, {"60016000540160005500", 7}, {"00", 1}, {"6001600201", 3}, {"7fd0d1", 1}};
    for (const auto& [program, instructions] : exact)
    {
        CHECK(r.run(program, instructions).status == DVMC_SUCCESS, "%s with exact gas", program);
        CHECK(r.run(program, instructions).gas_left == 0, "%s with exact gas", program);
        CHECK_OUTCOME(r.run(program, instructions - 1), expect(DVMC_OUT_OF_GAS, 0));
    }
    CHECK_OUTCOME(r.run("fe", 0), expect(DVMC_OUT_OF_GAS, 0));
    CHECK_OUTCOME(r.run("fe", 1), expect(DVMC_UNDEFINED_INSTRUCTION, 0));
    CHECK_OUTCOME(r.run("00", INT64_MAX), expect(DVMC_SUCCESS, INT64_MAX - 1));
    {
        Runner s;
        s.run(push("01") + push("01") + "55", 2);
        CHECK(s.host.storage.empty(), "out of gas before SSTORE touches the host");
    }
    // Stack underflow.
    const std::string underflows[] = {"01", push("01") + "01", "35", push("01") + "52", "54", push("01") + "55", "80",
                                      repeat(push("00"), 6) + "f1", push("00") + "f3", push("00") + "fd"};
    for (const auto& program : underflows)
        CHECK_OUTCOME(r.run(program, 1000), expect(DVMC_STACK_UNDERFLOW, 0));
    {
        Runner s;
        s.run(push("01") + "55");
        CHECK(s.host.storage.empty(), "an underflowing SSTORE writes nothing");
    }
    // Stack overflow.
    const std::string full = push("01") + repeat("80", 1023);
    for (const char* instruction : {"30", "43", "59", "6001", "7f", "80"})
        CHECK_OUTCOME(r.run(full + instruction, 10000), expect(DVMC_STACK_OVERFLOW, 0));
    CHECK(r.run(full, 10000).status == DVMC_SUCCESS, "a full stack itself is fine");
    CHECK(r.run(full + "01" + "54" + "35", 10000).status == DVMC_SUCCESS, "pop-first instructions on a full stack");
    // Memory bounds.
    for (uint64_t offset : {uint64_t{993}, uint64_t{1024}, uint64_t{0xffffffe0}, uint64_t{0xffffffff}})
        CHECK_OUTCOME(r.run(push("01") + push4(offset) + "52"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push("02") + push("03ff") + "f3"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push4(1025) + push("00") + "f3"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push("00") + push4(1025) + "f3"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push("01") + push4(0xffffffff) + "f3"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push4(0xffffffff) + push("01") + "f3"), expect(DVMC_FAILURE, 0));
    CHECK_OUTCOME(r.run(push4(0xffffffff) + push4(0xffffffff) + "f3"), expect(DVMC_FAILURE, 0));
    CHECK(r.run(push("20") + push("01" + repeat("00", 31)) + "f3").status == DVMC_SUCCESS, "high offset bytes ignored");
    CHECK_OUTCOME(r.run(push("01") + push("0400") + "fd"), expect(DVMC_FAILURE, 0));
    {
        Runner s;
        CHECK_OUTCOME(s.run(call(1000, 25, 0, 0)), expect(DVMC_FAILURE, 0));
        CHECK_OUTCOME(s.run(call(0xffffffff, 1, 0, 0)), expect(DVMC_FAILURE, 0));
        CHECK_OUTCOME(s.run(call(0, 0, 1024, 1)), expect(DVMC_FAILURE, 0));
        CHECK_OUTCOME(s.run(call(0, 0, 0x7fffffff, 0x7fffffff)), expect(DVMC_FAILURE, 0));
        CHECK_OUTCOME(s.run(call(0, 0, 0x80000000u, 0x80000401u)), expect(DVMC_FAILURE, 0));
        CHECK(s.host.calls.empty(), "no call when a region does not fit");
        CHECK(s.run(call(0, 0, 1, 0xffffffff)).status == DVMC_SUCCESS, "a wrapped end within memory calls");
        CHECK(s.host.calls.size() == 1, "called");
    }
    // Misbehaving or missing hosts and invalid arguments: internal error, never a crash.
    {
        Runner s;
        s.host.call_returns_broken_result = true;
        CHECK_OUTCOME(s.run(call(0, 0, 0, 0)), expect(DVMC_INTERNAL_ERROR, 0));
        CHECK(s.host.releases == 1, "a broken callee result is still released");
    }
    {
        Runner s;
        const dvmc_message m = s.message(100);
        const auto code = bytes("6000545b");
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, nullptr, nullptr, DVMC_CANCUN, &m, code.data(), code.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
        const auto number = bytes("43");
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, nullptr, nullptr, DVMC_CANCUN, &m, number.data(), 1)),
                      expect(DVMC_INTERNAL_ERROR, 0));
        const auto sstore = bytes(push("01") + push("01") + "55");
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, nullptr, nullptr, DVMC_CANCUN, &m, sstore.data(), sstore.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
        const auto c = bytes(call(0, 0, 0, 0));
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, nullptr, nullptr, DVMC_CANCUN, &m, c.data(), c.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
        const auto plain = bytes("6001600201");
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, nullptr, nullptr, DVMC_CANCUN, &m, plain.data(), plain.size())),
                      expect(DVMC_SUCCESS, 97));
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, &s.interface, s.host.context(), DVMC_CANCUN, nullptr,
                                                  plain.data(), plain.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, &s.interface, s.host.context(), DVMC_CANCUN, &m, nullptr, 3)),
                      expect(DVMC_INTERNAL_ERROR, 0));
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, &s.interface, s.host.context(), DVMC_CANCUN, &m, nullptr, 0)),
                      expect(DVMC_SUCCESS, 100));
        dvmc_message negative = m;
        negative.gas = -1;
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, &s.interface, s.host.context(), DVMC_CANCUN, &negative,
                                                  plain.data(), plain.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
        negative = m;
        negative.depth = -1;
        CHECK_OUTCOME(take(s.vm->retrieve_desc_vx(s.vm, &s.interface, s.host.context(), DVMC_CANCUN, &negative,
                                                  plain.data(), plain.size())),
                      expect(DVMC_INTERNAL_ERROR, 0));
    }
}

/// Runs two executions with verbose at `level` and returns what they wrote to stderr.
std::string stderr_of_two_executions(const char* level)
{
    Runner r;
    CHECK(r.vm->set_option(r.vm, "verbose", level) == DVMC_SET_OPTION_SUCCESS, "verbose=%s", level);
    std::fflush(stderr);
    char path[] = "/tmp/trans_log_driver_XXXXXX";
    const int file = mkstemp(path);
    const int saved = dup(2);
    dup2(file, 2);
    r.run("00");
    r.run("");
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::string captured;
    char buffer[256];
    lseek(file, 0, SEEK_SET);
    ssize_t n;
    while ((n = read(file, buffer, sizeof(buffer))) > 0)
        captured.append(buffer, static_cast<size_t>(n));
    close(file);
    unlink(path);
    return captured;
}

void options()
{
    // The table of VerboseOptionTest: value -> level, or INT_MIN for INVALID_VALUE.
    const int invalid = INT_MIN;
    const std::pair<const char*, int> table[] = {
        {"0", 0}, {"9", 9}, {"-1", -1}, {"10", invalid}, {"-2", invalid}, {"0x9", 9}, {"0X9", 9}, {"0x09", 9},
        {"-0x1", -1}, {"011", 9}, {"012", invalid}, {"08", invalid}, {"00", 0}, {"-0", 0}, {"+5", 5}, {" 3", 3},
        {"\t\n\v\f\r 7", 7}, {"x", invalid}, {"", invalid}, {nullptr, invalid}, {" ", invalid}, {"-", invalid},
        {"+-1", invalid}, {"0x", invalid}, {"0xg", invalid}, {"5abc", invalid}, {"3 ", invalid}, {"1.0", invalid},
        {"0xa", invalid}, {"99999999999999999999999999", invalid}, {"-99999999999999999999999999", invalid},
        {"\xd9\xa3", invalid} /* ARABIC-INDIC DIGIT THREE in UTF-8 */,
        {"\xc2\xa0" "3", invalid} /* NO-BREAK SPACE */};
    for (const auto& [value, expected] : table)
    {
        dvmc_vm* vm = create_vm();
        vm->set_option(vm, "verbose", "4");
        const dvmc_set_option_result result = vm->set_option(vm, "verbose", value);
        CHECK(result == (expected == invalid ? DVMC_SET_OPTION_INVALID_VALUE : DVMC_SET_OPTION_SUCCESS),
              "verbose=\"%s\" -> %d", value == nullptr ? "(null)" : value, result);
        vm->destroy(vm);
    }
    dvmc_vm* vm = create_vm();
    for (const char* name : {"Verbose", "verbosity", "", static_cast<const char*>(nullptr)})
        CHECK(vm->set_option(vm, name, "1") == DVMC_SET_OPTION_INVALID_NAME, "name %s", name == nullptr ? "(null)" : name);
    vm->destroy(vm);
    // The level set is the one executions see: above 0 they announce themselves on stderr.
    CHECK_STR(stderr_of_two_executions("1"), "execution started\nexecution started\n");
    CHECK_STR(stderr_of_two_executions("9"), "execution started\nexecution started\n");
    CHECK_STR(stderr_of_two_executions("0x4"), "execution started\nexecution started\n");
    CHECK_STR(stderr_of_two_executions("0"), "");
    CHECK_STR(stderr_of_two_executions("-1"), "");
    {
        // A rejected value leaves the level unchanged.
        Runner r;
        r.vm->set_option(r.vm, "verbose", "0");
        CHECK(r.vm->set_option(r.vm, "verbose", "5abc") == DVMC_SET_OPTION_INVALID_VALUE, "5abc");
    }
}

void instance()
{
    dvmc_vm* vm = create_vm();
    CHECK(vm != nullptr, "created");
    CHECK(vm->abi_version == DVMC_ABI_VERSION, "abi %d", vm->abi_version);
    CHECK_STR(vm->name, "trans_log");
    CHECK_STR(vm->version, TRANS_LOG_VERSION);
    CHECK(vm->get_capabilities(vm) == DVMC_CAPABILITY_DVM1, "capabilities");
    CHECK(vm->destroy != nullptr && vm->retrieve_desc_vx != nullptr && vm->set_option != nullptr, "methods");
    vm->destroy(vm);
    // Independent instances.
    dvmc_vm* a = create_vm();
    dvmc_vm* b = create_vm();
    CHECK(a != b, "each create makes a new instance");
    a->set_option(a, "verbose", "3");
    a->destroy(a);
    b->destroy(b);
}

/// Programs touching every instruction, for the concurrency and random groups.
const std::vector<std::string>& sample_programs()
{
    static const std::vector<std::string> programs = {
        "30600052596000f3",
        "600035600052596000f3",
        "60016000540160005500" "600054" + RETURN_TOP,
        push("aabbccdd") + push("00") + "52" + call_with("0100001234", CALLEE, "99", 28, 4, 64, 3) + push4(128) + push("00") + "f3",
        "43" + push("01") + "01" + "80" + "01" + RETURN_TOP,
        push("07") + push("03") + "55" + push("03") + "54" + push("0400") + push("00") + "fd",
    };
    return programs;
}

void concurrency()
{
    // 8 threads on one instance, each with its own host, equal to a sequential run.
    dvmc_vm* vm = create_vm();
    constexpr int THREADS = 8;
    constexpr int ROUNDS = 300;
    auto run_all = [vm](std::vector<Outcome>& out) {
        MockHost host;
        host.call_output = bytes("0102030405");
        host.tx_context.block_number = 77;
        dvmc_host_interface interface = host.interface();
        for (int round = 0; round < ROUNDS; ++round)
        {
            for (const auto& program : sample_programs())
            {
                const auto code = bytes(program);
                const std::vector<uint8_t> input = bytes("aabbccdd");
                dvmc_message m{};
                m.gas = 100000;
                m.recipient = address(RECIPIENT);
                m.input_data = input.data();
                m.input_size = input.size();
                out.push_back(take(vm->retrieve_desc_vx(vm, &interface, host.context(), DVMC_CANCUN, &m, code.data(),
                                                        code.size())));
            }
        }
    };
    std::vector<Outcome> sequential;
    run_all(sequential);
    std::vector<std::vector<Outcome>> parallel(THREADS);
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t)
        threads.emplace_back(run_all, std::ref(parallel[t]));
    for (auto& thread : threads)
        thread.join();
    for (int t = 0; t < THREADS; ++t)
        CHECK(parallel[t] == sequential, "thread %d equals the sequential run", t);
    vm->destroy(vm);
}

void random_programs()
{
    // 20,000 programs, half uniform bytes, half biased towards the instruction set; fixed seed.
    std::mt19937_64 random(20240603);
    const std::vector<uint8_t> instructions = {0x00, 0x01, 0x30, 0x35, 0x43, 0x52, 0x54, 0x55, 0x59,
                                               0x80, 0x80, 0xf1, 0xf1, 0xf3, 0xfd, 0x7f, 0x6f};
    const uint32_t edges[] = {0, 1, 31, 32, 992, 1023, 1024, 1025, 0x7fffffff, 0x80000000u, 0xfffffff0u, 0xffffffffu};
    dvmc_vm* vm = create_vm();
    int by_status[32] = {};
    for (int i = 0; i < 20000; ++i)
    {
        std::vector<uint8_t> code;
        if (i % 2 == 0)
        {
            code.resize(random() % 201);  // uniform bytes
            for (auto& b : code)
                b = static_cast<uint8_t>(random());
        }
        else
        {
            // Biased towards the instruction set: small PUSH1s, PUSH4s of edge offsets, instructions, noise.
            const size_t length = random() % 301;
            while (code.size() < length)
            {
                const unsigned pick = random() % 100;
                if (pick < 45)
                {
                    code.push_back(0x60);
                    code.push_back(static_cast<uint8_t>(random() % 4 == 0 ? random() : random() % 40));
                }
                else if (pick < 52)
                {
                    const uint32_t edge = edges[random() % (sizeof(edges) / sizeof(edges[0]))];
                    code.insert(code.end(), {0x63, static_cast<uint8_t>(edge >> 24), static_cast<uint8_t>(edge >> 16),
                                             static_cast<uint8_t>(edge >> 8), static_cast<uint8_t>(edge)});
                }
                else if (pick < 97)
                    code.push_back(instructions[random() % instructions.size()]);
                else
                    code.push_back(static_cast<uint8_t>(random()));
            }
        }
        std::vector<uint8_t> input(random() % 65);
        for (auto& b : input)
            b = static_cast<uint8_t>(random());
        const int64_t gas = static_cast<int64_t>(random() % 3001);
        const auto rev = static_cast<dvmc_revision>(random() % (DVMC_MAX_REVISION + 1));

        MockHost host;
        host.tx_context.block_number = gas * 7919;
        host.call_status = gas % 3 == 0 ? DVMC_REVERT : DVMC_SUCCESS;
        host.call_gas_left = gas % 3 == 0 ? 5 : 1;
        host.call_output = gas % 3 == 0 ? input : code;
        dvmc_host_interface interface = host.interface();
        dvmc_message m{};
        m.gas = gas;
        m.depth = i % 97 == 0 ? INT32_MAX : static_cast<int32_t>(gas % 5);
        m.recipient = address(RECIPIENT);
        m.input_data = input.empty() ? nullptr : input.data();
        m.input_size = input.size();

        const dvmc_result result =
            vm->retrieve_desc_vx(vm, &interface, host.context(), rev, &m, code.empty() ? nullptr : code.data(), code.size());
        const int status = result.status_code;
        const bool keeps = status == DVMC_SUCCESS || status == DVMC_REVERT;
        CHECK(status != DVMC_INTERNAL_ERROR && status != DVMC_OUT_OF_MEMORY, "program %d: %s", i, status_name(status));
        CHECK(result.gas_left >= 0 && result.gas_left <= gas, "program %d: gas left %" PRId64 " of %" PRId64, i,
              result.gas_left, gas);
        CHECK(keeps || (result.gas_left == 0 && result.output_size == 0), "program %d: %s keeps nothing", i,
              status_name(status));
        CHECK(result.output_size <= 1024, "program %d: output %zu", i, result.output_size);
        CHECK(host.releases == static_cast<int>(host.calls.size()), "program %d: every callee result released", i);
        ++by_status[(status + 8) & 31];
        take(result);
        if (failures > 20)
            break;
    }
    vm->destroy(vm);
    std::printf("  random programs by status:");
    for (int s = -3; s <= 17; ++s)
        if (by_status[(s + 8) & 31] > 0)
            std::printf(" %s=%d", status_name(s), by_status[(s + 8) & 31]);
    std::printf("\n");
}

/// "-" for no bytes, else lower-case hex.
std::string field(const uint8_t* data, size_t size)
{
    return size == 0 ? "-" : hex(data, size);
}

std::vector<uint8_t> parse_field(const std::string& text)
{
    return text == "-" ? std::vector<uint8_t>{} : bytes(text);
}

/// --replay: reads programs from stdin, one per line, and prints one result line each, for the
/// differential test against the Java trans_log (TransLogDifferentialIT). Input fields:
///   rev gas depth block_number call_status call_gas_left call_output input code
/// Output fields:
///   status gas_left output calls storage_writes
/// where calls is `gas,recipient,value,depth,input` per host call joined by ';' and storage_writes is
/// `key,value` per set_storage joined by ';'; "-" stands for no bytes or an empty list.
int replay()
{
    dvmc_vm* vm = create_vm();
    char* line = nullptr;
    size_t capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, stdin)) > 0)
    {
        char rev_text[16], call_output[4096], input[4096], code[65536];
        long long gas, block_number, call_gas_left;
        int depth, rev, call_status;
        if (std::sscanf(line, "%15s %lld %d %lld %d %lld %4095s %4095s %65535s", rev_text, &gas, &depth, &block_number,
                        &call_status, &call_gas_left, call_output, input, code) != 9)
        {
            std::fprintf(stderr, "driver --replay: malformed line: %s", line);
            std::free(line);
            vm->destroy(vm);
            return 2;
        }
        rev = std::atoi(rev_text);
        MockHost host;
        host.tx_context.block_number = block_number;
        host.call_status = static_cast<dvmc_status_code>(call_status);
        host.call_gas_left = call_gas_left;
        host.call_output = parse_field(call_output);
        dvmc_host_interface interface = host.interface();
        const std::vector<uint8_t> input_bytes = parse_field(input);
        const std::vector<uint8_t> code_bytes = parse_field(code);
        dvmc_message m{};
        m.kind = DVMC_CALL;
        m.gas = gas;
        m.depth = depth;
        m.recipient = address(RECIPIENT);
        m.code_address = address(RECIPIENT);
        m.sender = address(SENDER);
        m.input_data = input_bytes.empty() ? nullptr : input_bytes.data();
        m.input_size = input_bytes.size();
        const dvmc_result result = vm->retrieve_desc_vx(vm, &interface, host.context(), static_cast<dvmc_revision>(rev), &m,
                                                        code_bytes.data(), code_bytes.size());
        std::string out = std::to_string(result.status_code) + " " + std::to_string(result.gas_left) + " " +
                          field(result.output_data, result.output_size) + " ";
        if (result.release != nullptr)
            result.release(&result);
        std::string calls;
        for (const auto& call : host.calls)
        {
            if (!calls.empty())
                calls += ";";
            calls += std::to_string(call.message.gas) + "," + hex(call.message.recipient.bytes, 20) + "," +
                     hex(call.message.value.bytes, 32) + "," + std::to_string(call.message.depth) + "," +
                     field(call.input.data(), call.input.size());
        }
        std::string writes;
        for (const auto& [key, value] : host.storage_writes)
        {
            if (!writes.empty())
                writes += ";";
            writes += hex(key.bytes, 32) + "," + hex(value.bytes, 32);
        }
        out += (calls.empty() ? "-" : calls) + " " + (writes.empty() ? "-" : writes) + "\n";
        std::fputs(out.c_str(), stdout);
    }
    std::free(line);
    vm->destroy(vm);
    return 0;
}

struct Group
{
    const char* name;
    void (*run)();
};
}  // namespace

int main(int argc, char** argv)
{
    const char* mode = "the VM compiled into the driver";
    void* library = nullptr;
    if (argc == 3 && std::strcmp(argv[1], "--library") == 0)
    {
        library = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr)
        {
            std::fprintf(stderr, "driver: cannot open %s: %s\n", argv[2], dlerror());
            return 2;
        }
        create_vm = reinterpret_cast<dvmc_vm* (*)(void)>(dlsym(library, "dvmc_create_trans_log_vm"));
        if (create_vm == nullptr)
        {
            std::fprintf(stderr, "driver: %s does not export dvmc_create_trans_log_vm\n", argv[2]);
            return 2;
        }
        mode = argv[2];
    }
    else if (argc == 2 && std::strcmp(argv[1], "--replay") == 0)
        return replay();
    else if (argc != 1)
    {
        std::fprintf(stderr, "usage: driver [--library PATH | --replay]\n");
        return 2;
    }
    std::printf("trans_log native driver on %s\n", mode);
    const Group groups[] = {{"instance", instance},         {"examples", examples}, {"instructions", instructions},
                            {"calls", calls},               {"failure paths", failure_paths},
                            {"options", options},           {"concurrency (8 threads)", concurrency},
                            {"random programs (20,000)", random_programs}};
    for (const Group& group : groups)
    {
        const int before = failures.load();
        group.run();
        std::printf("  %-26s %s\n", group.name, failures == before ? "ok" : "FAILED");
    }
    std::printf("%d checks, %d failed\n", checks.load(), failures.load());
    if (library != nullptr)
        dlclose(library);
    return failures == 0 ? 0 : 1;
}
