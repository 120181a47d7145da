package org.dvmc.host.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.MessageFlag;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;

/**
 * A native {@code dvmc_vm*} as a Java {@link Vm}.
 *
 * <p>{@code abi_version}, {@code name} and {@code version} are read once, when the instance is wrapped;
 * {@link #capabilities()} calls {@code get_capabilities} each time (an option may change them);
 * {@link #setOption} calls {@code set_option} ({@code INVALID_NAME} when the VM has none, as the reference
 * helper does; a null value is passed as NULL); {@link #close()} calls {@code destroy} exactly once and then closes the library.
 *
 * <p>{@link #retrieveDescVx} copies the message and code into native memory owned by the execution, calls
 * {@code retrieve_desc_vx} with the bridge's host interface and a host context standing for this execution
 * (so each execution's callbacks reach its own {@link Host}), copies the native result into a Java
 * {@link Result} and calls the native result's {@code release} exactly once. If a host callback threw, the
 * result is {@code internal error} carrying what it threw.
 *
 * <p><b>Threading.</b> Executions may run concurrently from any threads, as the VM contract allows (the
 * native VM must be thread-safe, as the C ABI requires). {@link #close()} must come after the last
 * execution: a native instance cannot be destroyed under a running execution.
 *
 * <p><b>Crashes.</b> A native VM that crashes (segmentation fault, abort) ends the whole process: the bridge
 * contains Java exceptions, not native faults.
 */
final class NativeVm implements Vm {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle EXECUTE = LINKER.downcallHandle(Abi.EXECUTE_FN);
    private static final MethodHandle DESTROY = LINKER.downcallHandle(Abi.DESTROY_FN);
    private static final MethodHandle GET_CAPABILITIES = LINKER.downcallHandle(Abi.GET_CAPABILITIES_FN);
    private static final MethodHandle SET_OPTION = LINKER.downcallHandle(Abi.SET_OPTION_FN);
    private static final MethodHandle RELEASE = LINKER.downcallHandle(Abi.RELEASE_FN);

    private final MemorySegment instance;
    private final DynamicLibrary library;
    private final int abiVersion;
    private final String name;
    private final String version;
    private final MemorySegment execute;
    private final MemorySegment getCapabilities;
    private final MemorySegment setOption;
    private final MemorySegment destroy;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Wraps {@code instance}; its ABI version has been checked.
     *
     * @param instance the {@code dvmc_vm*}, reinterpreted to the size of {@code struct dvmc_vm}
     * @param library  the library it came from; closed after {@code destroy}
     */
    NativeVm(MemorySegment instance, DynamicLibrary library) {
        this.instance = instance;
        this.library = library;
        this.abiVersion = instance.get(JAVA_INT, Abi.VM_ABI_VERSION);
        this.name = Memory.cString(instance.get(ADDRESS, Abi.VM_NAME));
        this.version = Memory.cString(instance.get(ADDRESS, Abi.VM_VERSION));
        this.destroy = instance.get(ADDRESS, Abi.VM_DESTROY);
        this.execute = instance.get(ADDRESS, Abi.VM_EXECUTE);
        this.getCapabilities = instance.get(ADDRESS, Abi.VM_GET_CAPABILITIES);
        this.setOption = instance.get(ADDRESS, Abi.VM_SET_OPTION);
    }

