package org.dvmc.spi;

import java.util.Optional;
import java.util.function.ToIntFunction;

/** Lookup of an enum constant by its C number, shared by the numbered enums of the contract. */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, ToIntFunction<E> codeOf, int code) {
        for (E value : values) {
            if (codeOf.applyAsInt(value) == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
