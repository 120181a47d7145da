package org.dvmc.vm.translog;

import static org.dvmc.vm.translog.Opcodes.ADD;
import static org.dvmc.vm.translog.Opcodes.ADDRESS;
import static org.dvmc.vm.translog.Opcodes.CALL;
import static org.dvmc.vm.translog.Opcodes.CALLDATALOAD;
import static org.dvmc.vm.translog.Opcodes.DUP1;
import static org.dvmc.vm.translog.Opcodes.MSIZE;
import static org.dvmc.vm.translog.Opcodes.MSTORE;
import static org.dvmc.vm.translog.Opcodes.NUMBER;
import static org.dvmc.vm.translog.Opcodes.PUSH1;
import static org.dvmc.vm.translog.Opcodes.RETURN;
import static org.dvmc.vm.translog.Opcodes.REVERT;
import static org.dvmc.vm.translog.Opcodes.SLOAD;
import static org.dvmc.vm.translog.Opcodes.SSTORE;
import static org.dvmc.vm.translog.Opcodes.STOP;

import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;

/**
 * The trans_log instruction loop: one pass over the code, 1 gas per instruction, charged before the
 * instruction runs, exactly as the reference example VM does.
 *
 * <p>All state of an execution lives in locals and in the {@link WordStack} and {@link Memory} made
 * for it, so concurrent executions are independent. Every failure of the executed code is a result;
 * exceptions from the host propagate to {@link TransLogVm}, which turns them into internal errors.
 * Stateless; thread-safe.
 */
final class Interpreter {

    // Results without a release hook are immutable values, so the failure results can be shared.
    private static final Result OUT_OF_GAS = Result.failure(StatusCode.OUT_OF_GAS);
    private static final Result FAILURE = Result.failure(StatusCode.FAILURE);
    private static final Result UNDEFINED_INSTRUCTION = Result.failure(StatusCode.UNDEFINED_INSTRUCTION);
    private static final Result STACK_UNDERFLOW = Result.failure(StatusCode.STACK_UNDERFLOW);
    private static final Result STACK_OVERFLOW = Result.failure(StatusCode.STACK_OVERFLOW);

    /** NUMBER keeps the low 32 bits of the block number, as the reference casts it to {@code uint32_t}. */
    private static final long LOW_32_BITS = 0xffff_ffffL;

    private static final int CALL_ARGUMENTS = 7;

    private Interpreter() {
    }

    /**
     * Executes {@code code}.
     *
     * @return the result; never null
     * @throws RuntimeException or Error only when the host throws, returns null or returns a result
     *                          whose release hook throws
     */
    static Result execute(Host host, Revision revision, Message message, Bytes code) {
        WordStack stack = new WordStack();
        Memory memory = new Memory();
        long gasLeft = message.gas();
        int codeSize = code.size();

        for (int pc = 0; pc < codeSize; pc++) {
            if (--gasLeft < 0) {
                return OUT_OF_GAS;
            }
            int opcode = code.getUnsigned(pc);
            switch (opcode) {
                case STOP:
                    return Result.success(gasLeft, Bytes.EMPTY);

                case ADD:
                    if (stack.size() < 2) {
                        return STACK_UNDERFLOW;
                    }
                    stack.add();
                    break;

                case ADDRESS:
                    if (stack.isFull()) {
                        return STACK_OVERFLOW;
                    }
                    stack.push(message.recipient());
                    break;

                case CALLDATALOAD:
                    if (stack.size() < 1) {
                        return STACK_UNDERFLOW;
                    }
                    stack.pushBigEndian(message.input(), stack.popLow32(), Bytes32.SIZE);
                    break;

                case NUMBER:
                    if (stack.isFull()) {
                        return STACK_OVERFLOW;
                    }
                    stack.pushSmall(host.getTxContext().blockNumber() & LOW_32_BITS);
                    break;

                case MSTORE: {
                    if (stack.size() < 2) {
                        return STACK_UNDERFLOW;
                    }
                    long offset = stack.popLow32();
                    if (!memory.expand(offset, Bytes32.SIZE)) {
                        return FAILURE;
                    }
                    stack.popInto(memory.buffer((int) offset + Bytes32.SIZE), (int) offset);
                    break;
                }

                case SLOAD:
                    if (stack.size() < 1) {
                        return STACK_UNDERFLOW;
                    }
                    stack.push(host.getStorage(message.recipient(), stack.pop()));
                    break;

                case SSTORE: {
                    if (stack.size() < 2) {
                        return STACK_UNDERFLOW;
                    }
                    Bytes32 key = stack.pop();
                    Bytes32 value = stack.pop();
                    host.setStorage(message.recipient(), key, value);
                    break;
                }

                case MSIZE:
                    if (stack.isFull()) {
                        return STACK_OVERFLOW;
                    }
                    stack.pushSmall(memory.activeSize());
                    break;

                case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67:
                case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: case 0x6e: case 0x6f:
                case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
                case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f: {
                    if (stack.isFull()) {
                        return STACK_OVERFLOW;
                    }
                    int immediateSize = opcode - PUSH1 + 1;
                    // Code is read as if zero-padded: a cut-short immediate keeps its bytes on the high side.
                    stack.pushBigEndian(code, pc + 1L, immediateSize);
                    pc += immediateSize;
                    break;
                }

                case DUP1:
                    if (stack.size() < 1) {
                        return STACK_UNDERFLOW;
                    }
                    if (stack.isFull()) {
                        return STACK_OVERFLOW;
                    }
                    stack.dup1();
                    break;

                case CALL:
                    if (stack.size() < CALL_ARGUMENTS) {
                        return STACK_UNDERFLOW;
                    }
                    if (!call(host, message, stack, memory)) {
                        return FAILURE;
                    }
                    break;

                case RETURN:
                    return finish(StatusCode.SUCCESS, gasLeft, stack, memory);

                case REVERT:
                    if (revision.compareTo(Revision.BYZANTIUM) < 0) {
                        return UNDEFINED_INSTRUCTION;
                    }
                    return finish(StatusCode.REVERT, gasLeft, stack, memory);

                default:
                    return UNDEFINED_INSTRUCTION;
            }
        }
        return Result.success(gasLeft, Bytes.EMPTY);
    }

