package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.spi.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HexArgumentTest {

    @TempDir
    Path directory;

    @Test
    void readsHexWithAndWithoutPrefix() {
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), HexArgument.parse("60aa", "code", directory));
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), HexArgument.parse("0x60aa", "code", directory));
        assertEquals(Bytes.of((byte) 0x60, (byte) 0xaa), HexArgument.parse("0X60AA", "code", directory));
    }

    @Test
    void emptyTextAndBarePrefixAreZeroBytes() {
        assertEquals(Bytes.EMPTY, HexArgument.parse("", "code", directory));
        assertEquals(Bytes.EMPTY, HexArgument.parse("0x", "--input", directory));
    }

    @Test
    void invalidHexNamesTheArgumentOnly() {
        for (String bad : new String[] {"zz", "600", "60 00", "0x0x60", "6g", "-1", "６０"}) {
            CliFailure code = assertThrows(CliFailure.class, () -> HexArgument.parse(bad, "code", directory), bad);
            assertEquals("code: invalid hex", code.getMessage());
            assertEquals(2, code.exitCode());
            CliFailure input = assertThrows(CliFailure.class, () -> HexArgument.parse(bad, "--input", directory), bad);
            assertEquals("--input: invalid hex", input.getMessage());
        }
    }

    @Test
    void readsAFileWithWhiteSpaceAnywhere() throws IOException {
        Files.writeString(directory.resolve("code.hex"), "  0x60 01\n\t60 00\r\n55\n");
        assertEquals(Bytes.fromHex("6001600055"), HexArgument.parse("@code.hex", "code", directory));
    }

    @Test
    void readsAnEmptyFileAsZeroBytes() throws IOException {
        Files.writeString(directory.resolve("empty.hex"), "\n");
        assertEquals(Bytes.EMPTY, HexArgument.parse("@empty.hex", "--input", directory));
    }

    @Test
    void readsAnAbsoluteFileName() throws IOException {
        Path file = Files.writeString(directory.resolve("input.hex"), "aabbccdd");
        assertEquals(Bytes.fromHex("aabbccdd"), HexArgument.parse("@" + file, "--input", Path.of("")));
    }

    @Test
    void aFileWithInvalidHexIsInvalidHex() throws IOException {
        Files.write(directory.resolve("bad.hex"), "60 0g".getBytes(StandardCharsets.US_ASCII));
        Files.write(directory.resolve("binary.hex"), new byte[] {0x60, (byte) 0xff});
        assertEquals("code: invalid hex",
                assertThrows(CliFailure.class, () -> HexArgument.parse("@bad.hex", "code", directory)).getMessage());
        assertEquals("--input: invalid hex",
                assertThrows(CliFailure.class, () -> HexArgument.parse("@binary.hex", "--input", directory)).getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        CliFailure failure = assertThrows(CliFailure.class, () -> HexArgument.parse("@missing.hex", "code", directory));
        assertEquals("code: cannot read file 'missing.hex': no such file", failure.getMessage());
        assertEquals(2, failure.exitCode());
    }

    @Test
    void aDirectoryOrNoNameIsAUsageError() throws IOException {
        Files.createDirectory(directory.resolve("sub"));
        assertEquals("--input: cannot read file 'sub': it is a directory",
                assertThrows(CliFailure.class, () -> HexArgument.parse("@sub", "--input", directory)).getMessage());
        assertEquals("code: no file name after '@'; write @FILE",
                assertThrows(CliFailure.class, () -> HexArgument.parse("@", "code", directory)).getMessage());
    }
}
