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

    /**
     * Checks the fields.
     *
     * @param status        the status; non-null
     * @param gasLeft       the gas left, in gas units
     * @param gasRefund     the gas refund, in gas units
     * @param output        the output; non-null, possibly empty
     * @param createAddress the address of a created contract; non-null, zero when none
     * @throws NullPointerException if a field is null
     */
    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(createAddress, "createAddress");
    }

    /**
     * The values of {@code result}, without its cause. Does not close the result.
     *
     * @param result the result; non-null
     * @return its status, gas left, gas refund, output and create address
     */
    public static Outcome of(Result result) {
        return new Outcome(result.status(), result.gasLeft(), result.gasRefund(), result.output(), result.createAddress());
    }
}
