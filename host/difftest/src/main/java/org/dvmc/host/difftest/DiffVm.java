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
         * @return the result, which the caller closes; never null
         */
        Result execute(Host host, Revision revision, Message message, Bytes code);
    }

    /** @throws NullPointerException if a field is null */
    public DiffVm {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(executor, "executor");
    }

    /** A VM the loader created, labelled with its configuration; executions go through its guard. */
    public static DiffVm of(LoadedVm loaded) {
        return new DiffVm(loaded.config().toString(), loaded::execute);
    }

    /**
     * A VM instance used directly, with the loader's guard: whatever it throws (any {@link Throwable}), and a
     * null result, become an {@code internal error} result.
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
