package org.dvmc.spi;

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

    /** {@return the C bit: 1, 2 or 4} */
    public int bit() {
        return bit;
    }

    /**
     * The C flag set of {@code capabilities}.
     *
     * @param capabilities any set of capabilities
     * @return the bits of {@code capabilities} or-ed together
     */
    public static int toMask(Set<Capability> capabilities) {
        return Codes.toMask(capabilities, Capability::bit);
    }

    /**
     * The capabilities whose bits are set in {@code mask}; unknown bits are ignored.
     *
     * @param mask a C flag set
     * @return an immutable set of the capabilities whose bits are set
     */
    public static Set<Capability> fromMask(int mask) {
        return Codes.fromMask(Capability.class, Capability::bit, mask);
    }
}
