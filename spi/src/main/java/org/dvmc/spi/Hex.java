package org.dvmc.spi;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Hex text of the value types: {@link HexFormat} does the encoding and decoding; this class adds the
 * optional {@code 0x} prefix and error messages that name the value, the offending character and its
 * position. Package-private so the public surface stays small.
 */
final class Hex {

    /** Lower-case digits, no delimiter: the form every value type prints. */
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    /** Returns the digits of {@code text} with an optional {@code 0x}/{@code 0X} prefix removed. */
    static String stripPrefix(String text) {
        if (text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            return text.substring(2);
        }
        return text;
    }

    /**
     * Decodes hex digits (no white space) after an optional {@code 0x} prefix.
     *
     * @param what names the value in error messages, e.g. "address"
     * @throws IllegalArgumentException naming {@code what}, the offending character and its position
     */
    static byte[] decode(String text, String what) {
        Objects.requireNonNull(text, what);
        String digits = stripPrefix(text);
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException(
                    what + ": invalid hex: odd number of digits (" + digits.length() + ") in \"" + abbreviate(text) + "\"");
        }
        try {
            return FORMAT.parseHex(digits);
        } catch (IllegalArgumentException e) {
            // HexFormat's message does not say which value was wrong; ours names it and points into the text.
            throw invalidCharacter(text, digits, what);
        }
    }

    /**
     * Decodes exactly {@code size} bytes. The digit count is checked before the digits themselves, so
     * a wrong length (odd or even) is reported as "expected N hex digits but got M".
     *
     * @throws IllegalArgumentException naming {@code what} on a wrong length or a non-hex character
     */
    static byte[] decodeExactly(String text, int size, String what) {
        Objects.requireNonNull(text, what);
        int digitCount = stripPrefix(text).length();
        if (digitCount != 2 * size) {
            throw new IllegalArgumentException(what + ": expected " + 2 * size + " hex digits but got " + digitCount
                    + " in \"" + abbreviate(text) + "\"");
        }
        return decode(text, what);
    }

    // The position is counted in the original text (prefix included), so it points into the quoted string.
    private static IllegalArgumentException invalidCharacter(String original, String digits, String what) {
        int prefixLength = original.length() - digits.length();
        for (int index = 0; index < digits.length(); index++) {
            char c = digits.charAt(index);
            if (!HexFormat.isHexDigit(c)) {
                return new IllegalArgumentException(what + ": invalid hex: character '" + c + "' at position "
                        + (prefixLength + index) + " of \"" + abbreviate(original) + "\"");
            }
        }
        return new IllegalArgumentException(what + ": invalid hex in \"" + abbreviate(original) + "\"");
    }

    /** Lower-case hex digits of {@code length} bytes of {@code bytes} from {@code offset}, no prefix. */
    static String encode(byte[] bytes, int offset, int length) {
        return FORMAT.formatHex(bytes, offset, offset + length);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
