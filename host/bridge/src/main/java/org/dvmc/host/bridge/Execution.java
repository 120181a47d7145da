package org.dvmc.host.bridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dvmc.spi.Host;

/**
 * One native execution in progress: the Java {@link Host} it runs against, the memory it owns, and the first
 * failure of an upcall. Native code knows it only by its id, which the bridge passes as the
 * {@code dvmc_host_context*}: every upcall finds its own execution by that id, so concurrent executions on
 * one VM instance and nested executions (native → Java host → native) each reach their own host.
 *
 * <p>An execution is used by the thread that runs it (and the VM's upcalls on that thread).
 */
final class Execution implements AutoCloseable {

    private static final ConcurrentHashMap<Long, Execution> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    final long id;
    final Host host;
    /** This execution's memory: message, code, input, tx-context arrays; freed when it ends. */
    final Arena arena;
    /** Where a callback's 32-byte return value is built; the upcall stub copies it out at once. */
    final MemorySegment word;
    /** Where get_tx_context's return value is built. */
    final MemorySegment txContext;
    /** Where call's return value is built. */
    final MemorySegment callResult;
    /** The first Throwable an upcall caught; the execution then ends as internal error with it. */
    private Throwable failure;

    private Execution(Host host) {
        this.id = NEXT_ID.getAndIncrement();
        this.host = host;
        this.arena = Arena.ofConfined();
        this.word = arena.allocate(Abi.BYTES32);
        this.txContext = arena.allocate(Abi.TX_CONTEXT);
        this.callResult = arena.allocate(Abi.RESULT);
    }

    /** Starts an execution against {@code host}; close it when the native call returned. */
    static Execution start(Host host) {
        Execution execution = new Execution(host);
        RUNNING.put(execution.id, execution);
        return execution;
    }

    /** The execution a host context pointer stands for; null when none (a VM calling after it returned). */
    static Execution of(MemorySegment context) {
        return RUNNING.get(context.address());
    }

    /** The host context pointer native code gets: the id, never dereferenced. */
    MemorySegment context() {
        return MemorySegment.ofAddress(id);
    }

    /** Records an upcall's failure; the first one wins, later ones are suppressed into it. */
    void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        } else if (failure != t) {
            failure.addSuppressed(t);
        }
    }

    Throwable failure() {
        return failure;
    }

    /** The number of executions in progress, in all VMs. */
    static int running() {
        return RUNNING.size();
    }

    @Override
    public void close() {
        RUNNING.remove(id);
        arena.close();
    }
}
