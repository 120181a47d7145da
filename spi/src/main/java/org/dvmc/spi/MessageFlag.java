package org.dvmc.spi;

import java.util.EnumSet;
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

    /** The C bit: 1 or 2. */
    public int bit() {
        return bit;
    }

    /** The C bit mask of {@code flags}. */
    public static int toMask(Set<MessageFlag> flags) {
        int mask = 0;
        for (MessageFlag flag : flags) {
            mask |= flag.bit;
        }
        return mask;
    }

    /** The flags whose bits are set in {@code mask}; unknown bits are ignored. */
    public static Set<MessageFlag> fromMask(int mask) {
        EnumSet<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        for (MessageFlag flag : values()) {
            if ((mask & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return Set.copyOf(flags);
    }
}
