package org.dvmc.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;

/**
 * Turns the argument text of {@code dvmc run} — and of {@code diff} and {@code fuzz}, which take run's arguments —
 * into values: {@code --gas}, {@code --rev}, and the bytes of {@code CODE} and {@code --input}. Stateless; every
 * failure is a {@link CliFailure} with exit status 2 whose message names the argument and what is valid.
 *
 * <p>Bytes are hex digits with or without a {@code 0x} prefix, or {@code @FILE} naming a file that holds such hex,
 * in which white space (spaces, tabs, line breaks) is allowed anywhere. The empty string is zero bytes.
 */
final class RunArguments {

    /** The most bytes {@code @FILE} reads: 16 MiB of hex text (8 MiB of bytes), far beyond any code or input. */
    static final int MAX_FILE_BYTES = 16 << 20;

    /** The default of {@code --gas}, in gas units. */
    static final long DEFAULT_GAS = 1_000_000L;
    /** The largest {@code --gas}, in gas units. */
    static final long MAX_GAS = 1_000_000_000L;

    private static final String GAS_RANGE = "valid: 0.." + MAX_GAS;

    private RunArguments() {
    }

    /**
     * The gas limit {@code text} gives: a decimal number from 0 to {@value #MAX_GAS}.
     *
     * @throws CliFailure e.g. {@code --gas: 2000000000 is out of range; valid: 0..1000000000}
     */
    static long gas(String text) {
        String digits = text.strip();
        // ASCII digits only: Long.parseLong would also take a sign and other scripts' digits.
        if (!isNumber(digits) || digits.length() > 18) {
            throw CliFailure.usage("--gas: '" + text + "' is not a number; " + GAS_RANGE);
        }
        long gas = Long.parseLong(digits);
        if (gas < 0 || gas > MAX_GAS) {
            throw CliFailure.usage("--gas: " + gas + " is out of range; " + GAS_RANGE);
        }
        return gas;
    }

    /**
     * The revision {@code text} names: a name as {@link Revision#fromName} reads it (case, spaces,
     * dashes and underscores do not matter), or a number {@code 0..15} as {@link Revision#fromCode}
     * reads it.
     *
     * @throws CliFailure e.g. {@code --rev: unknown revision 'Foo'; valid: Frontier, Homestead, … or 0..15}
     */
    static Revision revision(String text) {
        String trimmed = text.strip();
        Optional<Revision> revision = isNumber(trimmed)
                ? parseCode(trimmed).flatMap(Revision::fromCode)
                : Revision.fromName(trimmed);
        return revision.orElseThrow(() -> CliFailure.usage("--rev: unknown revision '" + text + "'; valid: "
                + Arrays.stream(Revision.values()).map(Revision::displayName).collect(Collectors.joining(", "))
                + " or " + Revision.FRONTIER.code() + ".." + Revision.MAX.code()));
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Optional<Integer> parseCode(String digits) {
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
    static Bytes hex(String text, String argumentName, Path workingDirectory) {
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
