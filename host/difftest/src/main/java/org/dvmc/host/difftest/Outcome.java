package org.dvmc.host.difftest;

import java.util.Objects;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;

/**
 * The observable values of one {@link Result}: what two VMs must agree on. The result's {@code cause} (the
 * exception behind an internal error) is left out: two VMs may fail with different exceptions and still agree.
 * Immutable.
 *
 * @param status        the status
 * @param gasLeft       the gas left, in gas units
 * @param gasRefund     the gas refund, in gas units
 * @param output        the output
 * @param createAddress the address of a created contract (zero when none)
 */
public record Outcome(StatusCode status, long gasLeft, long gasRefund, Bytes output, Address createAddress) {

    /** @throws NullPointerException if a field is null */
    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(createAddress, "createAddress");
    }

    /** The values of {@code result}. */
    public static Outcome of(Result result) {
        return new Outcome(result.status(), result.gasLeft(), result.gasRefund(), result.output(), result.createAddress());
    }
}
