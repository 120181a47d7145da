package org.dvmc.host.testkit;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dvmc.spi.Vm;

/**
 * Where the suite gets its VM instances: a label for reports and a supplier that makes a fresh,
 * configured instance on every call. Thread-safe as far as the supplier is.
 */
final class VmSource {

    private final String label;
    private final Supplier<? extends Vm> supplier;

    VmSource(String label, Supplier<? extends Vm> supplier) {
        this.label = Objects.requireNonNull(label, "label");
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    String label() {
        return label;
    }

    /** A fresh instance; a supplier that throws or returns null fails the check that asked. */
    Vm create() {
        Vm vm;
        try {
            vm = supplier.get();
        } catch (Throwable t) {
            throw new ConformanceFailure("could not create an instance of " + label + ": it threw "
                    + Throwables.describe(t) + "; create() must return a new instance");
        }
        if (vm == null) {
            throw new ConformanceFailure("could not create an instance of " + label
                    + ": create() returned null; it must return a new instance, never null");
        }
        return vm;
    }

    /**
     * Runs {@code body} on a fresh instance and closes the instance afterwards; a {@code close()}
     * that throws fails the check unless the body already failed it.
     */
    String withInstance(Function<Vm, String> body) {
        Vm vm = create();
        String detail;
        try {
            detail = body.apply(vm);
        } catch (RuntimeException | Error e) {
            closeQuietly(vm);
            throw e;
        }
        VmCalls.close(vm);
        return detail;
    }

    private static void closeQuietly(Vm vm) {
        try {
            vm.close();
        } catch (Throwable ignored) {
            // The body's failure is the one worth reporting.
        }
    }
}