    @Override
    public int abiVersion() {
        return abiVersion;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<Capability> capabilities() {
        ensureOpen();
        if (getCapabilities.equals(MemorySegment.NULL)) {
            return Set.of();
        }
        try {
            return Capability.fromMask((int) GET_CAPABILITIES.invokeExact(getCapabilities, instance));
        } catch (Throwable t) {
            throw new IllegalStateException("get_capabilities of native VM " + name + " failed: " + t, t);
        }
    }

    @Override
    public SetOptionResult setOption(String optionName, String value) {
        ensureOpen();
        // No set_option (the reference default), or no name to look up: no such option.
        if (setOption.equals(MemorySegment.NULL) || optionName == null) {
            return SetOptionResult.INVALID_NAME;
        }
        // A C string ends at its first NUL: the VM would see a shorter name or value than the one given.
        if (optionName.indexOf('\0') >= 0) {
            return SetOptionResult.INVALID_NAME;
        }
        if (value != null && value.indexOf('\0') >= 0) {
            return SetOptionResult.INVALID_VALUE;
        }
        try (Arena arena = Arena.ofConfined()) {
            // A null value is passed as NULL, which the C ABI allows.
            MemorySegment nativeValue = value == null ? MemorySegment.NULL : arena.allocateFrom(value);
            int code = (int) SET_OPTION.invokeExact(setOption, instance, arena.allocateFrom(optionName), nativeValue);
            // A number outside the enum is no success and no known name problem: the value was not taken.
            return SetOptionResult.fromCode(code).orElse(SetOptionResult.INVALID_VALUE);
        } catch (Throwable t) {
            throw new IllegalStateException("set_option of native VM " + name + " failed: " + t, t);
        }
    }

    @Override
    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        ensureOpen();
        try (Execution execution = Execution.start(host)) {
            if (execution.nestedOnThread() > MAX_NESTED_EXECUTIONS) {
                return Result.internalError(new IllegalStateException("native executions are nested "
                        + MAX_NESTED_EXECUTIONS + " deep on thread " + Thread.currentThread().getName()
                        + ", the most the bridge allows (" + NESTING_PROPERTY + "=" + MAX_NESTED_EXECUTIONS
                        + "); deeper, the thread's stack could overflow inside a native upcall, which aborts the JVM."
                        + " For deeper nesting, raise both the property and the thread's stack size (-Xss, about"
                        + " 8 KiB per level)"));
            }
            MemorySegment nativeMessage = writeMessage(message, execution);
            MemorySegment nativeCode = HostUpcalls.copyIn(code, execution);
            MemorySegment result;
            try {
                result = (MemorySegment) EXECUTE.invokeExact(execute, (SegmentAllocator) execution, instance,
                        HostUpcalls.INTERFACE, execution.context(), revision.code(), nativeMessage, nativeCode,
                        (long) code.size());
            } catch (Throwable t) {
                return Result.internalError(t);
            }
            return copyAndRelease(result, execution);
        }
    }

    /** The system property that sets {@link #MAX_NESTED_EXECUTIONS}. */
    static final String NESTING_PROPERTY = "dvmc.bridge.maxNestedExecutions";

    /**
     * The most native executions nested on one thread (a native VM's call reaching a host that runs a native VM
     * again, and so on): 100 by default. Each level costs Java and native stack; a thread's stack overflowing
     * inside an upcall cannot be contained (the JVM aborts), so the bridge answers internal error beyond this
     * instead. With the JVM's default 1 MiB thread stacks, about 200 levels of the native trans_log fit.
     */
    static final int MAX_NESTED_EXECUTIONS = Integer.getInteger(NESTING_PROPERTY, 100);


    /** The Java copy of a native result; its {@code release} runs exactly once, whatever happens. */
    private Result copyAndRelease(MemorySegment result, Execution execution) {
        try {
            if (execution.failure() != null) {
                return Result.internalError(execution.failure());
            }
            int statusCode = result.get(JAVA_INT, Abi.RESULT_STATUS);
            StatusCode status = StatusCode.fromCode(statusCode).orElse(null);
            if (status == null) {
                return Result.internalError(new IllegalStateException("native VM " + name
                        + " returned the unknown status code " + statusCode));
            }
            long gasLeft = result.get(JAVA_LONG, Abi.RESULT_GAS_LEFT);
            if (gasLeft < 0) {
                return Result.internalError(new IllegalStateException("native VM " + name
                        + " returned a negative gas left " + gasLeft + " with status " + status));
            }
            Bytes output = copyOutput(result, execution);
            Result copy = Result.of(status, gasLeft, result.get(JAVA_LONG, Abi.RESULT_GAS_REFUND), output);
            Address created = Memory.readAddress(result, Abi.RESULT_CREATE_ADDRESS);
            return created.isZero() ? copy : copy.withCreateAddress(created);
        } catch (RuntimeException e) {
            return Result.internalError(e);
        } finally {
            release(result);
        }
    }

