package org.dvmc.spi;

/** Hex encoding shared by the value types; package-private so the public surface stays small. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

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
        java.util.Objects.requireNonNull(text, what);
        String digits = stripPrefix(text);
        int prefixLength = text.length() - digits.length();
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException(
                    what + ": invalid hex: odd number of digits (" + digits.length() + ") in \"" + abbreviate(text) + "\"");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(digits, 2 * i, prefixLength, text, what);
            int lo = digit(digits, 2 * i + 1, prefixLength, text, what);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /**
     * Decodes exactly {@code size} bytes. The digit count is checked before the digits themselves, so
     * a wrong length (odd or even) is reported as "expected N hex digits but got M".
     *
     * @throws IllegalArgumentException naming {@code what} on a wrong length or a non-hex character
     */
    static byte[] decodeExactly(String text, int size, String what) {
        java.util.Objects.requireNonNull(text, what);
        int digitCount = stripPrefix(text).length();
        if (digitCount != 2 * size) {
            throw new IllegalArgumentException(what + ": expected " + 2 * size + " hex digits but got " + digitCount
                    + " in \"" + abbreviate(text) + "\"");
        }
        return decode(text, what);
    }

    // The position is counted in the original text (prefix included), so it points into the quoted string.
    private static int digit(String digits, int index, int prefixLength, String original, String what) {
        char c = digits.charAt(index);
        int value = Character.digit(c, 16);
        if (value < 0 || c > 'f') {
            throw new IllegalArgumentException(what + ": invalid hex: character '" + c + "' at position "
                    + (prefixLength + index) + " of \"" + abbreviate(original) + "\"");
        }
        return value;
    }

    static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
