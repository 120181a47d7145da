package org.dvmc.host.testkit;

import java.util.Objects;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;

/**
 * One execution the suite performs: code, message and revision. Each run gets a fresh
 * {@link MockedHost} set up the same way, so equal VMs give equal results whatever ran before.
 *
 * @param label   how reports name it, e.g. {@code "fe00 as CALL"}
 * @param message the message, whose gas bounds the result's gas left
 * @param code    the code executed
 */
record Execution(String label, Message message, Bytes code) {

    /** Gas every suite execution gets, in gas units. */
    static final long GAS = 65_536;
    /** The revision every suite execution runs under. */
    static final Revision REVISION = Revision.LATEST_STABLE;
    /** The executing account of calls. */
    static final Address CALL_RECIPIENT = Address.fromHex("c0de000000000000000000000000000000000001");
    /** The account a creation makes, as the {@code dvmc run --create} host uses. */
    static final Address CREATE_RECIPIENT = Address.fromHex("c9ea7ed000000000000000000000000000000001");
    /** The caller. */
    static final Address SENDER = Address.fromHex("5e4de40000000000000000000000000000000001");
    /** The input of calls: a 32-byte word and a little more, so input-reading code sees data. */
    static final Bytes INPUT = Bytes.fromHex(
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20c0ffee");

    Execution {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /** {@code code} run as a CALL of {@link #CALL_RECIPIENT} with {@link #INPUT} and {@link #GAS}. */
    static Execution call(Bytes code) {
        Message message = Message.builder().kind(CallKind.CALL).gas(GAS).recipient(CALL_RECIPIENT)
                .codeAddress(CALL_RECIPIENT).sender(SENDER).input(INPUT).value(Bytes32.ZERO).build();
        return new Execution(hexOrEmpty(code) + " as CALL", message, code);
    }

    /** {@code code} run as the init code of a CREATE of {@link #CREATE_RECIPIENT} with {@link #GAS}. */
    static Execution create(Bytes code) {
        Message message = Message.builder().kind(CallKind.CREATE).gas(GAS).recipient(CREATE_RECIPIENT)
                .sender(SENDER).build();
        return new Execution(hexOrEmpty(code) + " as CREATE", message, code);
    }

    /** A CALL with empty code whose code address (and recipient) is {@code address}, as for a precompile. */
    static Execution callAddress(Address address) {
        Message message = Message.builder().kind(CallKind.CALL).gas(GAS).recipient(address).codeAddress(address)
                .sender(SENDER).input(INPUT).build();
        return new Execution("a call to " + address, message, Bytes.EMPTY);
    }

    /** Runs on {@code vm} against a fresh host; the result is closed, its values readable. */
    Result runOn(Vm vm) {
        return VmCalls.execute(vm, newHost(), REVISION, message, code);
    }

    private MockedHost newHost() {
        MockedHost host = new MockedHost();
        host.account(SENDER).balance(Bytes32.fromLong(1_000_000_000_000_000_000L));
        if (!message.kind().isCreate() && !code.isEmpty()) {
            host.account(message.recipient()).code(code).balance(Bytes32.fromLong(1_000));
        }
        return host;
    }

    private static String hexOrEmpty(Bytes code) {
        return code.isEmpty() ? "empty code" : code.toHex();
    }
}
