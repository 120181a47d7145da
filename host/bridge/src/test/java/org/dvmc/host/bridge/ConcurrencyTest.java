package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.junit.jupiter.api.Test;

/**
 * Concurrent and nested executions through one native instance: each reaches its own host.
 */
class ConcurrencyTest {

    static final Path LIBRARY = NativeTestLibraries.probe("libconcurrent_probe.so",
            "PROBE_CREATE=dvmc_create_concurrent_probe");
    static final int THREADS = 8;
    static final int PER_THREAD = 2_000;

    /** A host whose every answer depends on its own number, so a callback reaching the wrong host shows. */
    static final class NumberedHost extends RecordingHost {
        final int number;

        NumberedHost(int number) {
            this.number = number;
        }

        @Override
        public org.dvmc.spi.Bytes32 getStorage(org.dvmc.spi.Address address, org.dvmc.spi.Bytes32 key) {
            super.getStorage(address, key);
            return org.dvmc.spi.Bytes32.fromLong(number);
        }
    }

    private static Result run(Vm vm, int number) {
        NumberedHost host = new NumberedHost(number);
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, BridgeTest.message(5000, Bytes.EMPTY),
                BridgeTest.scenario(1));
        assertEquals(16, host.calls.size());
        return result;
    }

    @Test
    void eightThreadsOnOneInstanceEqualSequential() throws Exception {
        try (Vm vm = BridgeTest.open(LIBRARY)) {
            List<Result> sequential = new ArrayList<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                sequential.add(run(vm, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Result>>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Result> results = new ArrayList<>();
                        for (int i = 0; i < PER_THREAD; i++) {
                            results.add(run(vm, thread * PER_THREAD + i));
                        }
                        return results;
                    }));
                }
                start.countDown();
                List<Result> concurrent = new ArrayList<>();
                for (Future<List<Result>> future : futures) {
                    concurrent.addAll(future.get());
                }
                assertEquals(sequential, concurrent);
                assertNotEquals(concurrent.get(6).output(), concurrent.get(5).output());
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(0, Execution.running());
    }

    /** A host whose call runs the next level on {@code vm} with a host of its own, down to depth 0 → echo. */
    static final class NestingHost extends MockedHost {
        final Vm native1;
        final Vm java;
        final int level;
        int calls;

        NestingHost(Vm native1, Vm java, int level) {
            this.native1 = native1;
            this.java = java;
            this.level = level;
        }

        @Override
        public Result call(Message message) {
            calls++;
            if (level == 0) {
                // The bottom: a Java VM (trans_log) returning the input's first word: CALLDATALOAD(0), RETURN.
                return java.retrieveDescVx(this, Revision.CANCUN, message, Bytes.fromHex("60003560005260206000f3"));
            }
            NestingHost next = new NestingHost(native1, java, level - 1);
            Result result = native1.retrieveDescVx(next, Revision.CANCUN, message, BridgeTest.scenario(2));
            assertEquals(1, next.calls, "the nested execution's callback reached its own host");
            return result;
        }
    }

    @Test
    void nestedNativeJavaNativeCallsEachReachTheirOwnHost() throws Exception {
        try (Vm vm = BridgeTest.open(LIBRARY); Vm java = new TransLogVmFactory().create()) {
            NestingHost top = new NestingHost(vm, java, 4);
            Bytes word = Bytes.fromHex("00000000000000000000000000000000000000000000000000000000000000ff");
            Message message = Message.builder().gas(1_000_000).input(word).build();
            Result result = vm.retrieveDescVx(top, Revision.CANCUN, message, BridgeTest.scenario(2));
            assertEquals(StatusCode.SUCCESS, result.status(), () -> String.valueOf(result.cause()));
            assertEquals(word, result.output());
            assertEquals(1, top.calls);
        }
        assertEquals(0, Execution.running());
    }

    /** A host whose every call runs the same native VM again, as deep as it goes; remembers the deepest result. */
    private static final class EndlessHost extends MockedHost {
        final Vm vm;
        final int level;
        final AtomicInteger deepest;
        final AtomicReference<Result> refusal;

        EndlessHost(Vm vm, int level, AtomicInteger deepest,
                AtomicReference<Result> refusal) {
            this.vm = vm;
            this.level = level;
            this.deepest = deepest;
            this.refusal = refusal;
        }

        @Override
        public Result call(Message message) {
            deepest.accumulateAndGet(level, Math::max);
            Result result = vm.retrieveDescVx(new EndlessHost(vm, level + 1, deepest, refusal), Revision.CANCUN,
                    message.toBuilder().depth(0).build(), ENDLESS);
            if (result.status() == StatusCode.INTERNAL_ERROR) {
                refusal.compareAndSet(null, result);
            }
            return result;
        }
    }

    /** The native trans_log: PUSH1 0 ×6, PUSH1 0xff, CALL (the host runs this code again), RETURN 32 bytes. */
    private static final Bytes ENDLESS = Bytes.fromHex("60006000600060006000600060fff1600052596000f3");

    @Test
    void nestingBeyondTheLimitIsAnInternalErrorNotAStackOverflowThatAbortsTheJvm() throws Exception {
        AtomicInteger deepest = new AtomicInteger();
        AtomicReference<Result> refusal = new AtomicReference<>();
        AtomicReference<Result> outer = new AtomicReference<>();
        try (LoadedVm loaded = TransLogNative.load("")) {
            Vm vm = loaded.vm();
            // The JVM's usual stack for a new thread (1 MiB): deep recursion used to overflow it inside an upcall.
            Thread thread = new Thread(null, () -> outer.set(vm.retrieveDescVx(new EndlessHost(vm, 1, deepest, refusal),
                    Revision.CANCUN, Message.builder().gas(10_000_000).build(), ENDLESS)), "deep", 1 << 20);
            thread.start();
            thread.join();
        }
        assertEquals(NativeVm.MAX_NESTED_EXECUTIONS, deepest.get());
        Result refused = refusal.get();
        assertEquals(StatusCode.INTERNAL_ERROR, refused.status());
        assertTrue(String.valueOf(refused.cause().orElseThrow()).contains(NativeVm.NESTING_PROPERTY),
                () -> String.valueOf(refused.cause()));
        assertEquals(StatusCode.SUCCESS, outer.get().status(), () -> String.valueOf(outer.get().cause()));
        assertEquals(0, Execution.running());
    }
}
