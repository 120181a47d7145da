package org.dvmc.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The DVM revision (hard fork) code is executed under (the C description's {@code dvmc_revision}).
 *
 * <p>Each constant keeps its C number ({@link #code()}), and the constants are in that order, so
 * {@code rev.compareTo(Revision.BYZANTIUM) >= 0} means "Byzantium or later".
 */
public enum Revision {
    /** The revision the chain launched with. */
    FRONTIER(0, "Frontier"),
    /** EIP-606. */
    HOMESTEAD(1, "Homestead"),
    /** EIP-608. */
    TANGERINE_WHISTLE(2, "Tangerine Whistle"),
    /** EIP-607. */
    SPURIOUS_DRAGON(3, "Spurious Dragon"),
    /** EIP-609: REVERT, RETURNDATA, STATICCALL. */
    BYZANTIUM(4, "Byzantium"),
    /** EIP-1013. */
    CONSTANTINOPLE(5, "Constantinople"),
    /** EIP-1716: Constantinople without net gas metering. */
    PETERSBURG(6, "Petersburg"),
    /** EIP-1679. */
    ISTANBUL(7, "Istanbul"),
    /** EIP-2070. */
    BERLIN(8, "Berlin"),
    /** EIP-1559 and others. */
    LONDON(9, "London"),
    /** The Merge. */
    PARIS(10, "Paris"),
    /** Withdrawals, PUSH0. */
    SHANGHAI(11, "Shanghai"),
    /** Transient storage, blobs. The latest stable revision in ABI version 12 ({@link #LATEST_STABLE}). */
    CANCUN(12, "Cancun"),
    /** The revision after Cancun (not yet the default in ABI version 12, as in the reference header 12.1.0). */
    PRAGUE(13, "Prague"),
    /** The next revision after Prague. */
    OSAKA(14, "Osaka"),
    /** An unspecified revision for VMs to expose experimental features. */
    EXPERIMENTAL(15, "Experimental");

    /**
     * The latest stable revision: the default of hosts and tools. Cancun, as {@code DVMC_LATEST_STABLE_REVISION}
     * is in ABI version 12 (the reference C header 12.1.0).
     */
    public static final Revision LATEST_STABLE = CANCUN;

    /** The highest revision defined. */
    public static final Revision MAX = EXPERIMENTAL;

    private final int code;
    private final String displayName;

    Revision(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** {@return the C number, from 0 to 15} */
    public int code() {
        return code;
    }

    /** {@return the human name, e.g. {@code "Tangerine Whistle"}} */
    public String displayName() {
        return displayName;
    }

    /**
     * The revision with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the revision, or empty when none has that number
     */
    public static Optional<Revision> fromCode(int code) {
        return Codes.find(values(), Revision::code, code);
    }

    /**
     * The revision named {@code name}, ignoring case, spaces and underscores: {@code "Prague"},
     * {@code "tangerine whistle"}, {@code "TANGERINE_WHISTLE"} and {@code "tangerinewhistle"} all
     * match. Empty when nothing matches.
     *
     * @param name a revision's name, e.g. from the command line
     * @return the revision, or empty
     */
    public static Optional<Revision> fromName(String name) {
        String wanted = squash(name);
        for (Revision revision : values()) {
            if (squash(revision.displayName).equals(wanted)) {
                return Optional.of(revision);
            }
        }
        return Optional.empty();
    }

    private static String squash(String name) {
        return name.replace(" ", "").replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Same as {@link #displayName()}. */
    @Override
    public String toString() {
        return displayName;
    }
}
