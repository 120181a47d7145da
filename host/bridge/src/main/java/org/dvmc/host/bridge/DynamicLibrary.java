package org.dvmc.host.bridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One opened shared library: {@code dlopen} with {@code RTLD_NOW | RTLD_LOCAL} (every undefined symbol is
 * resolved at once, so a library that cannot run fails here with the system's message rather than crashing
 * later), {@code dlsym}, and {@code dlclose} on {@link #close()}. Where the C library has no {@code dlopen}
 * (Windows) it falls back to {@link SymbolLookup#libraryLookup}, whose messages are less precise.
 * Thread-safe; closed once.
 */
final class DynamicLibrary implements AutoCloseable {

    private static final int RTLD_NOW = 2;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Optional<MethodHandle> DLOPEN = libc("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final Optional<MethodHandle> DLSYM = libc("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final Optional<MethodHandle> DLCLOSE = libc("dlclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final Optional<MethodHandle> DLERROR = libc("dlerror", FunctionDescriptor.of(ADDRESS));

    private final Path path;
    private final MemorySegment handle;
    private final Arena fallbackArena;
    private final SymbolLookup fallback;
    private boolean closed;

    private DynamicLibrary(Path path, MemorySegment handle, Arena fallbackArena, SymbolLookup fallback) {
        this.path = path;
        this.handle = handle;
        this.fallbackArena = fallbackArena;
        this.fallback = fallback;
    }

    /** Why a library could not be opened, with the system's message. */
    static final class OpenFailure extends Exception {
        private static final long serialVersionUID = 1L;

        OpenFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static DynamicLibrary open(Path path) throws OpenFailure {
        String file = path.toString();
        if (DLOPEN.isPresent() && DLSYM.isPresent() && DLCLOSE.isPresent() && DLERROR.isPresent()) {
            try (Arena arena = Arena.ofConfined()) {
                // A lock: dlerror's message is per thread, but keep open-and-read-error one step anyway.
                synchronized (DynamicLibrary.class) {
                    MemorySegment handle = (MemorySegment) DLOPEN.get().invokeExact(arena.allocateFrom(file), RTLD_NOW);
                    if (handle.equals(MemorySegment.NULL)) {
                        throw new OpenFailure(lastError().orElse("dlopen failed"), null);
                    }
                    return new DynamicLibrary(path, handle, null, null);
                }
            } catch (OpenFailure e) {
                throw e;
            } catch (Throwable t) {
                throw new OpenFailure(t.toString(), t);
            }
        }
        Arena arena = Arena.ofShared();
        try {
            return new DynamicLibrary(path, null, arena, SymbolLookup.libraryLookup(path, arena));
        } catch (RuntimeException e) {
            arena.close();
            throw new OpenFailure(e.getMessage(), e);
        }
    }

    /** The address of the exported symbol {@code name}, if the library exports it. */
    synchronized Optional<MemorySegment> find(String name) {
        if (closed) {
            throw new IllegalStateException("library " + path + " is closed");
        }
        if (fallback != null) {
            return fallback.find(name);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment symbol = (MemorySegment) DLSYM.get().invokeExact(handle, arena.allocateFrom(name));
            return symbol.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(symbol);
        } catch (Throwable t) {
            throw new IllegalStateException("dlsym(" + name + ") failed on " + path + ": " + t, t);
        }
    }

    Path path() {
        return path;
    }

    /** Closes the library (after the VM made from it was destroyed); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (fallbackArena != null) {
            fallbackArena.close();
            return;
        }
        try {
            int ignored = (int) DLCLOSE.get().invokeExact(handle);
        } catch (Throwable t) {
            // dlclose failing leaves the library mapped, which is harmless.
        }
    }

    private static Optional<String> lastError() throws Throwable {
        MemorySegment message = (MemorySegment) DLERROR.get().invokeExact();
        return message.equals(MemorySegment.NULL) ? Optional.empty()
                : Optional.of(message.reinterpret(4096).getString(0));
    }

    private static Optional<MethodHandle> libc(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name).map(address -> LINKER.downcallHandle(address, descriptor));
    }
}
