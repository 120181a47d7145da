package org.dvmc.host.loader;

/**
 * Makes text that came from a plugin (a name, a codename, an exception message) safe to print on one
 * line: control characters, line and paragraph separators become {@code \n}, {@code \t} or
 * {@code \}{@code uXXXX} escapes, so a plugin cannot forge lines of a listing or a terminal's escape
 * sequences. Stateless.
 */
public final class Escaping {

    private Escaping() {
    }

    /**
     * Escapes {@code text} for one line of output.
     *
     * @param text any text, e.g. a VM's name; may be null
     * @return {@code text} with every control or format character escaped; {@code "null"} for null
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT;
    }
}
