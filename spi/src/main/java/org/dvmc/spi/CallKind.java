package org.dvmc.spi;

import java.util.Optional;

/** The kind of call-like instruction a {@link Message} stands for (the C description's {@code dvmc_call_kind}). */
public enum CallKind {
    /** CALL. */
    CALL(0),
    /** DELEGATECALL; valid from Homestead. The message's value is ignored. */
    DELEGATECALL(1),
    /** CALLCODE. */
    CALLCODE(2),
    /** CREATE. */
    CREATE(3),
    /** CREATE2; valid from Constantinople. */
    CREATE2(4),
    /** EOFCREATE; valid from Osaka. */
    EOFCREATE(5);

    private final int code;

    CallKind(int code) {
        this.code = code;
    }

    /** {@return the C number, from 0 to 5} */
    public int code() {
        return code;
    }

    /** {@return true for the kinds that create a contract: CREATE, CREATE2 and EOFCREATE} */
    public boolean isCreate() {
        return this == CREATE || this == CREATE2 || this == EOFCREATE;
    }

    /**
     * The kind with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the kind, or empty when no kind has that number
     */
    public static Optional<CallKind> fromCode(int code) {
        return Codes.find(values(), CallKind::code, code);
    }
}
