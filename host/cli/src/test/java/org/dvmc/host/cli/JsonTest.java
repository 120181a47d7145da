package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void plainTextIsQuoted() {
        assertEquals("\"trans_log 1.0.0\"", Json.string("trans_log 1.0.0"));
        assertEquals("\"\"", Json.string(""));
        assertEquals("\"Grüße, ±\"", Json.string("Grüße, ±"));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", Json.string("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", Json.string("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u2028\"", Json.string("\u0000\u001f\u2028"));
        assertEquals("\"C:\\\\plugins\\\\x.jar\"", Json.string("C:\\plugins\\x.jar"));
    }
}
