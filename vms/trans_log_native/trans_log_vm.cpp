// The trans_log implementation of the DVMC VM interface in C++ — the native twin of the Java
// trans_log (vms/trans_log), with the same semantics in every case: the instruction set of the
// reference example VM at 1 gas each, 1024 bytes of memory, a stack of 1024 words, 64-bit safe
// offsets, truncated PUSH read as zero-padded, CALL as vms/trans_log/README.md defines it, and the
// `verbose` option parsed the same way. See vms/trans_log_native/README.md.
//
// Build (the Maven build does this through build.sh):
//   g++ -std=c++17 -O2 -fPIC -shared -fvisibility=hidden -I native/include
//       -DTRANS_LOG_VERSION='"1.0.0"' trans_log_vm.cpp -o libtrans_log_vm.so
//
// Only dvmc_create_trans_log_vm() is exported. Nothing here throws: every allocation is checked and
// every failure becomes a result.

#include <dvmc/dvmc.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#ifndef TRANS_LOG_VERSION
#error "define TRANS_LOG_VERSION, e.g. -DTRANS_LOG_VERSION='\"1.0.0\"' (the build passes the Maven project version)"
#endif

#if defined(_WIN32)
#define TRANS_LOG_EXPORT __declspec(dllexport)
#else
#define TRANS_LOG_EXPORT __attribute__((visibility("default")))
#endif

namespace
{
// Opcodes of the instruction set.
constexpr uint8_t OP_STOP = 0x00;
constexpr uint8_t OP_ADD = 0x01;
constexpr uint8_t OP_ADDRESS = 0x30;
constexpr uint8_t OP_CALLDATALOAD = 0x35;
constexpr uint8_t OP_NUMBER = 0x43;
constexpr uint8_t OP_MSTORE = 0x52;
constexpr uint8_t OP_SLOAD = 0x54;
constexpr uint8_t OP_SSTORE = 0x55;
constexpr uint8_t OP_MSIZE = 0x59;
constexpr uint8_t OP_PUSH1 = 0x60;
constexpr uint8_t OP_PUSH32 = 0x7f;
constexpr uint8_t OP_DUP1 = 0x80;
constexpr uint8_t OP_CALL = 0xf1;
constexpr uint8_t OP_RETURN = 0xf3;
constexpr uint8_t OP_REVERT = 0xfd;

constexpr int CALL_ARGUMENTS = 7;
constexpr uint64_t LOW_32_BITS = 0xffffffffu;

/// A 256-bit word as four 64-bit lanes, most significant first (the byte order of a bytes32).
struct Word
{
    uint64_t lane[4];
};

Word word_of_small(uint64_t value) noexcept
{
    return Word{{0, 0, 0, value}};
}

/// 8 big-endian bytes as a number (memcpy and a byte swap: one load, no per-byte loop).
uint64_t load_big_endian(const uint8_t* bytes) noexcept
{
    uint64_t value;
    std::memcpy(&value, bytes, sizeof(value));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    value = __builtin_bswap64(value);
#endif
    return value;
}

void store_big_endian(uint8_t* bytes, uint64_t value) noexcept
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    value = __builtin_bswap64(value);
#endif
    std::memcpy(bytes, &value, sizeof(value));
}

Word word_of_bytes(const uint8_t* bytes32) noexcept
{
    return Word{{load_big_endian(bytes32), load_big_endian(bytes32 + 8), load_big_endian(bytes32 + 16),
                 load_big_endian(bytes32 + 24)}};
}

dvmc_bytes32 bytes_of_word(const Word& w) noexcept
{
    dvmc_bytes32 b;
    for (int i = 0; i < 4; ++i)
        store_big_endian(b.bytes + 8 * i, w.lane[i]);
    return b;
}

Word word_of_address(const dvmc_address& a) noexcept
{
    uint8_t bytes[32] = {};
    std::memcpy(bytes + 12, a.bytes, sizeof(a.bytes));
    return word_of_bytes(bytes);
}

