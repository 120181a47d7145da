package org.dvmc.host.cli;

import org.dvmc.spi.StatusCode;

/**
 * The exit statuses of the {@code dvmc} command, besides the loader's error codes 1..7 (see
 * {@link org.dvmc.host.loader.LoaderErrorCode#code()}). Constants only.
 */
final class ExitCodes {

    /** The command did what was asked; for {@code run}, whatever the VM's status. */
    static final int OK = 0;
    /** {@code test-vm}: at least one conformance check failed. */
    static final int CHECKS_FAILED = 1;
    /** A usage error: unknown option, value out of range, invalid hex, unreadable {@code @FILE}, no {@code --vm}. */
    static final int USAGE = 2;
    /** {@code diff} and {@code fuzz}: the VMs disagree. Above every status code and loader error code. */
    static final int DISAGREE = 32;

    private ExitCodes() {
    }

    /**
     * The exit status for a failed {@code --create}: the status's C number, reduced to the low 8 bits
     * as a process exit status is, so {@code internal error} (-1) exits with 255, {@code rejected} (-2)
     * with 254 and {@code out of memory} (-3) with 253.
     */
    static int ofStatus(StatusCode status) {
        return status.code() & 0xff;
    }
}
