package org.dvmc.benchmarks;

import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;

/**
 * A way of executing code: the VM called directly, the raw VM of a loaded plugin, or the host's guarded call.
 * Lets every benchmark check its path with {@link #verify} before timing it.
 */
@FunctionalInterface
public interface ExampleRunner {

    /**
     * Executes code, as {@code Vm.retrieveDescVx} does.
     *
     * @param host     the host
     * @param revision the revision
     * @param message  the message
     * @param code     the code
     * @return the result, not yet closed
     */
    Result execute(Host host, Revision revision, Message message, Bytes code);

    /**
     * Runs an example once on a fresh host through a runner and checks the result.
     *
     * @param example the example
     * @param runner  the path under test
     * @throws IllegalStateException if the result is wrong
     */
    static void verify(Example example, ExampleRunner runner) {
        MockedHost host = example.newHost();
        try (Result result = runner.execute(host, example.revision(), example.message(), example.code())) {
            example.verify(result, host);
        }
    }
}