dvmc_address address_of_word(const Word& w) noexcept
{
    dvmc_bytes32 b = bytes_of_word(w);
    dvmc_address a;
    std::memcpy(a.bytes, b.bytes + 12, sizeof(a.bytes));
    return a;
}

/// `count` big-endian bytes of `source` (size `source_size`) from `from`, right-aligned in a word;
/// bytes past the end of the source read as zero (CALLDATALOAD, and PUSH cut short by the end).
Word word_of_slice(const uint8_t* source, size_t source_size, uint64_t from, size_t count) noexcept
{
    size_t available = from < source_size ? source_size - static_cast<size_t>(from) : 0;
    if (available > count)
        available = count;
    if (count == 1)  // PUSH1, the common case
        return word_of_small(available == 1 ? source[from] : 0);
    uint8_t bytes[32] = {};
    if (available > 0)
        std::memcpy(bytes + (32 - count), source + from, available);
    return word_of_bytes(bytes);
}

/// The stack of one execution: at most LIMIT words; a few words inline, then a heap buffer doubled
/// on demand, so a typical program allocates nothing here.
class Stack
{
public:
    static constexpr int LIMIT = 1024;

    Stack() noexcept = default;
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;
    ~Stack() { std::free(heap_); }

    int size() const noexcept { return size_; }
    bool full() const noexcept { return size_ == LIMIT; }

    /// Pushes onto a stack that is not full; false only when memory for it cannot be allocated.
    /// Takes the word by value: it may be the top word itself (DUP1), which grow() moves.
    bool push(Word w) noexcept
    {
        if (size_ == capacity_ && !grow())
            return false;
        words_[size_++] = w;
        return true;
    }

    /// Pops from a stack that is not empty.
    Word pop() noexcept { return words_[--size_]; }

    const Word& top() const noexcept { return words_[size_ - 1]; }

    /// The low 32 bits of the popped word, unsigned: how offsets, sizes and CALL's gas are read.
    uint64_t pop_low32() noexcept { return pop().lane[3] & LOW_32_BITS; }

    /// ADD on a stack of 2 or more: replaces the two top words by their sum modulo 2^256.
    void add() noexcept
    {
        const Word a = words_[size_ - 1];
        Word& b = words_[size_ - 2];
        uint64_t carry = 0;
        for (int i = 3; i >= 0; --i)
        {
            const uint64_t x = a.lane[i];
            const uint64_t y = b.lane[i];
            const uint64_t sum = x + y + carry;
            carry = ((x & y) | ((x | y) & ~sum)) >> 63;
            b.lane[i] = sum;
        }
        --size_;
    }

private:
    static constexpr int INLINE_WORDS = 16;

    bool grow() noexcept
    {
        const int capacity = capacity_ * 2 > LIMIT ? LIMIT : capacity_ * 2;
        auto* bigger = static_cast<Word*>(std::malloc(sizeof(Word) * static_cast<size_t>(capacity)));
        if (bigger == nullptr)
            return false;
        std::memcpy(bigger, words_, sizeof(Word) * static_cast<size_t>(size_));
        std::free(heap_);
        heap_ = bigger;
        words_ = bigger;
        capacity_ = capacity;
        return true;
    }

    Word inline_[INLINE_WORDS];
    Word* words_ = inline_;
    Word* heap_ = nullptr;
    int size_ = 0;
    int capacity_ = INLINE_WORDS;
};

/// The memory of one execution, as in the reference VM: a fixed buffer of CAPACITY bytes and an
/// "active size" that grows to the end of every region an instruction touches. Offsets and sizes are
/// unsigned 32-bit numbers held in 64 bits, so offset + size cannot wrap (except where CALL's output
/// region asks for the reference's modulo-2^32 end, expand_wrapping). The buffer is zeroed lazily,
/// only as far as it has been read or written.
class Memory
{
public:
    static constexpr uint64_t CAPACITY = 1024;

