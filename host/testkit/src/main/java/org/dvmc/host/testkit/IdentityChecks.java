package org.dvmc.host.testkit;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Vm;

/** The checks on what a VM says about itself: ABI version, name, version, capabilities. */
final class IdentityChecks {

    /** How often a value is read to see it stays the same. */
    private static final int READS = 3;

    private IdentityChecks() {
    }

    static String abiVersion(VmSource source) {
        return source.withInstance(vm -> {
            int abi = VmCalls.abiVersion(vm);
            if (abi != Dvmc.ABI_VERSION) {
                throw new ConformanceFailure(abi + " differs from the host's " + Dvmc.ABI_VERSION
                        + "; abiVersion() must return Dvmc.ABI_VERSION of the spi the VM is built against,"
                        + " and the VM must be rebuilt against the host's spi");
            }
            int again = VmCalls.abiVersion(vm);
            if (again != abi) {
                throw new ConformanceFailure("abiVersion() returned " + abi + " then " + again
                        + "; it must return the same number on every call");
            }
            return abi + " equals the host's " + Dvmc.ABI_VERSION;
        });
    }

    static String name(VmSource source) {
        return source.withInstance(vm -> stableText(vm, "name()", Vm::name));
    }

    static String version(VmSource source) {
        return source.withInstance(vm -> stableText(vm, "version()", Vm::version));
    }

    private static String stableText(Vm vm, String method, Function<Vm, String> read) {
        String first = VmCalls.nonNull(method, () -> read.apply(vm));
        if (first.isBlank()) {
            throw new ConformanceFailure(method + " returned \"" + first + "\"; it must be non-empty text");
        }
        for (int i = 1; i < READS; i++) {
            String next = VmCalls.nonNull(method, () -> read.apply(vm));
            if (!next.equals(first)) {
                throw new ConformanceFailure(method + " returned \"" + first + "\" then \"" + next
                        + "\"; it must return the same text on every call");
            }
        }
        return "\"" + first + "\", the same on " + READS + " calls";
    }

    static String capabilities(VmSource source) {
        return source.withInstance(vm -> {
            Set<Capability> first = VmCalls.nonNull("capabilities()", vm::capabilities);
            for (Capability capability : first) {
                if (capability == null) {
                    throw new ConformanceFailure("capabilities() contains null; it must hold capabilities only");
                }
            }
            if (first.isEmpty()) {
                throw new ConformanceFailure("capabilities() is empty; a VM must claim at least one of "
                        + Arrays.toString(Capability.values()));
            }
            for (int i = 1; i < READS; i++) {
                Set<Capability> next = VmCalls.nonNull("capabilities()", vm::capabilities);
                if (!next.equals(first)) {
                    throw new ConformanceFailure("capabilities() returned " + first + " then " + next
                            + "; it must return the same set on every call");
                }
            }
            for (Capability capability : Capability.values()) {
                boolean claimed = VmCalls.nonNull("hasCapability(" + capability + ")", () -> vm.hasCapability(capability));
                if (claimed != first.contains(capability)) {
                    throw new ConformanceFailure("hasCapability(" + capability + ") is " + claimed
                            + " but capabilities() is " + first + "; the two must agree");
                }
            }
            return new TreeSet<>(first) + ", the same on " + READS + " calls";
        });
    }
}
