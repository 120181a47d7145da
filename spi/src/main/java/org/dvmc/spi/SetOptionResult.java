package org.dvmc.spi;

import java.util.Optional;

/** The answer of {@link Vm#setOption(String, String)} (the C description's {@code dvmc_set_option_result}). */
public enum SetOptionResult {
    /** The option was applied. */
    SUCCESS(0),
    /** The VM has no option of that name. */
    INVALID_NAME(1),
    /** The VM knows the option but not that value (or the value is missing). */
    INVALID_VALUE(2);

    private final int code;

    SetOptionResult(int code) {
        this.code = code;
    }

    /** {@return the C number: 0, 1 or 2} */
    public int code() {
        return code;
    }

    /**
     * The result with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the result, or empty when none has that number
     */
    public static Optional<SetOptionResult> fromCode(int code) {
        return Codes.find(values(), SetOptionResult::code, code);
    }
}
