package org.dvmc.spi;

import java.util.EnumSet;
import java.util.Set;

/** What kind of code a VM can execute (the C description's {@code dvmc_capabilities}); the C number is a bit. */
public enum Capability {
    /** Executes DVM1 bytecode (the EVM instruction encoding). */
    DVM1(1),
    /** Executes eWASM bytecode. */
    EWASM(2),
    /**
     * Executes precompiled contracts: the VM is called for code addresses 0x0000..0xffff without
     * code and must answer with success, out of gas, failure, revert or rejected.
     */
    PRECOMPILES(4);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    /** The C bit: 1, 2 or 4. */
    public int bit() {
        return bit;
    }

    /** The C flag set of {@code capabilities}. */
    public static int toMask(Set<Capability> capabilities) {
        int mask = 0;
        for (Capability capability : capabilities) {
            mask |= capability.bit;
        }
        return mask;
    }

    /** The capabilities whose bits are set in {@code mask}; unknown bits are ignored. */
    public static Set<Capability> fromMask(int mask) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            if ((mask & capability.bit) != 0) {
                set.add(capability);
            }
        }
        return Set.copyOf(set);
    }
}
