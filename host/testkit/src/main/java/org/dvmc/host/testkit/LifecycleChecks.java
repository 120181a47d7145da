package org.dvmc.host.testkit;

import org.dvmc.spi.Bytes;
import org.dvmc.spi.Vm;

/** The check on {@code close()}: after an execution, closing twice is harmless. */
final class LifecycleChecks {

    private LifecycleChecks() {
    }

    static String closeTwice(VmSource source) {
        Vm vm = source.create();
        try {
            // Executing first lets a VM allocate what close() must free; how the execution went is
            // the other checks' business.
            Execution.call(Bytes.fromHex("00")).runOn(vm);
        } catch (ConformanceFailure reportedElsewhere) {
            // e.g. retrieveDescVx threw: call-fe00 and others say so.
        }
        VmCalls.close(vm);
        try {
            vm.close();
        } catch (Throwable t) {
            throw new ConformanceFailure("the second close() threw " + Throwables.describe(t)
                    + "; close() must be safe to call more than once");
        }
        return "close() twice after an execution returned normally";
    }
}
