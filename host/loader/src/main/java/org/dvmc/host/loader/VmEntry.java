package org.dvmc.host.loader;

import java.util.Objects;
import org.dvmc.spi.VmFactory;

/**
 * One VM the loader can create: its codename, its factory and where the factory came from.
 *
 * <p>Immutable; the factory is thread-safe by the {@link VmFactory} contract. Calling
 * {@code factory().create()} directly bypasses the loader's checks; use {@link VmLoader#load} instead.
 *
 * @param codename the codename users select the VM by; matches {@link VmFactory#CODENAME_PATTERN}
 * @param factory  the factory, loaded in its plugin's class loader (or the classpath's)
 * @param source   where the factory came from
 */
public record VmEntry(String codename, VmFactory factory, VmSource source) {

    /**
     * Checks that every component is present. The codename's format is not checked here: the loader only
     * makes entries whose codename matches {@link VmFactory#CODENAME_PATTERN}.
     *
     * @param codename the codename users select the VM by; non-null
     * @param factory  the factory; non-null
     * @param source   where the factory came from; non-null
     * @throws NullPointerException if any argument is null
     */
    public VmEntry {
        Objects.requireNonNull(codename, "codename");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Whether this is a native VM.
     *
     * @return true for a native (C/C++) VM, run through the bridge, which needs Java 22+; false for a Java VM
     */
    public boolean isNative() {
        return factory instanceof NativeVmFactory;
    }

    /** {@code codename from source}, for messages. */
    String describe() {
        return "VM " + codename + " from " + source.describe();
    }
}