    /// Touches [offset, offset + size): false when it ends beyond CAPACITY, otherwise grows the
    /// active size to its end, also when size is 0.
    bool expand(uint64_t offset, uint64_t size) noexcept
    {
        const uint64_t end = offset + size;
        if (end > CAPACITY)
            return false;
        if (end > active_size_)
            active_size_ = static_cast<uint32_t>(end);
        return true;
    }

    /// Touches the region as the reference touches CALL's output region: with its end computed
    /// modulo 2^32. Nothing is read or written through such a region.
    bool expand_wrapping(uint64_t offset, uint64_t size) noexcept
    {
        return expand(0, (offset + size) & LOW_32_BITS);
    }

    uint32_t active_size() const noexcept { return active_size_; }

    /// The bytes [offset, end) of a region expand accepted, zeroed on first use.
    uint8_t* at(uint64_t offset, uint64_t end) noexcept
    {
        if (end > zeroed_)
        {
            std::memset(data_ + zeroed_, 0, static_cast<size_t>(end - zeroed_));
            zeroed_ = static_cast<uint32_t>(end);
        }
        return data_ + offset;
    }

private:
    uint32_t active_size_ = 0;
    uint32_t zeroed_ = 0;
    uint8_t data_[CAPACITY];
};

/// The instance: the dvmc_vm struct followed by the only mutable state, the verbose level, which
/// options change and executions read (hence atomic). No per-execution state lives here.
struct TransLogVm : dvmc_vm
{
    std::atomic<int> verbose{0};

    TransLogVm() noexcept;
};

// ---- results ----------------------------------------------------------------------------------

void release_result(const dvmc_result* result) noexcept
{
    // The output buffer is the only resource a result carries; the cast undoes the const of the ABI.
    std::free(const_cast<uint8_t*>(result->output_data));
}

/// A result without output: every status except success and revert has 0 gas left.
dvmc_result make_result(dvmc_status_code status, int64_t gas_left) noexcept
{
    dvmc_result r;
    std::memset(&r, 0, sizeof(r));
    r.status_code = status;
    r.gas_left = gas_left;
    r.release = release_result;
    return r;
}

dvmc_result failure(dvmc_status_code status) noexcept
{
    return make_result(status, 0);
}

/// A success or revert result carrying a copy of `size` bytes of `data`.
dvmc_result make_output_result(dvmc_status_code status, int64_t gas_left, const uint8_t* data, size_t size) noexcept
{
    dvmc_result r = make_result(status, gas_left);
    if (size > 0)
    {
        auto* copy = static_cast<uint8_t*>(std::malloc(size));
        if (copy == nullptr)
            return failure(DVMC_OUT_OF_MEMORY);
        std::memcpy(copy, data, size);
        r.output_data = copy;
        r.output_size = size;
    }
    return r;
}

void release_callee(dvmc_result& result) noexcept
{
    if (result.release != nullptr)
        result.release(&result);
}

// ---- the verbose option -----------------------------------------------------------------------

constexpr int VERBOSE_MIN = -1;
constexpr int VERBOSE_MAX = 9;

bool is_c_space(char c) noexcept
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// The value of an ASCII digit in `radix`, or -1.
int digit(char c, int radix) noexcept
{
    int value;
    if (c >= '0' && c <= '9')
        value = c - '0';
    else if (c >= 'a' && c <= 'z')
        value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        value = c - 'A' + 10;
    else
        return -1;
    return value < radix ? value : -1;
}

