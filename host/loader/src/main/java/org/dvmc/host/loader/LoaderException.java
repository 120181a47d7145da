package org.dvmc.host.loader;

import java.util.Objects;

/**
 * A failure to find, open, create or configure a VM, carrying a {@link LoaderErrorCode}.
 *
 * <p>The message names the jar or codename concerned and says what to do about it, so a host can show
 * it to its user as it is. The cause, when there is one, is what the plugin or the VM threw.
 * Instances are immutable once thrown and safe to share between threads.
 */
public final class LoaderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; never null, never {@link LoaderErrorCode#SUCCESS}. Part of the serial form. */
    private final LoaderErrorCode errorCode;

    /**
     * @param code    what kind of failure; not {@link LoaderErrorCode#SUCCESS}
     * @param message what failed and what to do, naming the jar or codename
     */
    public LoaderException(LoaderErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    what kind of failure; not {@link LoaderErrorCode#SUCCESS}
     * @param message what failed and what to do, naming the jar or codename
     * @param cause   what the plugin or VM threw, or null when nothing was thrown
     */
    public LoaderException(LoaderErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorCode = Objects.requireNonNull(code, "code");
        if (code == LoaderErrorCode.SUCCESS) {
            throw new IllegalArgumentException("a loader exception cannot carry SUCCESS");
        }
    }

    /**
     * What kind of failure this is.
     *
     * @return the error code, never null and never {@link LoaderErrorCode#SUCCESS}; its
     *         {@link LoaderErrorCode#code()} is the exit status a command-line host uses
     */
    public LoaderErrorCode errorCode() {
        return errorCode;
    }
}
