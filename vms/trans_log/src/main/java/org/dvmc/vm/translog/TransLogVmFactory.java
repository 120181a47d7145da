package org.dvmc.vm.translog;

import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;

/**
 * Creates {@link TransLogVm} instances; the Java form of the C description's
 * {@code dvmc_create_trans_log_vm()}.
 *
 * <p>Registered in {@code META-INF/services/org.dvmc.spi.VmFactory}, so both the DVMC host (inside the
 * plugin jar) and {@link java.util.ServiceLoader} (on a plain class path) find it. Construction is
 * free; thread-safe.
 */
public final class TransLogVmFactory implements VmFactory {

    /** The codename users select this VM by. */
    public static final String CODENAME = "trans_log";

    /** The no-argument constructor {@link java.util.ServiceLoader} needs. */
    public TransLogVmFactory() {
    }

    @Override
    public String codename() {
        return CODENAME;
    }

    /**
     * A new, independent VM with {@code verbose} 0.
     *
     * @throws IllegalStateException if the build information resource is missing (a broken build)
     */
    @Override
    public Vm create() {
        return new TransLogVm();
    }
}
