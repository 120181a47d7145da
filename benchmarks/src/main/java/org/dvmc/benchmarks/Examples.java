package org.dvmc.benchmarks;

import java.util.List;
import java.util.Optional;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.StatusCode;

/**
 * The four example programs of the trans_log issue (issue 3 / issue 7), the ones the C reference's 650 ns
 * figure was measured on.
 */
public final class Examples {

    /** The recipient every example runs as: {@code d00000000000000000000000000000000000000d}. */
    public static final Address RECIPIENT = Address.fromHex("d00000000000000000000000000000000000000d");

    /** Gas of every example but the first; the {@code dvmc run} default. */
    public static final long DEFAULT_GAS = 1_000_000;

    /** ADDRESS, MSTORE, MSIZE, RETURN with gas 99: returns the recipient as a 32-byte word. */
    public static final Example ADDRESS = new Example("address",
            Bytes.fromHex("30600052596000f3"), message(99, Bytes.EMPTY), Optional.empty(),
            StatusCode.SUCCESS, 6, Bytes.of(RECIPIENT.toBytes32().toBytes()), Optional.empty());

    /** CALLDATALOAD of input {@code aabbccdd}, returned as a 32-byte word. */
    public static final Example CALLDATA = new Example("calldata",
            Bytes.fromHex("600035600052596000f3"), message(DEFAULT_GAS, Bytes.fromHex("aabbccdd")), Optional.empty(),
            StatusCode.SUCCESS, 7, Bytes.fromHex("aabbccdd" + "00".repeat(28)), Optional.empty());

    /** SLOAD slot 0, add 1, SSTORE: a counter in storage ({@code …bb} becomes {@code …bc}). */
    public static final Example COUNTER = new Example("counter",
            Bytes.fromHex("60016000540160005500"), message(DEFAULT_GAS, Bytes.EMPTY),
            Optional.of(Bytes32.fromLong(0xbb)), StatusCode.SUCCESS, 7, Bytes.EMPTY,
            Optional.of(Bytes32.fromLong(0xbc)));

    /** PUSH32 of {@code d0…ef}, MSTORE, RETURN of those 32 bytes. */
    public static final Example PUSH32 = new Example("push32",
            Bytes.fromHex("7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3"),
            message(DEFAULT_GAS, Bytes.EMPTY), Optional.empty(), StatusCode.SUCCESS, 6,
            Bytes.fromHex("d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef"), Optional.empty());

    /** All four, in the order of the issue. */
    public static final List<Example> ALL = List.of(ADDRESS, CALLDATA, COUNTER, PUSH32);

    private Examples() {
    }

    /**
     * Finds an example by its {@link Example#name()}, the value JMH passes as a parameter.
     *
     * @param name one of {@code address}, {@code calldata}, {@code counter}, {@code push32}
     * @return the example
     * @throws IllegalArgumentException naming the known names
     */
    public static Example named(String name) {
        return ALL.stream().filter(example -> example.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example named '" + name + "'; known: "
                        + ALL.stream().map(Example::name).toList()));
    }

    private static Message message(long gas, Bytes input) {
        return Message.builder().gas(gas).recipient(RECIPIENT).input(input).build();
    }
}
