package org.dvmc.vm.translog;

import java.util.OptionalInt;
import java.util.Set;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.Vm;

/**
 * The trans_log VM: the demonstration VM, executing the instructions of the reference example VM
 * (STOP, ADD, ADDRESS, CALLDATALOAD, NUMBER, MSTORE, SLOAD, SSTORE, MSIZE, PUSH1..PUSH32, DUP1, CALL,
 * RETURN, REVERT) at 1 gas each, with 1024 bytes of memory and a stack of 1024 words. See the module's
 * README for the exact rules.
 *
 * <p><b>Options.</b> {@code verbose}: an integer from -1 to 9 (decimal, {@code 0x} hex or
 * {@code 0}-prefixed octal); above 0, every execution first writes {@code execution started} and a
 * newline to {@link System#err}.
 *
 * <p><b>Threading.</b> {@link #retrieveDescVx} may run concurrently on one instance: each execution
 * keeps its stack and memory to itself. Options are meant to be set before executions start; a change
 * is seen by executions that start after it. No exception leaves {@link #retrieveDescVx}: anything the
 * host throws becomes an {@code internal error} result carrying the cause.
 */
public final class TransLogVm implements Vm {

    /** The VM's name, equal to its codename. */
    public static final String NAME = TransLogVmFactory.CODENAME;

    private static final Set<Capability> CAPABILITIES = Set.of(Capability.DVM1);
    private static final String EXECUTION_STARTED = "execution started\n";

    private final String version;
    private volatile int verbose;

    /**
     * A new VM with {@code verbose} 0.
     *
     * @throws IllegalStateException if the jar lacks its build information (a broken build)
     */
    public TransLogVm() {
        this.version = BuildInfo.version();
    }

    @Override
    public int abiVersion() {
        return Dvmc.ABI_VERSION;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The Maven project version the VM was built as, e.g. {@code "1.0.0"}. */
    @Override
    public String version() {
        return version;
    }

    /** {@link Capability#DVM1} only. */
    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** {@return the current verbosity level, -1 to 9; 0 unless set} */
    public int verbose() {
        return verbose;
    }

    /**
     * Sets {@code verbose} (see the class comment). A rejected value leaves the level unchanged.
     *
     * @return SUCCESS; INVALID_VALUE for a missing, malformed or out-of-range value; INVALID_NAME for
     *         any other name (null included)
     */
    @Override
    public SetOptionResult setOption(String name, String value) {
        if (!VerboseOption.NAME.equals(name)) {
            return SetOptionResult.INVALID_NAME;
        }
        OptionalInt level = VerboseOption.parse(value);
        if (level.isEmpty()) {
            return SetOptionResult.INVALID_VALUE;
        }
        verbose = level.getAsInt();
        return SetOptionResult.SUCCESS;
    }

    /**
     * Executes {@code code}; see the module README for the instruction set, gas and memory rules.
     *
     * @return the result, never null and never thrown: a host that throws, returns null or hands back
     *         a result whose release fails yields {@link org.dvmc.spi.StatusCode#INTERNAL_ERROR}
     *         with the cause attached
     */
    @Override
    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
        try {
            if (verbose > 0) {
                System.err.print(EXECUTION_STARTED);
            }
            return Interpreter.execute(host, revision, message, code);
        } catch (Throwable cause) { // the contract: nothing leaves this method; the host reports the cause
            return Result.internalError(cause);
        }
    }

    @Override
    public String toString() {
        return NAME + " " + version;
    }
}
