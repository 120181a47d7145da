package org.dvmc.host.difftest;

import java.util.stream.Collectors;
import org.dvmc.host.testkit.LogRecord;
import org.dvmc.host.testkit.SelfdestructRecord;
import org.dvmc.spi.Message;
import org.dvmc.spi.MessageFlag;

/** The text of observed values in reports: compact, one line, hex without {@code 0x}. Stateless. */
public final class Render {

    private Render() {
    }

    /**
     * A nested call's message: every field the contract defines.
     *
     * @param message the message; non-null
     * @return one line: kind, depth, gas, recipient, sender, value, input and code address, then the flags,
     *         CREATE2 salt and code only when they are set
     */
    public static String message(Message message) {
        StringBuilder text = new StringBuilder(message.kind().name())
                .append(" depth ").append(message.depth())
                .append(" gas ").append(message.gas())
                .append(" to ").append(message.recipient().toHex())
                .append(" from ").append(message.sender().toHex())
                .append(" value ").append(message.value().toHex())
                .append(" input ").append(hex(message.input().toHex()))
                .append(" code address ").append(message.codeAddress().toHex());
        if (!message.flags().isEmpty()) {
            text.append(" flags ").append(message.flags().stream().map(MessageFlag::name).sorted()
                    .collect(Collectors.joining(",")));
        }
        if (!message.create2Salt().isZero()) {
            text.append(" salt ").append(message.create2Salt().toHex());
        }
        if (!message.code().isEmpty()) {
            text.append(" code ").append(message.code().toHex());
        }
        return text.toString();
    }

    /**
     * A log: its creator, topics and data.
     *
     * @param log the log; non-null
     * @return one line, e.g. {@code <creator> topics [<t1>, <t2>] data <hex>}; {@code (empty)} for empty data
     */
    public static String log(LogRecord log) {
        return log.creator().toHex() + " topics [" + log.topics().stream().map(t -> t.toHex())
                .collect(Collectors.joining(", ")) + "] data " + hex(log.data().toHex());
    }

    /**
     * A selfdestruct: the account and its beneficiary.
     *
     * @param record the selfdestruct; non-null
     * @return one line, {@code <address> to <beneficiary>}
     */
    public static String selfdestruct(SelfdestructRecord record) {
        return record.address().toHex() + " to " + record.beneficiary().toHex();
    }

    /** Hex, or {@code (empty)} for nothing. */
    static String hex(String hex) {
        return hex.isEmpty() ? "(empty)" : hex;
    }
}
