package org.dvmc.spi;

import java.util.regex.Pattern;

/**
 * Creates instances of one VM (the C description's {@code dvmc_create_<codename>()} function).
 *
 * <p>An implementation has a public no-argument constructor and is named, one class name per line,
 * in the resource {@code META-INF/services/org.dvmc.spi.VmFactory} of its jar. That makes it
 * discoverable both by {@link java.util.ServiceLoader} on a plain class path and by the DVMC host
 * inside a plugin jar. The constructor should be cheap: the host may construct factories it never
 * uses.
 *
 * <p>Implementations are thread-safe: the host may call {@link #create()} from any thread.
 */
public interface VmFactory {

    /** The longest codename a host accepts, in characters. */
    int MAX_CODENAME_LENGTH = 64;

    /**
     * What a codename may consist of: lower-case ASCII letters, digits and underscores, starting with a letter, at
     * most {@value #MAX_CODENAME_LENGTH} characters in all.
     */
    Pattern CODENAME_PATTERN = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_CODENAME_LENGTH - 1) + "}");

    /**
     * The codename users select the VM by, e.g. {@code "trans_log"}; matches {@link #CODENAME_PATTERN}
     * and is the same on every call.
     *
     * @return the codename
     */
    String codename();

    /**
     * Creates a new, independent VM instance. The caller owns it and closes it.
     *
     * @return a new instance, never null
     * @throws RuntimeException if the VM cannot be created; the host reports it as a VM creation failure
     */
    Vm create();
}
