package org.dvmc.host.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;

/**
 * The factory of a native VM: a shared library given by path, or the library a native plugin jar
 * carries (extracted on first use). Creating goes through the bridge ({@link NativeVmLinker}), which needs
 * Java 22+; the loader calls {@link #link()} to keep the bridge's error codes. Thread-safe.
 */
final class NativeVmFactory implements VmFactory {

    private final String codename;
    private final Path path;
    /**
     * The file the bytes come from: for a plugin, the jar's private checked copy the library is extracted from;
     * for a library by path, the library itself or, with pinning, its checked private copy.
     */
    private final Path readFrom;
    private final Optional<NativePluginManifest> plugin;
    private final String description;
    private NativeLibrary extracted;

    private NativeVmFactory(String codename, Path path, Path readFrom, Optional<NativePluginManifest> plugin,
            String description) {
        this.codename = codename;
        this.path = path;
        this.readFrom = readFrom;
        this.plugin = plugin;
        this.description = description;
    }

    /**
     * The VM of the shared library at {@code library}, its create function found by the file name.
     *
     * @param library the library as given, which names the VM and its create function
     * @param loadFrom the file the system loads: {@code library} itself, or its checked private copy
     */
    static NativeVmFactory ofLibrary(Path library, Path loadFrom) {
        return new NativeVmFactory(NativeLibraryNames.vmName(library), library, loadFrom, Optional.empty(),
                "native library " + library);
    }

    /**
     * The VM a native plugin jar carries.
     *
     * @param jar      the jar as found, for messages
     * @param copy     the jar's private copy whose bytes passed the ABI gate (and pinning): the library is
     *                 extracted from it, never from {@code jar}, which may have been replaced since
     * @param manifest the jar's native attributes
     */
    static NativeVmFactory ofPlugin(Path jar, Path copy, NativePluginManifest manifest) {
        return new NativeVmFactory(manifest.codename(), jar, copy, Optional.of(manifest),
                "native VM " + manifest.codename() + " (" + manifest.library() + " in " + jar + ")");
    }

    @Override
    public String codename() {
        return codename;
    }

    /** What the VM is and where it comes from, for messages. */
    String description() {
        return description;
    }

    /** Links a new instance, with the loader's error codes. */
    Vm link() throws LoaderException {
        NativeVmLinker linker = NativeBridge.linker(description);
        return linker.link(library());
    }

    /** The plain factory contract: a loader failure becomes an {@link IllegalStateException} carrying it. */
    @Override
    public Vm create() {
        try {
            return link();
        } catch (LoaderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private synchronized NativeLibrary library() throws LoaderException {
        if (plugin.isEmpty()) {
            return new NativeLibrary(readFrom, NativeLibraryNames.createFunctions(path), description);
        }
        if (extracted == null) {
            NativePluginManifest manifest = plugin.get();
            Path file = NativeLibraryExtractor.extract(readFrom, manifest.entryName(), manifest.library());
            List<String> create = manifest.createFunction().map(List::of)
                    .orElseGet(() -> NativeLibraryNames.createFunctions(Path.of(manifest.library())));
            extracted = new NativeLibrary(file, create, description);
        }
        return extracted;
    }
}
