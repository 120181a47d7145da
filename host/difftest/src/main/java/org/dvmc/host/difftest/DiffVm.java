package org.dvmc.host.difftest;

import java.util.Objects;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;

/**
 * One VM taking part in a comparison: a label for reports (e.g. its {@code --vm} configuration) and a guarded
 * way to execute code on it. Immutable; thread-safe when the VM is (the contract requires it).
 *
 * @param label    names the VM in reports; need not be unique (the engine also numbers the VMs)
 * @param executor runs code on the VM; never throws, never returns null
 */
public record DiffVm(String label, Executor executor) {

    /** Executes code on a VM without throwing (see {@link LoadedVm#execute}). */
    @FunctionalInterface
    public interface Executor {
        /**
         * Executes {@code code} for {@code message} under {@code revision} against {@code host}.
         *
         * @param host     the host the VM calls back; a fresh {@link RecordingHost} per run in the engine
         * @param revision the revision whose rules apply
         * @param message  the message to execute (kind, recipient, gas, input, …)
         * @param code     the code to execute, possibly empty
         * @return the result, which the caller closes; never null
         */
        Result execute(Host host, Revision revision, Message message, Bytes code);
    }

    /**
     * Checks the fields.
     *
     * @param label    names the VM in reports; non-null
     * @param executor runs code on the VM; non-null, and it should never throw nor return null
     * @throws NullPointerException if a field is null
     */
    public DiffVm {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(executor, "executor");
    }

    /**
     * A VM the loader created, labelled with its configuration; executions go through its guard.
     *
     * @param loaded the VM; non-null, and open for as long as the returned VM is used (the caller closes it)
     * @return the VM, labelled e.g. {@code trans_log,verbose=1}
     */
    public static DiffVm of(LoadedVm loaded) {
        return new DiffVm(loaded.config().toString(), loaded::execute);
    }

    /**
     * A VM instance used directly, with the loader's guard: whatever it throws (any {@link Throwable}), and a
     * null result, become an {@code internal error} result. Unlike {@link #of(LoadedVm)}, the result's
     * contract (e.g. no more gas left than given) is not checked.
     *
     * @param label names the VM in reports; non-null
     * @param vm    the VM instance; non-null; the caller closes it
     * @return the VM with its guard
     * @throws NullPointerException if {@code label} or {@code vm} is null
     */
    public static DiffVm of(String label, Vm vm) {
        Objects.requireNonNull(vm, "vm");
        return new DiffVm(label, (host, revision, message, code) -> {
            try {
                Result result = vm.retrieveDescVx(host, revision, message, code);
                return result != null ? result
                        : Result.internalError(new IllegalStateException(label + " returned no result (null)"));
            } catch (Throwable t) {
                return Result.internalError(t);
            }
        });
    }
}
