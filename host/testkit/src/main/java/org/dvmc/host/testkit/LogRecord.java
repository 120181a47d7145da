package org.dvmc.host.testkit;

import java.util.List;
import java.util.Objects;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;

/**
 * A log recorded by {@link MockedHost#emitLog}. Immutable.
 *
 * @param creator the account that emitted it
 * @param data    the log data
 * @param topics  0 to 4 topics
 */
public record LogRecord(Address creator, Bytes data, List<Bytes32> topics) {

    /**
     * Checks the fields and copies the topics.
     *
     * @param creator the account that emitted it
     * @param data    the log data
     * @param topics  0 to 4 topics
     * @throws NullPointerException if a field is null
     */
    public LogRecord {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(data, "data");
        topics = List.copyOf(topics);
    }
}
