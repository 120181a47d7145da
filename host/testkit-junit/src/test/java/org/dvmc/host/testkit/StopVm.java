package org.dvmc.host.testkit;

import java.util.Set;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;

/** A VM that meets the contract with the least code: empty code or STOP succeeds, anything else is undefined. */
class StopVm implements Vm {

    /** Creates {@link StopVm}s under a codename of the test's choosing. */
    record Factory(String codename) implements VmFactory {
        @Override
        public Vm create() {
            return new StopVm();
        }
    }

    @Override
    public int abiVersion() {
        return Dvmc.ABI_VERSION;
    }

    @Override
    public String name() {
        return "stop_vm";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DVM1);
    }

    @Override
    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
        return code.size() == 0 || code.getUnsigned(0) == 0x00
                ? Result.success(message.gas(), Bytes.EMPTY)
                : Result.failure(StatusCode.UNDEFINED_INSTRUCTION);
    }
}
