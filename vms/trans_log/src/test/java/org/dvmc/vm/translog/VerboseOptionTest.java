package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.dvmc.spi.SetOptionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code verbose} option: strtol-style parsing, range, names, and its effect on stderr. */
class VerboseOptionTest {

    /** value, expected level or null for INVALID_VALUE. */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("0", 0),
                Arguments.of("9", 9),
                Arguments.of("-1", -1),
                Arguments.of("10", null),
                Arguments.of("-2", null),
                Arguments.of("0x9", 9),
                Arguments.of("0X9", 9),
                Arguments.of("0x09", 9),
                Arguments.of("-0x1", -1),
                Arguments.of("011", 9),
                Arguments.of("012", null),
                Arguments.of("08", null),
                Arguments.of("00", 0),
                Arguments.of("-0", 0),
                Arguments.of("+5", 5),
                Arguments.of(" 3", 3),
                Arguments.of("\t\n\u000B\f\r 7", 7),
                Arguments.of("x", null),
                Arguments.of("", null),
                Arguments.of(null, null),
                Arguments.of(" ", null),
                Arguments.of("-", null),
                Arguments.of("+-1", null),
                Arguments.of("0x", null),
                Arguments.of("0xg", null),
                Arguments.of("5abc", null),
                Arguments.of("3 ", null),
                Arguments.of("1.0", null),
                Arguments.of("0xa", null),
                Arguments.of("99999999999999999999999999", null),
                Arguments.of("-99999999999999999999999999", null),
                Arguments.of("\u0663", null), // ARABIC-INDIC DIGIT THREE: not an ASCII digit
                Arguments.of("\u00a03", null)); // NO-BREAK SPACE is not C white space
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("values")
    void parsesLikeStrtolBase0ButRejectsTrailingText(String value, Integer expected) {
        TransLogVm vm = new TransLogVm();
        vm.setOption("verbose", "4");

        SetOptionResult result = vm.setOption("verbose", value);

        if (expected == null) {
            assertEquals(SetOptionResult.INVALID_VALUE, result);
            assertEquals(4, vm.verbose(), "a rejected value leaves the level unchanged");
        } else {
            assertEquals(SetOptionResult.SUCCESS, result);
            assertEquals(expected.intValue(), vm.verbose());
        }
    }

    @Test
    void otherNamesAreInvalidNames() {
        TransLogVm vm = new TransLogVm();
        assertEquals(SetOptionResult.INVALID_NAME, vm.setOption("Verbose", "1"));
        assertEquals(SetOptionResult.INVALID_NAME, vm.setOption("verbosity", "1"));
        assertEquals(SetOptionResult.INVALID_NAME, vm.setOption("", "1"));
        assertEquals(SetOptionResult.INVALID_NAME, vm.setOption(null, "1"));
        assertEquals(0, vm.verbose());
    }

    @Test
    void defaultIsZero() {
        assertEquals(0, new TransLogVm().verbose());
    }

    @Test
    void aboveZeroEachExecutionAnnouncesItselfOnStderr() {
        assertEquals("execution started\nexecution started\n", stderrOfTwoExecutions("1"));
        assertEquals("execution started\nexecution started\n", stderrOfTwoExecutions("9"));
    }

    @Test
    void zeroAndMinusOneAreQuiet() {
        assertEquals("", stderrOfTwoExecutions("0"));
        assertEquals("", stderrOfTwoExecutions("-1"));
    }

    private static String stderrOfTwoExecutions(String level) {
        Runner runner = new Runner();
        assertEquals(SetOptionResult.SUCCESS, runner.vm.setOption("verbose", level));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runner.run("00");
            runner.run("");
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
