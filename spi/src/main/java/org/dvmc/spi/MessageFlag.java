package org.dvmc.spi;

import java.util.Set;

/** A flag of a {@link Message} (the C description's {@code dvmc_flags}); the C number is a bit mask. */
public enum MessageFlag {
    /** A static call: the callee must not modify state. */
    STATIC(1),
    /** A delegated call: the code executed belongs to another account (EIP-7702). */
    DELEGATED(2);

    private final int bit;

    MessageFlag(int bit) {
        this.bit = bit;
    }

    /** {@return the C bit: 1 or 2} */
    public int bit() {
        return bit;
    }

    /**
     * The C bit mask of {@code flags}.
     *
     * @param flags any set of flags
     * @return the bits of {@code flags} or-ed together
     */
    public static int toMask(Set<MessageFlag> flags) {
        return Codes.toMask(flags, MessageFlag::bit);
    }

    /**
     * The flags whose bits are set in {@code mask}; unknown bits are ignored.
     *
     * @param mask a C flag set
     * @return an immutable set of the flags whose bits are set
     */
    public static Set<MessageFlag> fromMask(int mask) {
        return Codes.fromMask(MessageFlag.class, MessageFlag::bit, mask);
    }
}
