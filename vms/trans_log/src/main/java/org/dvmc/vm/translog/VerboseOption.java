package org.dvmc.vm.translog;

import java.util.OptionalInt;

/**
 * The {@code verbose} option: an integer from {@link #MIN} to {@link #MAX}, written the way C's
 * {@code strtol(value, &end, 0)} reads numbers, as the reference VM parses it.
 *
 * <p>Accepted text, in order: optional leading C white space (space, {@code \t \n \u000B \f \r}); an
 * optional {@code +} or {@code -}; then either {@code 0x}/{@code 0X} and hex digits, or a {@code 0}
 * followed by octal digits, or decimal digits; ASCII digits only. Examples: {@code "3"},
 * {@code " 3"}, {@code "-1"}, {@code "0x9"}, {@code "011"} (octal, 9).
 *
 * <p>Stricter than the reference, which only checks that {@code strtol} read something: the digits
 * must run to the end of the text, so {@code "5abc"}, {@code "3 "}, {@code "08"} and {@code "0x"}
 * are rejected. Stateless; thread-safe.
 */
final class VerboseOption {

    /** The option name. */
    static final String NAME = "verbose";

    /** The smallest accepted level. */
    static final int MIN = -1;

    /** The largest accepted level. */
    static final int MAX = 9;

    /** Magnitudes are clamped here while reading (like strtol clamps to LONG_MAX), so long inputs cannot overflow. */
    private static final long CLAMP = 1L << 40;

    private VerboseOption() {
    }

    /**
     * The level written in {@code value}, or empty when {@code value} is null, is not a whole number
     * in the syntax above, or is outside {@link #MIN}..{@link #MAX}.
     */
    static OptionalInt parse(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        int length = value.length();
        int i = 0;
        while (i < length && isCSpace(value.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < length && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            negative = value.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i < length && value.charAt(i) == '0') {
            // strtol takes "0x" as a prefix only when a hex digit follows; otherwise the 0 is an octal number.
            if (i + 2 < length && (value.charAt(i + 1) | 0x20) == 'x' && digit(value.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            } else {
                radix = 8;
            }
        }
        int firstDigit = i;
        long magnitude = 0;
        while (i < length) {
            int d = digit(value.charAt(i), radix);
            if (d < 0) {
                break;
            }
            magnitude = Math.min(magnitude * radix + d, CLAMP);
            i++;
        }
        if (i == firstDigit || i != length) {
            return OptionalInt.empty();
        }
        long level = negative ? -magnitude : magnitude;
        return level < MIN || level > MAX ? OptionalInt.empty() : OptionalInt.of((int) level);
    }

    /** C's {@code isspace} in the "C" locale. */
    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The value of an ASCII digit in {@code radix}, or -1; unlike Character.digit, no other scripts' digits. */
    private static int digit(char c, int radix) {
        int value;
        if (c >= '0' && c <= '9') {
            value = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            value = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            value = c - 'A' + 10;
        } else {
            return -1;
        }
        return value < radix ? value : -1;
    }
}
