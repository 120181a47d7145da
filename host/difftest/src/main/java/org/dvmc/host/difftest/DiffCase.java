package org.dvmc.host.difftest;

import java.util.Objects;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;

/**
 * One case of a differential test: what every VM is asked to run, exactly as {@code dvmc run} runs it.
 * Immutable.
 *
 * <p>Without {@code create}, {@code code} is executed with a CALL message at depth 0 carrying {@code input}
 * and {@code gas}; recipient, sender and code address are zero. With {@code create}, {@code code} first runs
 * as init code: a CREATE message with {@link #CREATE_GAS} gas to {@link #CREATE_ADDRESS}; when that succeeds
 * its output is installed as that account's code, which is then called with {@code input} and {@code gas},
 * recipient and code address {@link #CREATE_ADDRESS}.
 *
 * @param code     the code (or init code with {@code create})
 * @param input    the call's input data
 * @param gas      the gas limit of the call, in gas units, 0 or more
 * @param revision the revision to execute under
 * @param create   whether to run {@code code} as init code first
 */
public record DiffCase(Bytes code, Bytes input, long gas, Revision revision, boolean create) {

    /** Where a creation puts the new contract, as {@code dvmc run --create} does. */
    public static final Address CREATE_ADDRESS = Address.fromHex("c9ea7ed000000000000000000000000000000001");
    /** The gas of the creation, in gas units, as {@code dvmc run --create} gives it. */
    public static final long CREATE_GAS = 10_000_000L;

    /**
     * Checks the fields.
     *
     * @param code     the code (or init code with {@code create}); non-null, possibly empty
     * @param input    the call's input data; non-null, possibly empty
     * @param gas      the gas limit of the call, in gas units; 0 or more
     * @param revision the revision to execute under; non-null
     * @param create   whether to run {@code code} as init code first (with {@link #CREATE_GAS})
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if {@code gas} is negative
     */
    public DiffCase {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(revision, "revision");
        if (gas < 0) {
            throw new IllegalArgumentException("gas must be 0 or more but was " + gas);
        }
    }

    /**
     * A call of {@code code} with empty input under {@code revision}, without creation.
     *
     * @param code     the code to call; non-null, possibly empty
     * @param gas      the gas limit of the call, in gas units; 0 or more
     * @param revision the revision to execute under; non-null
     * @return the case
     * @throws NullPointerException     if {@code code} or {@code revision} is null
     * @throws IllegalArgumentException if {@code gas} is negative
     */
    public static DiffCase call(Bytes code, long gas, Revision revision) {
        return new DiffCase(code, Bytes.EMPTY, gas, revision, false);
    }

    /**
     * This case with other code; used by shrinking.
     *
     * @param newCode the code (or init code, when this case creates); non-null
     * @return a new case, equal to this one but for the code
     * @throws NullPointerException if {@code newCode} is null
     */
    public DiffCase withCode(Bytes newCode) {
        return new DiffCase(newCode, input, gas, revision, create);
    }

    /**
     * This case with other input; used by shrinking.
     *
     * @param newInput the call's input data; non-null
     * @return a new case, equal to this one but for the input
     * @throws NullPointerException if {@code newInput} is null
     */
    public DiffCase withInput(Bytes newInput) {
        return new DiffCase(code, newInput, gas, revision, create);
    }

    /**
     * This case with another gas limit; used by shrinking.
     *
     * @param newGas the gas limit of the call, in gas units; 0 or more
     * @return a new case, equal to this one but for the gas limit
     * @throws IllegalArgumentException if {@code newGas} is negative
     */
    public DiffCase withGas(long newGas) {
        return new DiffCase(code, input, newGas, revision, create);
    }
}