    /** The result's output, copied once (through the thread's buffer into the Java result's own array). */
    private Bytes copyOutput(MemorySegment result, Execution execution) {
        MemorySegment data = result.get(ADDRESS, Abi.RESULT_OUTPUT_DATA);
        long size = result.get(JAVA_LONG, Abi.RESULT_OUTPUT_SIZE);
        if (size == 0) {
            return Bytes.EMPTY;
        }
        if (size < 0 || size > Integer.MAX_VALUE - 8 || data.equals(MemorySegment.NULL)) {
            // Memory.copyBytes names what is wrong.
            return Memory.copyBytes(data, size, "native VM " + name + "'s output");
        }
        byte[] buffer = execution.outputBuffer((int) size);
        MemorySegment.copy(Memory.EVERYTHING, JAVA_BYTE, data.address(), buffer, 0, (int) size);
        return Bytes.copyOf(buffer, 0, (int) size);
    }

    private static void release(MemorySegment result) {
        MemorySegment release = result.get(ADDRESS, Abi.RESULT_RELEASE);
        if (!release.equals(MemorySegment.NULL)) {
            try {
                RELEASE.invokeExact(release, result);
            } catch (Throwable t) {
                throw new IllegalStateException("a native result's release failed: " + t, t);
            }
        }
    }

    private static MemorySegment writeMessage(Message message, Execution arena) {
        MemorySegment target = arena.allocate(Abi.MESSAGE);
        target.set(JAVA_INT, Abi.MESSAGE_KIND, message.kind().code());
        target.set(JAVA_INT, Abi.MESSAGE_FLAGS, MessageFlag.toMask(message.flags()));
        target.set(JAVA_INT, Abi.MESSAGE_DEPTH, message.depth());
        target.set(JAVA_LONG, Abi.MESSAGE_GAS, message.gas());
        Memory.writeAddress(target, Abi.MESSAGE_RECIPIENT, message.recipient());
        Memory.writeAddress(target, Abi.MESSAGE_SENDER, message.sender());
        target.set(ADDRESS, Abi.MESSAGE_INPUT_DATA, HostUpcalls.copyIn(message.input(), arena));
        target.set(JAVA_LONG, Abi.MESSAGE_INPUT_SIZE, message.input().size());
        Memory.writeBytes32(target, Abi.MESSAGE_VALUE, message.value());
        Memory.writeBytes32(target, Abi.MESSAGE_CREATE2_SALT, message.create2Salt());
        Memory.writeAddress(target, Abi.MESSAGE_CODE_ADDRESS, message.codeAddress());
        target.set(ADDRESS, Abi.MESSAGE_CODE, HostUpcalls.copyIn(message.code(), arena));
        target.set(JAVA_LONG, Abi.MESSAGE_CODE_SIZE, message.code().size());
        return target;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("native VM " + name + " from " + library.path() + " is closed");
        }
    }

    /** Calls {@code destroy} exactly once, then closes the library; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            destroyInstance(instance, destroy);
        } finally {
            library.close();
        }
    }

    /** Calls {@code destroy} of {@code instance}, if the VM has one. */
    static void destroyInstance(MemorySegment instance, MemorySegment destroy) {
        if (destroy.equals(MemorySegment.NULL)) {
            return;
        }
        try {
            DESTROY.invokeExact(destroy, instance);
        } catch (Throwable t) {
            throw new IllegalStateException("destroy of a native VM failed: " + t, t);
        }
    }

    @Override
    public String toString() {
        return "NativeVm[" + name + " " + version + ", " + library.path() + (closed.get() ? ", closed" : "") + "]";
    }
}
