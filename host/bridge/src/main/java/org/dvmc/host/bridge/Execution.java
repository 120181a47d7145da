package org.dvmc.host.bridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.dvmc.spi.Host;
import org.dvmc.spi.TxContext;

/**
 * One native execution in progress: the Java {@link Host} it runs against, the native memory it owns, and the
 * first failure of an upcall. Native code knows it only by its id, which the bridge passes as the
 * {@code dvmc_host_context*}: every upcall finds its own execution by that id, so concurrent executions on
 * one VM instance and nested executions (native → Java host → native) each reach their own host.
 *
 * <p><b>Memory.</b> An execution allocates (message, code, input, the result, the callbacks' return values,
 * tx-context arrays) from its thread's scratch buffer, a bump allocator: a nested execution on the same thread
 * allocates above its caller and gives its part back when it ends, so no allocation outlives its execution
 * and nothing is malloc'ed per execution. What does not fit goes to a confined arena made for the execution.
 *
 * <p>An execution is used by the thread that runs it (and the VM's upcalls on that thread); an upcall from
 * another thread that needs memory of the execution (the first get_tx_context or call) fails and ends the
 * execution as internal error, and other upcalls from another thread are not synchronized with it.
 */
final class Execution implements SegmentAllocator, AutoCloseable {

    /**
     * The executions in progress, by slot. A host context is {@code generation << 32 | slot + 1}: the slot makes
     * a callback's lookup one array read, the slot's generation tells a stale context from the slot's next user.
     * A new execution takes a free slot from its thread's home (threads' homes are a cache line apart, so
     * threads do not share lines or counters) with a compare-and-set, no lock; when the {@value #PROBES} slots
     * from home are taken (deep nesting), it goes to a map instead (slot part 0).
     */
    static final int SLOTS = 4096;
    private static final int SLOTS_PER_CACHE_LINE = 16;
    private static final AtomicReferenceArray<Execution> TABLE = new AtomicReferenceArray<>(SLOTS);
    /** Per slot, how often it was taken; written only by the slot's owner. */
    private static final int[] GENERATIONS = new int[SLOTS];
    private static final ConcurrentHashMap<Long, Execution> OVERFLOW = new ConcurrentHashMap<>();
    private static final AtomicLong OVERFLOW_SERIAL = new AtomicLong(1);
    private static final AtomicInteger HOMES = new AtomicInteger();
    private static final int PROBES = 32;

    /** Bytes of scratch memory per thread: enough for the common execution many times over. */
    static final long SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A thread's bump-allocated native buffer, freed with the thread (automatic arena). */
    private static final class Scratch {
        final MemorySegment memory = Arena.ofAuto().allocate(SCRATCH_BYTES, 16);
        /** Where this thread's executions look for a free slot first. */
        final int home = HOMES.getAndIncrement() * SLOTS_PER_CACHE_LINE & (SLOTS - 1);
        long top;
        byte[] output = new byte[256];
        /** How many executions are running on this thread, nested in one another. */
        int running;
    }

    /** The host context native code gets for this execution; never dereferenced. Set before it is published. */
    long id;
    private int slot;
    final Host host;
    private final Thread owner = Thread.currentThread();
    private final Scratch scratch;
    private final long start;
    private Arena overflow;
    /** Where a callback's 32-byte return value is built; the upcall stub copies it out at once. */
    final MemorySegment word;
    /** The context {@link #txContext} holds now, written by an earlier get_tx_context; null when none. */
    TxContext writtenTxContext;
    /** Where get_tx_context's return value is built; made on first use. */
    private MemorySegment txContext;
    /** Where call's return value is built; made on first use. */
    private MemorySegment callResult;
    /** The first Throwable an upcall caught; the execution then ends as internal error with it. */
    private Throwable failure;

    private Execution(Host host) {
        this.host = host;
        this.scratch = SCRATCH.get();
        this.start = scratch.top;
        // Made at once, so that the callbacks returning a word also work from a thread the VM started.
        this.word = allocate(Abi.BYTES32);
        scratch.running++;
    }

    /** Starts an execution against {@code host}; close it when the native call returned. */
    static Execution start(Host host) {
        Execution execution = new Execution(host);
        int home = execution.scratch.home;
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & (SLOTS - 1);
            if (TABLE.get(slot) == null && TABLE.compareAndSet(slot, null, execution)) {
                // The slot is ours until close(): its generation and our id need no further synchronization (the
                // context reaches native code, and so any callback, only after this method returned).
                int generation = ++GENERATIONS[slot] & 0x7fff_ffff;
                execution.slot = slot;
                execution.id = (long) generation << 32 | (slot + 1L);
                return execution;
            }
        }
        execution.slot = -1;
        execution.id = (OVERFLOW_SERIAL.getAndIncrement() & 0x7fff_ffffL) << 32;
        OVERFLOW.put(execution.id, execution);
        return execution;
    }

    /** The execution a host context pointer stands for; null when none (a VM calling after it returned). */
    static Execution of(long context) {
        long id = context;
        int slot = (int) id - 1;
        if (slot < 0) {
            return OVERFLOW.get(id);
        }
        if (slot >= SLOTS) {
            return null;
        }
        Execution execution = TABLE.get(slot);
        return execution != null && execution.id == id ? execution : null;
    }

    /** The host context pointer native code gets: the id, never dereferenced. */
    MemorySegment context() {
        return MemorySegment.ofAddress(id);
    }

    /**
     * Memory that lives until this execution ends, not zeroed. From the thread's scratch buffer when it fits,
     * else from the execution's own arena.
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (Thread.currentThread() != owner) {
            // Neither this thread's scratch memory nor a confined arena of the execution may be used from here.
            throw new IllegalStateException("a host callback from thread " + Thread.currentThread().getName()
                    + " needs memory of an execution running on thread " + owner.getName()
                    + "; the bridge serves such callbacks on the executing thread only");
        }
        long aligned = (scratch.top + byteAlignment - 1) & -byteAlignment;
        if (aligned + byteSize <= SCRATCH_BYTES) {
            scratch.top = aligned + byteSize;
            return scratch.memory.asSlice(aligned, byteSize);
        }
        if (overflow == null) {
            overflow = Arena.ofConfined();
        }
        return overflow.allocate(byteSize, byteAlignment);
    }

    /** How many executions run on this thread, this one and those it is nested in, 1 or more. */
    int nestedOnThread() {
        return scratch.running;
    }

    /** Where get_tx_context's return value is built. */
    MemorySegment txContext() {
        if (txContext == null) {
            txContext = allocate(Abi.TX_CONTEXT);
        }
        return txContext;
    }

    /** Where call's return value is built. */
    MemorySegment callResult() {
        if (callResult == null) {
            callResult = allocate(Abi.RESULT);
        }
        return callResult;
    }

    /** A byte array of at least {@code size} bytes, this thread's, for copying a native output once. */
    byte[] outputBuffer(int size) {
        if (scratch.output.length < size) {
            scratch.output = new byte[Math.max(size, scratch.output.length * 2)];
        }
        return scratch.output;
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
        int count = OVERFLOW.size();
        for (int slot = 0; slot < SLOTS; slot++) {
            count += TABLE.get(slot) == null ? 0 : 1;
        }
        return count;
    }

    /** Ends the execution: unregisters it and gives its memory back. */
    @Override
    public void close() {
        if (slot >= 0) {
            TABLE.set(slot, null);
        } else {
            OVERFLOW.remove(id);
        }
        scratch.top = start;
        scratch.running--;
        if (overflow != null) {
            overflow.close();
        }
    }
}
