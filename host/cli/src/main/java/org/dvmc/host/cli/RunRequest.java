package org.dvmc.host.cli;

import java.util.Objects;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;

/**
 * What {@code dvmc run} was asked to do, with every argument parsed. Immutable.
 *
 * @param revision the revision to execute under
 * @param gas      the gas limit of the call, in gas units, 0..1,000,000,000
 * @param code     the code: the code to call, or with {@code create} the init code
 * @param input    the call's input data
 * @param create   whether to run {@code code} as init code first and call the code it returns
 * @param bench    whether to time repeated executions of the call
 */
record RunRequest(Revision revision, long gas, Bytes code, Bytes input, boolean create, boolean bench) {

    RunRequest {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(input, "input");
    }
}