    /** RETURN and REVERT: pop offset, then size, and end with that memory region as output. */
    private static Result finish(StatusCode status, long gasLeft, WordStack stack, Memory memory) {
        if (stack.size() < 2) {
            return STACK_UNDERFLOW;
        }
        long offset = stack.popLow32();
        long size = stack.popLow32();
        if (!memory.expand(offset, size)) {
            return FAILURE;
        }
        return Result.of(status, gasLeft, 0, memory.copyOut((int) offset, (int) size));
    }

    /**
     * CALL: pops gas, recipient, value, input offset and size, output offset and size; sends the
     * message; pushes 1 for success, else 0; copies as much of the callee's output as fits the output
     * region. Requires 7 words on the stack.
     *
     * <p>The output region is checked as the reference checks it: its end is computed modulo 2^32, so
     * a region whose end passes 2^32 "wraps" and passes the check when the wrapped end is within
     * memory. The copy of the callee's output is then made only if {@code offset + copied bytes}
     * (in 64 bits) fits in memory, and silently skipped otherwise — where the reference would write
     * outside its buffer. At the largest message depth (2^31-1) the call fails without reaching the
     * host: it pushes 0, since the nested depth cannot be represented.
     *
     * @return false when a memory region does not fit, which fails the execution
     */
    private static boolean call(Host host, Message message, WordStack stack, Memory memory) {
        long gas = stack.popLow32();
        Address recipient = stack.popAddress();
        Bytes32 value = stack.pop();
        long inputOffset = stack.popLow32();
        long inputSize = stack.popLow32();
        long outputOffset = stack.popLow32();
        long outputSize = stack.popLow32();
        if (!memory.expand(inputOffset, inputSize) || !memory.expandWrapping(outputOffset, outputSize)) {
            return false;
        }
        if (message.depth() == Integer.MAX_VALUE) {
            stack.pushSmall(0);
            return true;
        }
        Message nested = Message.builder()
                .kind(CallKind.CALL)
                .depth(message.depth() + 1)
                .gas(gas)
                .recipient(recipient)
                .sender(message.recipient())
                .value(value)
                .input(memory.copyOut((int) inputOffset, (int) inputSize))
                .codeAddress(recipient)
                .build();
        try (Result result = host.call(nested)) {
            stack.pushSmall(result.status() == StatusCode.SUCCESS ? 1 : 0);
            Bytes output = result.output();
            long count = Math.min(outputSize, output.size());
            // Like the reference's store: touches [offset, offset + count) and copies only if that fits.
            if (memory.expand(outputOffset, count)) {
                memory.copyIn(output, (int) outputOffset, (int) count);
            }
        }
        return true;
    }
}
