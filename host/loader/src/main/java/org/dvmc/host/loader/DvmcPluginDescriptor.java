package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.DefaultPluginDescriptor;

/**
 * A PF4J descriptor that also remembers the jar it was read from and its {@code Dvmc-Abi-Version}
 * text, so the plugin manager can apply the ABI gate a second time before it makes a class loader.
 */
final class DvmcPluginDescriptor extends DefaultPluginDescriptor {

    private Path jar;
    private Path loadedFrom;
    private String abiVersion;

    DvmcPluginDescriptor() {
    }

    DvmcPluginDescriptor located(Path jar, String abiVersion) {
        this.jar = jar;
        this.loadedFrom = jar;
        this.abiVersion = abiVersion;
        return this;
    }

    /** Sets the file the class loader reads: the private copy the descriptor was read from. */
    DvmcPluginDescriptor loadedFrom(Path copy) {
        this.loadedFrom = copy;
        return this;
    }

    /** The jar as found (in the plugins directory, or as given); messages name this one. */
    Path jar() {
        return jar;
    }

    /** The file PF4J loads: the scan's private copy of {@link #jar()}, which is what was inspected. */
    Path loadedFrom() {
        return loadedFrom;
    }

    /** The declared {@code Dvmc-Abi-Version} text, empty when the manifest has none. */
    Optional<String> abiVersion() {
        return Optional.ofNullable(abiVersion);
    }

    // Equality stays PF4J's (id, version, ...): the jar and ABI text are bookkeeping, not identity.
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
