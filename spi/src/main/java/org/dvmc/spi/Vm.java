package org.dvmc.spi;

import java.util.Set;

/**
 * A DVM implementation instance (the C description's {@code dvmc_vm}), made by a {@link VmFactory}.
 *
 * <p><b>Threading.</b> A host may call {@link #retrieveDescVx} from many threads at once on one
 * instance, so an implementation keeps no per-execution state in the instance: stack, memory and
 * program counter live in locals or in objects made for one call. {@link #setOption} is called
 * before the first execution, from one thread; {@link #close()} after the last one.
 *
 * <p><b>Nulls.</b> No method returns null; every argument the host passes is non-null.
 */
public interface Vm extends AutoCloseable {

    /**
     * The DVMC ABI version this VM was built against; implementations return
     * {@link Dvmc#ABI_VERSION}, which is inlined at compile time. The host refuses an instance whose
     * number differs from its own.
     *
     * @return {@link Dvmc#ABI_VERSION} of the spi the VM was compiled against
     */
    int abiVersion();

    /** {@return the VM's name, non-empty and the same on every call, e.g. {@code "trans_log"}} */
    String name();

    /** {@return the VM's version, non-empty and the same on every call, e.g. {@code "1.0.0"}} */
    String version();

    /** {@return what the VM can execute: at least one capability, in an immutable set the same on every call} */
    Set<Capability> capabilities();

    /**
     * True when {@link #capabilities()} contains {@code capability}.
     *
     * @param capability the capability asked about
     * @return true when {@link #capabilities()} contains {@code capability}
     */
    default boolean hasCapability(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Sets a VM-specific option (C: {@code set_option}). The host calls it before any execution, once
     * per option in the order the user gave them.
     *
     * <p>The default implementation rejects every name with {@link SetOptionResult#INVALID_NAME}.
     *
     * @param name  the option name, non-empty
     * @param value the value; the empty string stands for "no value" (the host passes {@code ""} for a
     *              bare {@code name} in a configuration). Implementations should treat a null from a
     *              careless caller like the empty string rather than throw.
     * @return SUCCESS when applied, INVALID_NAME for an unknown name, INVALID_VALUE for a bad value;
     *         never throws for any input
     */
    default SetOptionResult setOption(String name, String value) {
        return SetOptionResult.INVALID_NAME;
    }

    /**
     * Executes {@code code} for {@code message} against {@code host} (C: {@code retrieve_desc_vx}).
     *
     * <p>May be called concurrently on one instance; see the class comment. The VM reaches state only
     * through {@code host}, and only from the calling thread, before returning.
     *
     * @param host     the host of this execution
     * @param revision the rules to execute under
     * @param message  the call or creation
     * @param code     the code to execute; may be empty
     * @return the result, never null; the caller owns it and closes it. Failures of the executed code
     *         are results, not exceptions: an implementation should not throw, and a host treats an
     *         exception as {@link StatusCode#INTERNAL_ERROR}.
     */
    Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code);

    /**
     * Frees every resource the VM allocated (C: {@code destroy}). Safe to call more than once; no
     * other method is called after it. The default does nothing.
     */
    @Override
    default void close() {
    }
}