/// Parses the verbose level exactly as the Java trans_log's VerboseOption does: strtol(value, &end, 0)
/// syntax (C white space, sign, 0x hex / 0 octal / decimal), digits to the end of the text, -1..9.
bool parse_verbose(const char* value, int* level) noexcept
{
    if (value == nullptr)
        return false;
    const size_t length = std::strlen(value);
    size_t i = 0;
    while (i < length && is_c_space(value[i]))
        ++i;
    bool negative = false;
    if (i < length && (value[i] == '+' || value[i] == '-'))
    {
        negative = value[i] == '-';
        ++i;
    }
    int radix = 10;
    if (i < length && value[i] == '0')
    {
        // strtol takes "0x" as a prefix only when a hex digit follows; otherwise the 0 is octal.
        if (i + 2 < length && (value[i + 1] | 0x20) == 'x' && digit(value[i + 2], 16) >= 0)
        {
            radix = 16;
            i += 2;
        }
        else
            radix = 8;
    }
    const size_t first_digit = i;
    constexpr int64_t CLAMP = int64_t{1} << 40;  // like strtol's clamping: long inputs cannot overflow
    int64_t magnitude = 0;
    while (i < length)
    {
        const int d = digit(value[i], radix);
        if (d < 0)
            break;
        magnitude = magnitude * radix + d;
        if (magnitude > CLAMP)
            magnitude = CLAMP;
        ++i;
    }
    if (i == first_digit || i != length)
        return false;
    const int64_t result = negative ? -magnitude : magnitude;
    if (result < VERBOSE_MIN || result > VERBOSE_MAX)
        return false;
    *level = static_cast<int>(result);
    return true;
}

// ---- the dvmc_vm methods ----------------------------------------------------------------------

void vm_destroy(dvmc_vm* vm) noexcept
{
    auto* instance = static_cast<TransLogVm*>(vm);
    instance->~TransLogVm();
    std::free(instance);
}

dvmc_capabilities_flagset vm_get_capabilities(dvmc_vm*) noexcept
{
    return DVMC_CAPABILITY_DVM1;
}

dvmc_set_option_result vm_set_option(dvmc_vm* instance, const char* name, const char* value) noexcept
{
    if (name == nullptr || std::strcmp(name, "verbose") != 0)
        return DVMC_SET_OPTION_INVALID_NAME;
    int level = 0;
    if (!parse_verbose(value, &level))
        return DVMC_SET_OPTION_INVALID_VALUE;
    static_cast<TransLogVm*>(instance)->verbose.store(level, std::memory_order_relaxed);
    return DVMC_SET_OPTION_SUCCESS;
}

/// RETURN and REVERT: pop offset, then size, and end with that memory region as output.
dvmc_result finish(dvmc_status_code status, int64_t gas_left, Stack& stack, Memory& memory) noexcept
{
    if (stack.size() < 2)
        return failure(DVMC_STACK_UNDERFLOW);
    const uint64_t offset = stack.pop_low32();
    const uint64_t size = stack.pop_low32();
    if (!memory.expand(offset, size))
        return failure(DVMC_FAILURE);
    return make_output_result(status, gas_left, memory.at(offset, offset + size), static_cast<size_t>(size));
}

/// How CALL ended: go on, fail the execution with `failure`, or end it with `internal error`.
enum class CallOutcome
{
    proceed,
    memory_failure,
    host_error,
    out_of_memory
};

