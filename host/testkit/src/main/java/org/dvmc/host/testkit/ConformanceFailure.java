package org.dvmc.host.testkit;

/**
 * Thrown by a {@link ConformanceCheck.Procedure} when the VM breaks the contract; the message
 * becomes the check's failure detail as it is, so it says what is wrong and what the contract
 * requires. Any other exception a procedure lets out is reported with its class name.
 */
public final class ConformanceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure of the check that throws it.
     *
     * @param detail one line saying what is wrong and what is required
     */
    public ConformanceFailure(String detail) {
        super(detail, null, false, false);
    }
}
