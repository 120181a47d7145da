package org.dvmc.host.loader;

import java.util.Objects;

/**
 * One {@code name=value} option of a VM configuration, passed to
 * {@link org.dvmc.spi.Vm#setOption(String, String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  the option name; non-empty
 * @param value the value; {@code ""} for a bare {@code name} without {@code =}
 */
public record VmOption(String name, String value) {

    /**
     * Checks the name and value.
     *
     * @param name  the option name; non-null and non-empty, passed to the VM as given
     * @param value the value; non-null, {@code ""} for a bare {@code name}
     * @throws IllegalArgumentException if {@code name} is empty
     * @throws NullPointerException     if {@code name} or {@code value} is null
     */
    public VmOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an option name cannot be empty");
        }
    }

    /** {@code name=value}, or {@code name} alone when the value is empty. */
    @Override
    public String toString() {
        return value.isEmpty() ? name : name + "=" + value;
    }
}
