package org.dvmc.host.loader;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A VM created and configured by {@link VmLoader#load}, ready to execute code.
 *
 * <p>{@link #execute} guards the host against the VM: whatever the VM throws, a null result, and a result
 * that breaks the contract ({@link ResultContract}: e.g. more gas left than given) come back as an
 * {@link org.dvmc.spi.StatusCode#INTERNAL_ERROR} result carrying the cause ({@link Result#cause()}); a
 * release hook the VM attached runs guarded when the result is closed. {@link #name()}, {@link #version()}
 * and {@link #capabilities()} ask the VM with the same guard. Close the handle when done: that closes the VM once, and for a VM loaded by
 * jar path also releases the jar.
 *
 * <p><b>Threading.</b> {@link #execute} may be called from many threads at once, as the VM contract
 * allows; {@link #close()} is safe from any thread and idempotent. Executions still running when the
 * handle is closed race with the VM's {@code close()}: close after the last execution.
 */
public final class LoadedVm implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadedVm.class);

    private final Vm vm;
    private final VmEntry entry;
    private final VmConfig config;
    private final Runnable afterClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    LoadedVm(Vm vm, VmEntry entry, VmConfig config, Runnable afterClose) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.config = Objects.requireNonNull(config, "config");
        this.afterClose = Objects.requireNonNull(afterClose, "afterClose");
    }

    /**
     * The VM instance itself, for checks that need it raw (conformance suites). Calling it directly
     * bypasses the guard of {@link #execute}; do not close it directly, close this handle instead.
     *
     * @return the VM, never null; still returned (but closed) after this handle is closed
     */
    public Vm vm() {
        return vm;
    }

    /**
     * The registry entry the VM was created from.
     *
     * @return the entry (codename, factory and source), never null
     */
    public VmEntry entry() {
        return entry;
    }

    /**
     * The configuration the VM was loaded with.
     *
     * @return the configuration, with its options in the order they were applied; never null
     */
    public VmConfig config() {
        return config;
    }

    /**
     * Whether this handle is closed.
     *
     * @return true once {@link #close()} was called, or the loader that made this handle was closed;
     *         a closed handle stays closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Executes {@code code} on the VM; never throws.
     *
     * @param host the host the VM calls back for state (storage, balances, logs, calls); must not be null
     * @param rev  the revision whose rules apply; must not be null
     * @param msg  the message to execute (sender, recipient, value, input, gas); must not be null
     * @param code the code to execute, possibly empty; must not be null
     * @return the VM's result (the caller owns it and closes it); or an internal-error result whose
     *         {@link Result#cause()} says why, when the VM threw, returned null, an argument was null, or
     *         this handle is closed
     */
    public Result execute(Host host, Revision rev, Message msg, Bytes code) {
        if (closed.get()) {
            return Result.internalError(new IllegalStateException(entry.describe() + " was closed; load it again"));
        }
        if (host == null || rev == null || msg == null || code == null) {
            return Result.internalError(new NullPointerException("execute on " + entry.describe() + " needs a non-null "
                    + (host == null ? "host" : rev == null ? "revision" : msg == null ? "message" : "code")));
        }
        Result result;
        try {
            result = vm.retrieveDescVx(host, rev, msg, code);
        } catch (Throwable t) {
            return Result.internalError(t);
        }
        if (result == null) {
            return Result.internalError(new IllegalStateException(entry.describe()
                    + " returned no result (null) from retrieveDescVx, which breaks the VM contract"));
        }
        Optional<String> violation = ResultContract.violation(msg, result);
        if (violation.isPresent()) {
            releaseQuietly(result);
            return Result.internalError(new IllegalStateException(entry.describe() + " broke the result contract: "
                    + violation.get()));
        }
        // The VM's release hook is plugin code too: whoever closes the result must not see it throw.
        return result.hasPendingRelease() ? guardRelease(result) : result;
    }

    private Result guardRelease(Result result) {
        // withCreateAddress moves the VM's hook to a private copy (same values); the result handed out
        // releases that copy inside the guard.
        Result holdingHook = result.withCreateAddress(result.createAddress());
        return result.withRelease(() -> releaseQuietly(holdingHook));
    }

    private void releaseQuietly(Result result) {
        try {
            result.close();
        } catch (Throwable t) {
            log.warn("{} failed to release a result: {}", entry.describe(), t.toString(), t);
        }
    }

    /**
     * The VM's {@link Vm#name()}, guarded.
     *
     * @return the name the VM gives
     * @throws LoaderException {@link LoaderErrorCode#VM_CREATION_FAILURE} when it throws or returns null
     */
    public String name() throws LoaderException {
        return ask("name()", vm::name);
    }

    /**
     * The VM's {@link Vm#version()}, guarded.
     *
     * @return the version the VM gives
     * @throws LoaderException {@link LoaderErrorCode#VM_CREATION_FAILURE} when it throws or returns null
     */
    public String version() throws LoaderException {
        return ask("version()", vm::version);
    }

    /**
     * A copy of the VM's {@link Vm#capabilities()}, guarded.
     *
     * @return the capabilities the VM gives
     * @throws LoaderException {@link LoaderErrorCode#VM_CREATION_FAILURE} when it throws or returns null
     */
    public Set<Capability> capabilities() throws LoaderException {
        return ask("capabilities()", () -> {
            Set<Capability> capabilities = vm.capabilities();
            if (capabilities == null) {
                return null;
            }
            EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
            for (Capability capability : capabilities) {
                copy.add(Objects.requireNonNull(capability, "a null capability"));
            }
            return Set.copyOf(copy);
        });
    }

    private <T> T ask(String method, Supplier<T> call) throws LoaderException {
        T answer;
        try {
            answer = call.get();
        } catch (Throwable t) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, entry.describe() + " failed in " + method
                    + ": " + Escaping.escape(String.valueOf(t)), t);
        }
        if (answer == null) {
            throw new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE, entry.describe() + " returned null from "
                    + method + ", which breaks the VM contract");
        }
        return answer;
    }

    /** Closes the VM, once, then releases what the handle holds; idempotent; never throws. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            vm.close();
        } catch (Throwable t) {
            log.warn("{} failed to close: {}", entry.describe(), t.toString(), t);
        } finally {
            afterClose.run();
        }
    }

    @Override
    public String toString() {
        return "LoadedVm[" + entry.describe() + ", config " + config + (closed.get() ? ", closed" : "") + "]";
    }
}
