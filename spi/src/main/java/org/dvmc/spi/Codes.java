package org.dvmc.spi;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/** Lookups by C number and C bit-mask conversions, shared by the numbered enums of the contract. */
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

    static <E extends Enum<E>> int toMask(Set<E> set, ToIntFunction<E> bitOf) {
        int mask = 0;
        for (E value : set) {
            mask |= bitOf.applyAsInt(value);
        }
        return mask;
    }

    /** The constants whose bits are set in {@code mask}, as an immutable set; unknown bits are ignored. */
    static <E extends Enum<E>> Set<E> fromMask(Class<E> type, ToIntFunction<E> bitOf, int mask) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if ((mask & bitOf.applyAsInt(value)) != 0) {
                set.add(value);
            }
        }
        return Set.copyOf(set);
    }
}
