package org.dvmc.host.loader;

import java.util.Optional;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;

/**
 * The rules every result must keep, checked by {@link LoadedVm#execute} for every host: a VM that breaks
 * one would otherwise make the host print or charge nonsense (e.g. "Gas used: -1000"). Stateless.
 *
 * <ul>
 *   <li>gas left is within 0..the message's gas;</li>
 *   <li>gas left is 0 unless the status is success or revert;</li>
 *   <li>the gas refund is 0 unless the status is success;</li>
 *   <li>the output is empty unless the status is success or revert;</li>
 *   <li>the create address is zero unless a creation succeeded.</li>
 * </ul>
 */
final class ResultContract {

    private ResultContract() {
    }

    /** The first rule {@code result} of executing {@code message} breaks, in words; empty when it keeps them all. */
    static Optional<String> violation(Message message, Result result) {
        StatusCode status = result.status();
        if (status == null) {
            return Optional.of("the status is null");
        }
        if (result.gasLeft() < 0 || result.gasLeft() > message.gas()) {
            return Optional.of("gas left " + result.gasLeft() + " is not within 0.." + message.gas()
                    + " (the message's gas)");
        }
        if (!status.keepsGasAndOutput() && result.gasLeft() != 0) {
            return Optional.of("status " + status.description() + " with gas left " + result.gasLeft()
                    + "; gas left must be 0 unless success or revert");
        }
        if (status != StatusCode.SUCCESS && result.gasRefund() != 0) {
            return Optional.of("status " + status.description() + " with gas refund " + result.gasRefund()
                    + "; the refund must be 0 unless success");
        }
        if (!status.keepsGasAndOutput() && !result.output().isEmpty()) {
            return Optional.of("status " + status.description() + " with " + result.output().size()
                    + " bytes of output; the output must be empty unless success or revert");
        }
        boolean created = message.kind().isCreate() && status == StatusCode.SUCCESS;
        if (!created && !result.createAddress().isZero()) {
            return Optional.of("status " + status.description() + " of a " + message.kind() + " with create address "
                    + result.createAddress() + "; it must be zero unless a creation succeeded");
        }
        return Optional.empty();
    }
}
