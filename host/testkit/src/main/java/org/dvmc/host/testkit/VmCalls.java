package org.dvmc.host.testkit;

import java.util.function.Supplier;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.Vm;

/**
 * Calls into a VM that turn an escaping exception or a null into a {@link ConformanceFailure} naming
 * the method and the rule it broke.
 */
final class VmCalls {

    private VmCalls() {
    }

    /** The value of {@code call}, which must neither throw nor return null. */
    static <T> T nonNull(String method, Supplier<T> call) {
        T value;
        try {
            value = call.get();
        } catch (ConformanceFailure f) {
            throw f;
        } catch (Throwable t) {
            throw new ConformanceFailure(method + " threw " + Throwables.describe(t)
                    + "; no method of a VM may let an exception out");
        }
        if (value == null) {
            throw new ConformanceFailure(method + " returned null; no method of the contract may return null");
        }
        return value;
    }

    /** {@code vm.abiVersion()}, which must not throw. */
    static int abiVersion(Vm vm) {
        return nonNull("abiVersion()", vm::abiVersion);
    }

    /**
     * Executes and closes the result (running the VM's release hook); the values stay readable. A
     * throwing {@code retrieveDescVx} or release hook, or a null result, fails the check.
     */
    static Result execute(Vm vm, Host host, Revision revision, Message message, Bytes code) {
        Result result;
        try {
            result = vm.retrieveDescVx(host, revision, message, code);
        } catch (Throwable t) {
            throw new ConformanceFailure("retrieveDescVx threw " + Throwables.describe(t)
                    + "; a VM must report every failure as a Result (e.g. Result.internalError(cause)), never throw");
        }
        if (result == null) {
            throw new ConformanceFailure("retrieveDescVx returned null; it must always return a Result");
        }
        try {
            result.close();
        } catch (Throwable t) {
            throw new ConformanceFailure("the release hook of a " + result.status() + " result threw "
                    + Throwables.describe(t) + "; a release hook must free its resources and return");
        }
        return result;
    }

    /** {@code vm.close()}, which must not throw. */
    static void close(Vm vm) {
        try {
            vm.close();
        } catch (Throwable t) {
            throw new ConformanceFailure("close() threw " + Throwables.describe(t)
                    + "; close() must free the VM's resources and return, also when called twice");
        }
    }
}