/// CALL, on a stack of 7 or more words, as vms/trans_log/README.md defines it.
CallOutcome call(const dvmc_host_interface* host, dvmc_host_context* context, const dvmc_message* msg,
                 Stack& stack, Memory& memory) noexcept
{
    dvmc_message nested;
    std::memset(&nested, 0, sizeof(nested));
    nested.kind = DVMC_CALL;
    nested.gas = static_cast<int64_t>(stack.pop_low32());
    nested.recipient = address_of_word(stack.pop());
    nested.value = bytes_of_word(stack.pop());
    const uint64_t input_offset = stack.pop_low32();
    const uint64_t input_size = stack.pop_low32();
    const uint64_t output_offset = stack.pop_low32();
    const uint64_t output_size = stack.pop_low32();
    if (!memory.expand(input_offset, input_size) || !memory.expand_wrapping(output_offset, output_size))
        return CallOutcome::memory_failure;

    if (msg->depth == INT32_MAX)  // depth + 1 cannot be represented: the call fails
        return stack.push(word_of_small(0)) ? CallOutcome::proceed : CallOutcome::out_of_memory;

    if (host == nullptr || host->call == nullptr)
        return CallOutcome::host_error;
    nested.depth = msg->depth + 1;
    nested.sender = msg->recipient;
    nested.code_address = nested.recipient;
    if (input_size > 0)
    {
        nested.input_data = memory.at(input_offset, input_offset + input_size);
        nested.input_size = static_cast<size_t>(input_size);
    }

    dvmc_result result = host->call(context, &nested);
    if (result.output_data == nullptr && result.output_size > 0)
    {
        release_callee(result);  // a broken result: it claims output it does not have
        return CallOutcome::host_error;
    }
    if (!stack.push(word_of_small(result.status_code == DVMC_SUCCESS ? 1 : 0)))
    {
        release_callee(result);
        return CallOutcome::out_of_memory;
    }
    const uint64_t count = output_size < result.output_size ? output_size : result.output_size;
    // Like the reference's memory store: touches [offset, offset + count) and copies only if it fits.
    if (memory.expand(output_offset, count) && count > 0)
        std::memcpy(memory.at(output_offset, output_offset + count), result.output_data, static_cast<size_t>(count));
    release_callee(result);
    return CallOutcome::proceed;
}

