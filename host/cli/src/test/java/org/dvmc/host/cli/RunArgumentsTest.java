package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The argument text of run (and of diff and fuzz) turned into values: --gas, --rev, and hex or @FILE. */
class RunArgumentsTest {

    @TempDir
    Path directory;

    /** A usage error (exit status 2) whose message holds {@code token}: what it names, not its every word. */
    private static CliFailure assertUsageError(String token, Executable parse) {
        CliFailure failure = assertThrows(CliFailure.class, parse);
        assertEquals(ExitCodes.USAGE, failure.exitCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains(token), () -> "'" + token + "' not in: " + failure.getMessage());
        return failure;
    }

    // ---- --gas -----------------------------------------------------------------------------------

    @Test
    void gasTakesZeroToOneBillion() {
        assertEquals(0, RunArguments.gas("0"));
        assertEquals(99, RunArguments.gas("99"));
        assertEquals(1_000_000_000L, RunArguments.gas("1000000000"));
    }

    @Test
    void gasOutOfRangeNamesTheRange() {
        assertUsageError("valid: 0..1000000000", () -> RunArguments.gas("1000000001"));
    }

    @Test
    void gasTakesAsciiDecimalDigitsOnly() {
        for (String notPlain : new String[] {"-1", "+5", "\u0665", "\uff15", "1_000", "lots", "99999999999999999999999", ""}) {
            assertUsageError("is not a number", () -> RunArguments.gas(notPlain));
        }
    }

    // ---- --rev -----------------------------------------------------------------------------------

    @Test
    void revisionByNameOrNumber() {
        assertEquals(Revision.FRONTIER, RunArguments.revision("Frontier"));
        assertEquals(Revision.FRONTIER, RunArguments.revision("0"));
        assertEquals(Revision.TANGERINE_WHISTLE, RunArguments.revision("tangerine whistle"));
        assertEquals(Revision.TANGERINE_WHISTLE, RunArguments.revision("TANGERINE_WHISTLE"));
        assertEquals(Revision.PRAGUE, RunArguments.revision("13"));
        assertEquals(Revision.EXPERIMENTAL, RunArguments.revision("15"));
        assertEquals(Revision.CANCUN, RunArguments.revision("cancun"));
    }

    @Test
    void unknownRevisionListsNamesAndNumbers() {
        for (String unknown : new String[] {"Foo", "16", "-1", "99999999999", ""}) {
            CliFailure failure = assertUsageError("unknown revision '" + unknown + "'", () -> RunArguments.revision(unknown));
            // Every name and the range of numbers, so the user can pick one.
            for (Revision revision : Revision.values()) {
                assertTrue(failure.getMessage().contains(revision.displayName()), failure.getMessage());
            }
            assertTrue(failure.getMessage().endsWith(" or 0..15"), failure.getMessage());
        }
    }

    // ---- CODE and --input: hex or @FILE ------------------------------------------------------------

    @Test
    void readsHexWithAndWithoutPrefix() {
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), RunArguments.hex("60aa", "code", directory));
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), RunArguments.hex("0x60aa", "code", directory));
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), RunArguments.hex("0X60AA", "code", directory));
    }

    @Test
    void emptyTextAndBarePrefixAreZeroBytes() {
        assertEquals(Bytes.EMPTY, RunArguments.hex("", "code", directory));
        assertEquals(Bytes.EMPTY, RunArguments.hex("0x", "--input", directory));
    }

    @Test
    void invalidHexNamesTheArgumentOnly() {
        for (String bad : new String[] {"zz", "600", "60 00", "0x0x60", "6g", "-1", "６０"}) {
            // The design fixes this message: the argument's name and "invalid hex", nothing else.
            assertEquals("code: invalid hex", assertUsageError("invalid hex",
                    () -> RunArguments.hex(bad, "code", directory)).getMessage());
            assertEquals("--input: invalid hex", assertUsageError("invalid hex",
                    () -> RunArguments.hex(bad, "--input", directory)).getMessage());
        }
    }

    @Test
    void readsAFileWithWhiteSpaceAnywhere() throws IOException {
        Files.writeString(directory.resolve("code.hex"), "  0x60 01\n\t60 00\r\n55\n");
        assertEquals(Bytes.fromHex("6001600055"), RunArguments.hex("@code.hex", "code", directory));
    }

    @Test
    void readsAnEmptyFileAsZeroBytes() throws IOException {
        Files.writeString(directory.resolve("empty.hex"), "\n");
        assertEquals(Bytes.EMPTY, RunArguments.hex("@empty.hex", "--input", directory));
    }

    @Test
    void readsAnAbsoluteFileName() throws IOException {
        Path file = Files.writeString(directory.resolve("input.hex"), "aabbccdd");
        assertEquals(Bytes.fromHex("aabbccdd"), RunArguments.hex("@" + file, "--input", Path.of("")));
    }

    @Test
    void aFileWithInvalidHexIsInvalidHex() throws IOException {
        Files.write(directory.resolve("bad.hex"), "60 0g".getBytes(StandardCharsets.US_ASCII));
        Files.write(directory.resolve("binary.hex"), new byte[] {0x60, (byte) 0xff});
        assertUsageError("code: invalid hex", () -> RunArguments.hex("@bad.hex", "code", directory));
        assertUsageError("--input: invalid hex", () -> RunArguments.hex("@binary.hex", "--input", directory));
    }

    @Test
    void aMissingFileIsNamed() {
        assertUsageError("'missing.hex': no such file", () -> RunArguments.hex("@missing.hex", "code", directory));
    }

    @Test
    void aDirectoryOrNoNameIsAUsageError() throws IOException {
        Files.createDirectory(directory.resolve("sub"));
        assertUsageError("it is a directory", () -> RunArguments.hex("@sub", "--input", directory));
        assertUsageError("no file name after '@'", () -> RunArguments.hex("@", "code", directory));
    }
}
