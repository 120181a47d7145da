package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds the tests' native libraries with gcc, once per test JVM: variants of {@code src/test/c/probe_vm.c}
 * and small programs such as the header's {@code layout_dump}. A missing gcc fails the test with a message
 * (the native parts of the project need a C toolchain; see docs/NATIVE_VMS.md).
 */
final class NativeTestLibraries {

    static final Path C_SOURCES = Path.of(System.getProperty("dvmc.test.c.dir", "src/test/c"));
    static final Path INCLUDE = Path.of(System.getProperty("dvmc.native.include", "../../native/include"));
    static final Path REPOSITORY = Path.of(System.getProperty("dvmc.repository", "../.."));

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();
    private static Path directory;

    private NativeTestLibraries() {
    }

    static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("dvmc-bridge-test-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return directory;
    }

    /** The probe VM as {@code fileName}, compiled with {@code defines} (e.g. {@code PROBE_NULL}). */
    static Path probe(String fileName, String... defines) {
        return BUILT.computeIfAbsent(fileName + String.join(",", defines), key -> {
            Path target = directory().resolve(fileName);
            List<String> command = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-O2",
                    "-shared", "-fPIC", "-I", INCLUDE.toString()));
            for (String define : defines) {
                command.add("-D" + define);
            }
            command.addAll(List.of(C_SOURCES.resolve("probe_vm.c").toString(), "-o", target.toString()));
            run(command);
            return target;
        });
    }

    /** The plain probe VM, {@code libprobe.so}, create function {@code dvmc_create_probe}. */
    static Path probe() {
        return probe("libprobe.so");
    }

    /** Compiles the C program {@code source} and returns its standard output. */
    static String runProgram(Path source, String name) {
        Path binary = directory().resolve(name);
        run(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-I", INCLUDE.toString(), source.toString(), "-o",
                binary.toString()));
        return run(List.of(binary.toString()));
    }

    /** A counter the probe exports ({@code probe_created}, {@code probe_destroyed}, {@code probe_released}). */
    static long counter(Path library, String name) {
        // dlopen of a loaded library returns the same handle: these are the bridge's library's counters, as long
        // as the test holds the library open (hold) so that the bridge's dlclose does not unload it.
        SymbolLookup lookup = hold(library);
        MemorySegment counter = lookup.find(name).orElseThrow().reinterpret(8);
        return counter.get(ValueLayout.JAVA_LONG, 0);
    }

    /** Opens {@code library} for the rest of the test JVM, so its counters outlive the bridge's handle. */
    static SymbolLookup hold(Path library) {
        return HELD.computeIfAbsent(library, path -> SymbolLookup.libraryLookup(path, Arena.global()));
    }

    private static final Map<Path, SymbolLookup> HELD = new ConcurrentHashMap<>();

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (" + e.getMessage() + "): the bridge's"
                    + " tests build native libraries with gcc; install a C toolchain (e.g. apt-get install"
                    + " build-essential)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
