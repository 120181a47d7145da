package org.dvmc.host.testkit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;

/** The contract's rules on a result's values, each broken rule told in one line. */
final class ResultRules {

    /** The statuses a call to a precompile address may give. */
    static final Set<StatusCode> PRECOMPILE_STATUSES = EnumSet.of(StatusCode.SUCCESS, StatusCode.OUT_OF_GAS,
            StatusCode.FAILURE, StatusCode.REVERT, StatusCode.REJECTED);

    private static final int SHOWN_OUTPUT_BYTES = 32;

    private ResultRules() {
    }

    /**
     * The first rule {@code result} of executing {@code message} breaks: gas left within 0..gas, gas
     * left 0 and output empty unless success or revert, gas refund 0 unless success, create address zero
     * unless a creation succeeded. The same rules as the loader's result contract.
     */
    static Optional<String> violation(Message message, Result result) {
        StatusCode status = result.status();
        if (result.gasLeft() > message.gas()) {
            return Optional.of("status " + status + " with gas left " + result.gasLeft() + " but only " + message.gas()
                    + " given; gas left must be within 0.." + message.gas());
        }
        if (!status.keepsGasAndOutput() && result.gasLeft() != 0) {
            return Optional.of("status " + status + " but gas left " + result.gasLeft()
                    + "; must be 0 unless success or revert");
        }
        if (status != StatusCode.SUCCESS && result.gasRefund() != 0) {
            return Optional.of("status " + status + " but gas refund " + result.gasRefund()
                    + "; must be 0 unless success");
        }
        if (!status.keepsGasAndOutput() && !result.output().isEmpty()) {
            return Optional.of("status " + status + " but output " + show(result.output())
                    + "; must be empty unless success or revert");
        }
        boolean createdSomething = message.kind().isCreate() && status == StatusCode.SUCCESS;
        if (!createdSomething && !result.createAddress().isZero()) {
            return Optional.of("status " + status + " of a " + message.kind() + " but create address "
                    + result.createAddress() + "; must be zero unless a creation succeeded");
        }
        return Optional.empty();
    }

    /** {@code "empty"}, {@code "0x0102 (2 bytes)"} or {@code "0x0102… (40 bytes)"}: enough to recognise, short enough for one line. */
    static String show(Bytes output) {
        if (output.isEmpty()) {
            return "empty";
        }
        if (output.size() <= SHOWN_OUTPUT_BYTES) {
            return output + " (" + size(output) + ")";
        }
        return "0x" + output.slice(0, SHOWN_OUTPUT_BYTES).toHex() + "… (" + size(output) + ")";
    }

    private static String size(Bytes output) {
        return output.size() == 1 ? "1 byte" : output.size() + " bytes";
    }

    /** A short description of a result for mismatch reports. */
    static String describe(Result result) {
        StringBuilder text = new StringBuilder(result.status().description())
                .append(", gas left ").append(result.gasLeft());
        if (result.gasRefund() != 0) {
            text.append(", refund ").append(result.gasRefund());
        }
        text.append(", output ").append(show(result.output()));
        if (!result.createAddress().isZero()) {
            text.append(", create address ").append(result.createAddress());
        }
        return text.toString();
    }
}
