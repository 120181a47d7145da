package com.example.echovm;

import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;

/**
 * Creates {@link EchoVm} instances: the Java form of the C description's {@code dvmc_create_echo_vm()}.
 * Named in {@code META-INF/services/org.dvmc.spi.VmFactory}, so the DVMC host finds it inside the
 * plugin jar and {@link java.util.ServiceLoader} finds it on a plain class path. Thread-safe.
 */
public final class EchoVmFactory implements VmFactory {

    /** The codename users select this VM by: {@code dvmc --vm echo_vm …}. */
    public static final String CODENAME = "echo_vm";

    /** The public no-argument constructor the service loader needs; cheap, as the host may never call create(). */
    public EchoVmFactory() {
    }

    @Override
    public String codename() {
        return CODENAME;
    }

    @Override
    public Vm create() {
        return new EchoVm();
    }
}
