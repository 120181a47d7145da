package org.dvmc.spi;

import java.util.Optional;

/**
 * The outcome of an execution (the C description's {@code dvmc_status_code}).
 *
 * <p>Each constant keeps its C number ({@link #code()}); non-negative codes are outcomes defined by
 * the DVM, negative codes are failures of the VM or host itself. {@link #description()} is the
 * human name used in command output, e.g. {@code "out of gas"}.
 */
public enum StatusCode {
    /** Execution finished with success. */
    SUCCESS(0, "success"),
    /** Generic execution failure. */
    FAILURE(1, "failure"),
    /** Execution terminated with REVERT: remaining gas is returned, state changes are undone. */
    REVERT(2, "revert"),
    /** The execution has run out of gas. */
    OUT_OF_GAS(3, "out of gas"),
    /** The designated INVALID instruction was hit. */
    INVALID_INSTRUCTION(4, "invalid instruction"),
    /** An undefined instruction was encountered. */
    UNDEFINED_INSTRUCTION(5, "undefined instruction"),
    /** The execution exceeded the stack limit. */
    STACK_OVERFLOW(6, "stack overflow"),
    /** Execution needed more items on the stack than it holds. */
    STACK_UNDERFLOW(7, "stack underflow"),
    /** A jump to an invalid destination. */
    BAD_JUMP_DESTINATION(8, "bad jump destination"),
    /** Memory was read beyond its bounds (e.g. RETURNDATACOPY past the return data). */
    INVALID_MEMORY_ACCESS(9, "invalid memory access"),
    /** The call depth limit was exceeded. */
    CALL_DEPTH_EXCEEDED(10, "call depth exceeded"),
    /** A state-modifying instruction in a static call. */
    STATIC_MODE_VIOLATION(11, "static mode violation"),
    /** A call to a precompiled contract failed. */
    PRECOMPILE_FAILURE(12, "precompile failure"),
    /** Contract validation failed (e.g. invalid EOF or Wasm code). */
    CONTRACT_VALIDATION_FAILURE(13, "contract validation failure"),
    /** An argument to a state-accessing method is out of range. */
    ARGUMENT_OUT_OF_RANGE(14, "argument out of range"),
    /** A Wasm {@code unreachable} instruction was hit. */
    WASM_UNREACHABLE_INSTRUCTION(15, "wasm unreachable instruction"),
    /** A Wasm trap was hit. */
    WASM_TRAP(16, "wasm trap"),
    /** The caller does not have enough funds for a value transfer. */
    INSUFFICIENT_BALANCE(17, "insufficient balance"),
    /** A failure inside the VM or the host, not caused by the executed code. */
    INTERNAL_ERROR(-1, "internal error"),
    /** The VM refused to execute: a combination of message, revision or capability it does not support. */
    REJECTED(-2, "rejected"),
    /** The VM failed to allocate memory it needed. */
    OUT_OF_MEMORY(-3, "out of memory");

    private final int code;
    private final String description;

    StatusCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** {@return the C number, from -3 to 17} */
    public int code() {
        return code;
    }

    /** {@return the human name, e.g. {@code "success"}, {@code "out of gas"}} */
    public String description() {
        return description;
    }

    /** {@return true for {@link #SUCCESS} and {@link #REVERT}, the outcomes that keep gas left and output} */
    public boolean keepsGasAndOutput() {
        return this == SUCCESS || this == REVERT;
    }

    /**
     * The constant with C number {@code code}, or empty.
     *
     * @param code a C number
     * @return the status, or empty when none has that number
     */
    public static Optional<StatusCode> fromCode(int code) {
        return Codes.find(values(), StatusCode::code, code);
    }

    /** Same as {@link #description()}. */
    @Override
    public String toString() {
        return description;
    }
}
