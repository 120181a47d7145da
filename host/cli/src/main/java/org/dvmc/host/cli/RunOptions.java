package org.dvmc.host.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dvmc.spi.Revision;

/**
 * Parses the numeric and named options of {@code dvmc run}: {@code --gas} and {@code --rev}. Stateless;
 * every failure is a {@link CliFailure} with exit status 2 whose message names the option and the
 * valid values.
 */
final class RunOptions {

    /** The default of {@code --gas}, in gas units. */
    static final long DEFAULT_GAS = 1_000_000L;
    /** The largest {@code --gas}, in gas units. */
    static final long MAX_GAS = 1_000_000_000L;

    private static final String GAS_RANGE = "valid: 0.." + MAX_GAS;

    private RunOptions() {
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
}
