package org.dvmc.benchmarks;

import java.util.Objects;
import java.util.Optional;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;

/**
 * One program of the trans_log issue with everything needed to run it and to check its result: the code, the
 * message (recipient {@link Examples#RECIPIENT}, gas, input), the slot 0 the host starts with (if any) and
 * the expected status, gas used, output and slot 0 afterwards.
 *
 * @param name          short name used as the JMH parameter value
 * @param code          the DVM bytecode
 * @param message       the message the host sends (code is passed separately, as in {@code retrieveDescVx})
 * @param initialSlot0  slot 0 of the recipient before the first execution, if the example needs one
 * @param status        the expected status
 * @param gasUsed       the expected gas used ({@code message.gas() - gasLeft})
 * @param output        the expected output
 * @param expectedSlot0 slot 0 of the recipient after one execution, if the example writes it
 */
public record Example(String name, Bytes code, Message message, Optional<Bytes32> initialSlot0, StatusCode status,
        long gasUsed, Bytes output, Optional<Bytes32> expectedSlot0) {

    /** The revision every example runs on: the latest stable one, as the {@code dvmc run} default. */
    public static final Revision REVISION = Revision.LATEST_STABLE;

    /** Checks the components are present. */
    public Example {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(initialSlot0, "initialSlot0");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(expectedSlot0, "expectedSlot0");
    }

    /**
     * A host prepared for this example: the recipient exists and holds the initial slot 0, if any.
     *
     * @return a new host; not thread-safe, so one per benchmark thread
     */
    public MockedHost newHost() {
        MockedHost host = new MockedHost();
        host.account(Examples.RECIPIENT);
        initialSlot0.ifPresent(value -> host.account(Examples.RECIPIENT).storage(Bytes32.ZERO, value));
        return host;
    }

    /**
     * Checks one execution's result against the expectation; a benchmark's setup calls this on a fresh host
     * before measuring, so a fast but wrong VM cannot produce a figure.
     *
     * @param result the result of one execution on a host made by {@link #newHost()}
     * @param host   that host, after the execution
     * @throws IllegalStateException naming the example and the first difference
     */
    public void verify(Result result, MockedHost host) {
        check("status", status, result.status());
        check("gas used", gasUsed, message.gas() - result.gasLeft());
        check("output", output, result.output());
        expectedSlot0.ifPresent(expected -> check("slot 0", expected,
                host.getStorage(Examples.RECIPIENT, Bytes32.ZERO)));
    }

    private void check(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("example " + name + ": expected " + what + " " + expected + " but got "
                    + actual + " — the VM under benchmark is wrong, fix it before timing it");
        }
    }

    /** @return the revision to run on */
    public Revision revision() {
        return REVISION;
    }
}
