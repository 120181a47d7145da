package org.dvmc.spi;

/** A factory registered only in the test resources, to prove ServiceLoader discovery works. */
public final class ServiceLoaderTestVmFactory implements VmFactory {

    /** ServiceLoader needs a public no-argument constructor. */
    public ServiceLoaderTestVmFactory() {
    }

    @Override
    public String codename() {
        return "service_loader_test";
    }

    @Override
    public Vm create() {
        return new MinimalVm();
    }
}
