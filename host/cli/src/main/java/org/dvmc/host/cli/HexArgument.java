package org.dvmc.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dvmc.spi.Bytes;

/**
 * Reads a bytes argument of {@code dvmc run} ({@code CODE} and {@code --input}): hex digits with or
 * without a {@code 0x} prefix, or {@code @FILE} naming a file that holds such hex, in which white space
 * (spaces, tabs, line breaks) is allowed anywhere. The empty string is zero bytes. Stateless.
 */
final class HexArgument {

    /** The most bytes {@code @FILE} reads: 16 MiB of hex text (8 MiB of bytes), far beyond any code or input. */
    static final int MAX_FILE_BYTES = 16 << 20;

    private HexArgument() {
    }

    /**
     * Decodes {@code text}.
     *
     * @param text             hex, or {@code @} and a file name
     * @param argumentName     names the argument in messages: {@code code} or {@code --input}
     * @param workingDirectory what a relative file name is resolved against
     * @return the bytes
     * @throws CliFailure (exit status 2) {@code "<argumentName>: invalid hex"} for anything but hex
     *                    digits in pairs, or a message naming the file when it cannot be read
     */
    static Bytes parse(String text, String argumentName, Path workingDirectory) {
        if (text.startsWith("@")) {
            return decode(withoutWhiteSpace(read(text.substring(1), argumentName, workingDirectory)), argumentName);
        }
        return decode(text, argumentName);
    }

    private static Bytes decode(String hex, String argumentName) {
        try {
            return Bytes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(argumentName + ": invalid hex");
        }
    }

    private static String read(String fileName, String argumentName, Path workingDirectory) {
        if (fileName.isEmpty()) {
            throw CliFailure.usage(argumentName + ": no file name after '@'; write @FILE");
        }
        Path file;
        try {
            file = workingDirectory.resolve(fileName);
        } catch (InvalidPathException e) {
            throw CliFailure.usage(argumentName + ": '" + fileName + "' is not a valid file name (" + e.getReason() + ")");
        }
        if (Files.isDirectory(file)) {
            throw CliFailure.usage(argumentName + ": cannot read file '" + fileName + "': it is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded: @/dev/zero or a huge file would otherwise eat all memory.
            byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
            if (content.length > MAX_FILE_BYTES) {
                throw CliFailure.usage(argumentName + ": file '" + fileName + "' holds more than " + (MAX_FILE_BYTES >> 20)
                        + " MiB of hex, the most @FILE reads; give a smaller file");
            }
            // ISO-8859-1 maps every byte to a char, so any file decodes; non-hex bytes then fail as invalid hex.
            return new String(content, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw CliFailure.usage(argumentName + ": cannot read file '" + fileName + "': no such file");
        } catch (AccessDeniedException e) {
            throw CliFailure.usage(argumentName + ": cannot read file '" + fileName + "': permission denied");
        } catch (IOException e) {
            throw CliFailure.usage(argumentName + ": cannot read file '" + fileName + "': " + e.getMessage());
        }
    }

    private static String withoutWhiteSpace(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
