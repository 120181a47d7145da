package org.dvmc.spi;

import java.util.Set;

/**
 * The smallest {@link Vm} the tests need: it implements only the abstract methods, so every default
 * method of the interface is the one under test. Each execution succeeds with the message's gas left.
 */
final class MinimalVm implements Vm {

    @Override
    public int abiVersion() {
        return Dvmc.ABI_VERSION;
    }

    @Override
    public String name() {
        return "minimal";
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DVM1);
    }

    @Override
    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
        return Result.success(message.gas(), Bytes.EMPTY);
    }
}
