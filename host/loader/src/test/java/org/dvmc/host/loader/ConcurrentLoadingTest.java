package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.loader.testing.HostileVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.spi.Result;
import org.junit.jupiter.api.Test;

/**
 * Loading, creating and closing from many threads at once never fails for a good plugin (issue 11, defect 3).
 * The JDK shares one open jar file among the class loaders of the same path; closing one VM's class loader used
 * to close it under the others ("zip file closed", then "Could not initialize class"). The plugin here reads a
 * resource of its own jar in {@code create()}, as real VMs do, which is what goes through that shared handle.
 */
class ConcurrentLoadingTest extends LoaderTestSupport {

    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    private Path resourcefulPlugin() {
        return HostileVm.codename("resourceful")
                .create("""
                        try (java.io.InputStream in = Factory.class.getResourceAsStream("/resourceful.txt")) {
                            if (in == null || !new String(in.readAllBytes()).equals("data")) {
                                throw new IllegalStateException("resource missing");
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return new HostileVmImpl();""")
                .addTo(PluginJarBuilder.plugin("resourceful"))
                .resource("resourceful.txt", "data".getBytes(StandardCharsets.UTF_8))
                .writeInto(plugins);
    }

    @Test
    void pathAndCodenameLoadsOfOneJarInOneLoaderFromManyThreads() throws Exception {
        Path jar = resourcefulPlugin();
        try (VmLoader loader = scan()) {
            runConcurrently(thread -> {
                for (int round = 0; round < ROUNDS; round++) {
                    String config = (thread + round) % 2 == 0 ? "resourceful" : jar.toString();
                    try (LoadedVm vm = loader.load(config); Result result = run(vm)) {
                        assertEquals("resourceful", outputOf(result));
                    }
                }
            });
            // The loader is still whole afterwards.
            try (LoadedVm vm = loader.load("resourceful"); Result result = run(vm)) {
                assertTrue(result.isSuccess(), result::toString);
            }
        }
    }

    @Test
    void oneLoaderPerThreadOverTheSameJar() throws Exception {
        resourcefulPlugin();
        runConcurrently(thread -> {
            for (int round = 0; round < ROUNDS / 4; round++) {
                try (VmLoader loader = scan(); LoadedVm vm = loader.load("resourceful"); Result result = run(vm)) {
                    assertEquals("resourceful", outputOf(result));
                }
            }
        });
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                Callable<Void> task = () -> {
                    start.await();
                    work.run(thread);
                    return null;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