dvmc_result vm_retrieve_desc_vx(dvmc_vm* instance, const dvmc_host_interface* host, dvmc_host_context* context,
                             dvmc_revision rev, const dvmc_message* msg, const uint8_t* code,
                             size_t code_size) noexcept
{
    // Arguments no valid host passes: an internal error, never a crash.
    if (instance == nullptr || msg == nullptr || (code == nullptr && code_size > 0) || msg->gas < 0 ||
        msg->depth < 0)
        return failure(DVMC_INTERNAL_ERROR);

    if (static_cast<TransLogVm*>(instance)->verbose.load(std::memory_order_relaxed) > 0)
        std::fputs("execution started\n", stderr);

    Stack stack;
    Memory memory;
    int64_t gas_left = msg->gas;

    for (size_t pc = 0; pc < code_size; ++pc)
    {
        if (--gas_left < 0)
            return failure(DVMC_OUT_OF_GAS);

        const uint8_t opcode = code[pc];
        switch (opcode)
        {
        case OP_STOP:
            return make_result(DVMC_SUCCESS, gas_left);

        case OP_ADD:
            if (stack.size() < 2)
                return failure(DVMC_STACK_UNDERFLOW);
            stack.add();
            break;

        case OP_ADDRESS:
            if (stack.full())
                return failure(DVMC_STACK_OVERFLOW);
            if (!stack.push(word_of_address(msg->recipient)))
                return failure(DVMC_OUT_OF_MEMORY);
            break;

        case OP_CALLDATALOAD:
        {
            if (stack.size() < 1)
                return failure(DVMC_STACK_UNDERFLOW);
            const uint64_t offset = stack.pop_low32();
            stack.push(word_of_slice(msg->input_data, msg->input_data == nullptr ? 0 : msg->input_size, offset, 32));
            break;
        }

        case OP_NUMBER:
        {
            if (stack.full())
                return failure(DVMC_STACK_OVERFLOW);
            if (host == nullptr || host->get_tx_context == nullptr)
                return failure(DVMC_INTERNAL_ERROR);
            const dvmc_tx_context tx = host->get_tx_context(context);
            // The low 32 bits only, as the reference casts the block number to uint32_t.
            if (!stack.push(word_of_small(static_cast<uint64_t>(tx.block_number) & LOW_32_BITS)))
                return failure(DVMC_OUT_OF_MEMORY);
            break;
        }

        case OP_MSTORE:
        {
            if (stack.size() < 2)
                return failure(DVMC_STACK_UNDERFLOW);
            const uint64_t offset = stack.pop_low32();
            if (!memory.expand(offset, 32))
                return failure(DVMC_FAILURE);
            const dvmc_bytes32 value = bytes_of_word(stack.pop());
            std::memcpy(memory.at(offset, offset + 32), value.bytes, 32);
            break;
        }

        case OP_SLOAD:
        {
            if (stack.size() < 1)
                return failure(DVMC_STACK_UNDERFLOW);
            if (host == nullptr || host->get_storage == nullptr)
                return failure(DVMC_INTERNAL_ERROR);
            const dvmc_bytes32 key = bytes_of_word(stack.pop());
            const dvmc_bytes32 value = host->get_storage(context, &msg->recipient, &key);
            stack.push(word_of_bytes(value.bytes));  // popped one first: cannot need memory
            break;
        }

        case OP_SSTORE:
        {
            if (stack.size() < 2)
                return failure(DVMC_STACK_UNDERFLOW);
            if (host == nullptr || host->set_storage == nullptr)
                return failure(DVMC_INTERNAL_ERROR);
            const dvmc_bytes32 key = bytes_of_word(stack.pop());
            const dvmc_bytes32 value = bytes_of_word(stack.pop());
            host->set_storage(context, &msg->recipient, &key, &value);  // the storage status is ignored
            break;
        }

        case OP_MSIZE:
            if (stack.full())
                return failure(DVMC_STACK_OVERFLOW);
            if (!stack.push(word_of_small(memory.active_size())))
                return failure(DVMC_OUT_OF_MEMORY);
            break;

        case OP_DUP1:
            if (stack.size() < 1)
                return failure(DVMC_STACK_UNDERFLOW);
            if (stack.full())
                return failure(DVMC_STACK_OVERFLOW);
            if (!stack.push(stack.top()))
                return failure(DVMC_OUT_OF_MEMORY);
            break;

        case OP_CALL:
            if (stack.size() < CALL_ARGUMENTS)
                return failure(DVMC_STACK_UNDERFLOW);
            switch (call(host, context, msg, stack, memory))
            {
            case CallOutcome::proceed:
                break;
            case CallOutcome::memory_failure:
                return failure(DVMC_FAILURE);
            case CallOutcome::host_error:
                return failure(DVMC_INTERNAL_ERROR);
            case CallOutcome::out_of_memory:
                return failure(DVMC_OUT_OF_MEMORY);
            }
            break;

        case OP_RETURN:
            return finish(DVMC_SUCCESS, gas_left, stack, memory);

        case OP_REVERT:
            if (rev < DVMC_BYZANTIUM)
                return failure(DVMC_UNDEFINED_INSTRUCTION);
            return finish(DVMC_REVERT, gas_left, stack, memory);

        default:
            if (opcode >= OP_PUSH1 && opcode <= OP_PUSH32)
            {
                if (stack.full())
                    return failure(DVMC_STACK_OVERFLOW);
                const size_t immediate_size = static_cast<size_t>(opcode - OP_PUSH1 + 1);
                // Code is read as if zero-padded: a cut-short immediate keeps its bytes on the high side.
                if (!stack.push(word_of_slice(code, code_size, pc + 1, immediate_size)))
                    return failure(DVMC_OUT_OF_MEMORY);
                pc += immediate_size;
                break;
            }
            return failure(DVMC_UNDEFINED_INSTRUCTION);
        }
    }
    return make_result(DVMC_SUCCESS, gas_left);
}

TransLogVm::TransLogVm() noexcept
  : dvmc_vm{DVMC_ABI_VERSION, "trans_log", TRANS_LOG_VERSION, vm_destroy, vm_retrieve_desc_vx, vm_get_capabilities,
            vm_set_option}
{}
}  // namespace

extern "C" TRANS_LOG_EXPORT dvmc_vm* dvmc_create_trans_log_vm(void)
{
    // malloc and placement new rather than operator new: the library then needs nothing of the C++
    // runtime library (no exception machinery), only libc.
    void* memory = std::malloc(sizeof(TransLogVm));
    return memory == nullptr ? nullptr : new (memory) TransLogVm();
}
