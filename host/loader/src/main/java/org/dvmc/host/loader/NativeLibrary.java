package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A native VM library to open and the create functions to try in it, in order. Immutable.
 *
 * @param path            the shared library (absolute or relative to the working directory)
 * @param createFunctions the names of the create functions to look up, first found wins; not empty
 * @param description     names the VM and where it came from, for messages, e.g.
 *                        {@code "native library /opt/vms/libevmone.so"}
 */
public record NativeLibrary(Path path, List<String> createFunctions, String description) {

    /**
     * Checks the components.
     *
     * @param path            the shared library; non-null
     * @param createFunctions the create function names to try, in order; not empty
     * @param description     the VM and where it came from, for messages; non-null
     * @throws NullPointerException     if {@code path} or {@code description} is null
     * @throws IllegalArgumentException if {@code createFunctions} is empty
     */
    public NativeLibrary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        createFunctions = List.copyOf(createFunctions);
        if (createFunctions.isEmpty()) {
            throw new IllegalArgumentException("a native library needs at least one create function name");
        }
    }
}
