package com.example.echovm;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;

/**
 * echo_vm: a small DVM that echoes its input. Its instructions use the DVM encoding:
 *
 * <table>
 * <caption>Instructions</caption>
 * <tr><th>opcode</th><th>name</th><th>gas</th><th>effect</th></tr>
 * <tr><td>00</td><td>STOP</td><td>0</td><td>ends with success; the output is the message's input</td></tr>
 * <tr><td>01</td><td>ADD</td><td>3</td><td>pops a and b, pushes (a + b) mod 2^256</td></tr>
 * <tr><td>50</td><td>POP</td><td>2</td><td>pops a word</td></tr>
 * <tr><td>60..7f</td><td>PUSH1..PUSH32</td><td>3</td><td>pushes the 1..32 bytes that follow (missing bytes read as 0)</td></tr>
 * <tr><td>f3</td><td>RETURN</td><td>3</td><td>pops a word and ends with success; the output is that word, 32 bytes</td></tr>
 * <tr><td>fd</td><td>REVERT</td><td>3</td><td>ends with revert; the output is the message's input</td></tr>
 * </table>
 *
 * <p>Running off the end of the code is STOP. Any other byte is an undefined instruction. The stack
 * holds at most 1024 words. Every failure leaves no gas and no output, as the contract requires.
 *
 * <p>Thread-safe: the host may execute on one instance from many threads at once, so everything an
 * execution needs lives in an {@link Execution} made for it; the instance itself holds nothing.
 */
public final class EchoVm implements Vm {

    @Override
    public int abiVersion() {
        // A compile-time constant: this class keeps the number of the spi it was compiled against.
        return Dvmc.ABI_VERSION;
    }

    @Override
    public String name() {
        return EchoVmFactory.CODENAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DVM1);
    }

    @Override
    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
        try {
            return new Execution(message, code).run();
        } catch (RuntimeException e) {
            // A bug of ours must not reach the host as an exception.
            return Result.internalError(e);
        }
    }

    @Override
    public void close() {
        // Nothing to free: the instance holds no resources.
    }

    /** Ends an execution with a failure status; carries no stack trace, as it is not an error of the VM. */
    private static final class Halt extends Exception {
        private static final long serialVersionUID = 1L;
        private final StatusCode status;

        Halt(StatusCode status) {
            super(status.description(), null, false, false);
            this.status = status;
        }
    }

    /** The state of one execution: program counter, stack and gas. Used by one thread only. */
    private static final class Execution {
        private static final int STOP = 0x00;
        private static final int ADD = 0x01;
        private static final int POP = 0x50;
        private static final int PUSH1 = 0x60;
        private static final int PUSH32 = 0x7f;
        private static final int RETURN = 0xf3;
        private static final int REVERT = 0xfd;
        private static final int STACK_LIMIT = 1024;
        private static final BigInteger WORD_MASK = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

        private final Message message;
        private final Bytes code;
        private final Deque<BigInteger> stack = new ArrayDeque<>();
        private long gas;

        Execution(Message message, Bytes code) {
            this.message = message;
            this.code = code;
            this.gas = message.gas();
        }

        Result run() {
            try {
                return execute();
            } catch (Halt halt) {
                return Result.failure(halt.status);
            }
        }

        private Result execute() throws Halt {
            int pc = 0;
            while (pc < code.size()) {
                int opcode = code.getUnsigned(pc++);
                if (opcode >= PUSH1 && opcode <= PUSH32) {
                    charge(3);
                    int size = opcode - PUSH1 + 1;
                    push(immediate(pc, size));
                    pc += size;
                    continue;
                }
                switch (opcode) {
                    case STOP:
                        return Result.success(gas, message.input());
                    case ADD:
                        charge(3);
                        push(pop().add(pop()).and(WORD_MASK));
                        break;
                    case POP:
                        charge(2);
                        pop();
                        break;
                    case RETURN:
                        charge(3);
                        return Result.success(gas, Bytes.of(Bytes32.fromBigInteger(pop()).toBytes()));
                    case REVERT:
                        charge(3);
                        return Result.revert(gas, message.input());
                    default:
                        throw new Halt(StatusCode.UNDEFINED_INSTRUCTION);
                }
            }
            return Result.success(gas, message.input());
        }

        private BigInteger immediate(int from, int size) {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size && from + i < code.size(); i++) {
                bytes[i] = code.get(from + i);
            }
            return new BigInteger(1, bytes);
        }

        private void charge(long cost) throws Halt {
            if (gas < cost) {
                throw new Halt(StatusCode.OUT_OF_GAS);
            }
            gas -= cost;
        }

        private void push(BigInteger word) throws Halt {
            if (stack.size() == STACK_LIMIT) {
                throw new Halt(StatusCode.STACK_OVERFLOW);
            }
            stack.push(word);
        }

        private BigInteger pop() throws Halt {
            if (stack.isEmpty()) {
                throw new Halt(StatusCode.STACK_UNDERFLOW);
            }
            return stack.pop();
        }
    }
}
