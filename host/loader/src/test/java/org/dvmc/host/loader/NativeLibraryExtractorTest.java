package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryExtractorTest {

    @TempDir
    Path cache;

    @Test
    void threadsPlacingTheSameLibraryAtOnceAllGetTheWholeFile() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 6; round++) {
                // A new library each round (4 MiB), so that every round races to write it first.
                byte[] content = new byte[4 << 20];
                new Random(round).nextBytes(content);
                String hash = NativeLibraryExtractor.sha256(content);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Path>> placed = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    placed.add(pool.submit(() -> {
                        start.await();
                        return NativeLibraryExtractor.place(content, hash, "libx.so", "test library");
                    }));
                }
                Path first = placed.get(0).get();
                for (Future<Path> each : placed) {
                    assertEquals(first, each.get());
                }
                assertEquals(hash + ".so", first.getFileName().toString());
                assertArrayEquals(content, Files.readAllBytes(first));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongFileUnderTheHashNameIsReplacedAndAConfiguredDirectoryIsUsed() throws Exception {
        String before = System.getProperty(NativeLibraryExtractor.DIRECTORY_PROPERTY);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        System.setProperty(NativeLibraryExtractor.DIRECTORY_PROPERTY, cache.toString());
        try {
            byte[] content = "a library".getBytes(StandardCharsets.UTF_8);
            String hash = NativeLibraryExtractor.sha256(content);
            // A write cut short by a full disk, in an earlier process.
            Files.write(cache.resolve(hash + ".so"), new byte[] {1, 2});

            Path placed = NativeLibraryExtractor.place(content, hash, "libx.so", "test library");

            assertEquals(cache.resolve(hash + ".so"), placed);
            assertArrayEquals(content, Files.readAllBytes(placed));
            try (var left = Files.list(cache)) {
                assertTrue(left.allMatch(placed::equals), "a partial file was left behind");
            }
        } finally {
            if (before == null) {
                System.clearProperty(NativeLibraryExtractor.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(NativeLibraryExtractor.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
