package org.dvmc.host.cli;

import org.dvmc.spi.Bytes;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;

/**
 * Executes code on a VM, the way {@link org.dvmc.host.loader.LoadedVm#execute} does: never throws and
 * never returns null. {@code run} gets one from the loader; tests pass a lambda.
 */
@FunctionalInterface
interface VmExecutor {

    /** Executes {@code code} for {@code message} under {@code revision} against {@code host}; the caller closes the result. */
    Result execute(Host host, Revision revision, Message message, Bytes code);
}
