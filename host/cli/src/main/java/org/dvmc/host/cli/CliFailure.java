package org.dvmc.host.cli;

import org.dvmc.host.loader.Escaping;
import org.dvmc.host.loader.LoaderException;

/**
 * A failure the command reports as one message on stderr and an exit status, without a stack trace:
 * invalid hex, an unreadable {@code @FILE}, a loader error. Thrown by the commands and turned into the
 * exit status by {@link Invocation}.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        // No stack trace: the message is the whole report.
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A usage error (exit status 2) with {@code message}. */
    static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }

    /**
     * A loader error: its message, and its code (1..7) as the exit status. The message may quote plugin text (an
     * exception's message, a codename), so control characters in it are escaped: one error, one line.
     */
    static CliFailure of(LoaderException exception) {
        return new CliFailure(exception.errorCode().code(), Escaping.escape(exception.getMessage()));
    }

    /** The exit status the command ends with. */
    int exitCode() {
        return exitCode;
    }
}
