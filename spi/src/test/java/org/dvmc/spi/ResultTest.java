package org.dvmc.spi;

import static org.dvmc.spi.AddressTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultTest {

    private static final Bytes OUTPUT = Bytes.fromHex("c0ffee");

    @Test
    void successSetsItsFields() {
        Result result = Result.success(1234, OUTPUT);
        assertEquals(StatusCode.SUCCESS, result.status());
        assertTrue(result.isSuccess());
        assertEquals(1234, result.gasLeft());
        assertEquals(0, result.gasRefund());
        assertEquals(OUTPUT, result.output());
        assertEquals(Address.ZERO, result.createAddress());
        assertEquals(Optional.empty(), result.cause());
        assertFalse(result.hasPendingRelease());
    }

    @Test
    void revertSetsItsFields() {
        Result result = Result.revert(7, OUTPUT);
        assertEquals(StatusCode.REVERT, result.status());
        assertFalse(result.isSuccess());
        assertEquals(7, result.gasLeft());
        assertEquals(0, result.gasRefund());
        assertEquals(OUTPUT, result.output());
        assertEquals(Address.ZERO, result.createAddress());
    }

    @ParameterizedTest
    @EnumSource(StatusCode.class)
    void failureHasNoGasAndNoOutput(StatusCode status) {
        Result result = Result.failure(status);
        assertEquals(status, result.status());
        assertEquals(status == StatusCode.SUCCESS, result.isSuccess());
        assertEquals(0, result.gasLeft());
        assertEquals(0, result.gasRefund());
        assertSame(Bytes.EMPTY, result.output());
        assertEquals(Address.ZERO, result.createAddress());
        assertEquals(Optional.empty(), result.cause());
    }

    @Test
    void ofSetsEveryValue() {
        Result result = Result.of(StatusCode.SUCCESS, Long.MAX_VALUE, -4800, OUTPUT);
        assertEquals(StatusCode.SUCCESS, result.status());
        assertEquals(Long.MAX_VALUE, result.gasLeft());
        assertEquals(-4800, result.gasRefund()); // a refund may be negative, as the C int64 allows
        assertEquals(OUTPUT, result.output());
        assertEquals(Address.ZERO, result.createAddress());
        assertEquals(0, Result.of(StatusCode.SUCCESS, 0, 0, Bytes.EMPTY).gasLeft());
    }

    @Test
    void internalErrorKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        Result result = Result.internalError(cause);
        assertEquals(StatusCode.INTERNAL_ERROR, result.status());
        assertEquals(0, result.gasLeft());
        assertSame(Bytes.EMPTY, result.output());
        assertSame(cause, result.cause().orElseThrow());
        assertContains(result.toString(), "internal error", "boom");
        assertThrows(NullPointerException.class, () -> Result.internalError(null));
        // The cause survives the copies that move the hook.
        assertSame(cause, result.withRelease(() -> { }).cause().orElseThrow());
        assertSame(cause, result.withCreateAddress(Address.fromLong(1)).cause().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeGasLeftIsRejected(long gasLeft) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Result.of(StatusCode.SUCCESS, gasLeft, 0, Bytes.EMPTY));
        assertContains(e.getMessage(), "gas left", "0 or more", Long.toString(gasLeft));
        assertThrows(IllegalArgumentException.class, () -> Result.success(gasLeft, Bytes.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> Result.revert(gasLeft, Bytes.EMPTY));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> Result.of(null, 0, 0, Bytes.EMPTY));
        assertThrows(NullPointerException.class, () -> Result.of(StatusCode.SUCCESS, 0, 0, null));
        assertThrows(NullPointerException.class, () -> Result.success(0, null));
        assertThrows(NullPointerException.class, () -> Result.failure(null));
        Result result = Result.success(1, OUTPUT);
        assertThrows(NullPointerException.class, () -> result.withCreateAddress(null));
        assertThrows(NullPointerException.class, () -> result.withRelease(null));
    }

    @Test
    void closingWithoutAHookIsHarmless() {
        Result result = Result.success(5, OUTPUT);
        result.close();
        result.close();
        assertEquals(5, result.gasLeft());
    }

    @Test
    void releaseRunsExactlyOnceWhenClosedTwice() {
        AtomicInteger runs = new AtomicInteger();
        Result result = Result.success(10, OUTPUT).withRelease(runs::incrementAndGet);
        assertTrue(result.hasPendingRelease());
        assertEquals(0, runs.get(), "attaching a hook must not run it");

        result.close();
        assertEquals(1, runs.get());
        assertFalse(result.hasPendingRelease());
        result.close();
        assertEquals(1, runs.get());

        // The values stay readable after closing.
        assertEquals(10, result.gasLeft());
        assertEquals(OUTPUT, result.output());
    }

    @Test
    void tryWithResourcesRunsTheHook() {
        AtomicInteger runs = new AtomicInteger();
        try (Result result = Result.revert(3, OUTPUT).withRelease(runs::incrementAndGet)) {
            assertEquals(StatusCode.REVERT, result.status());
        }
        assertEquals(1, runs.get());
    }

    @Test
    void aHookThatThrowsStillRunsOnlyOnce() {
        AtomicInteger runs = new AtomicInteger();
        Result result = Result.success(0, Bytes.EMPTY).withRelease(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("release failed");
        });
        assertThrows(IllegalStateException.class, result::close);
        result.close();
        assertEquals(1, runs.get());
    }

    @Test
    void withReleaseMovesTheHookToTheCopy() {
        AtomicInteger runs = new AtomicInteger();
        Result original = Result.success(9, OUTPUT);
        Result withHook = original.withRelease(runs::incrementAndGet);
        assertEquals(original, withHook);
        assertFalse(original.hasPendingRelease());

        original.close();
        assertEquals(0, runs.get(), "the original never had the hook");
        withHook.close();
        assertEquals(1, runs.get());
    }

    @Test
    void withReleaseReplacesAnEarlierHookWithoutRunningIt() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        Result withFirst = Result.success(1, OUTPUT).withRelease(first::incrementAndGet);
        Result withSecond = withFirst.withRelease(second::incrementAndGet);
        assertFalse(withFirst.hasPendingRelease());

        withFirst.close();
        withSecond.close();
        withSecond.close();
        assertEquals(0, first.get(), "a replaced hook is the caller's to handle, not run");
        assertEquals(1, second.get());
    }

    @Test
    void withCreateAddressMovesTheHookAndSetsTheAddress() {
        AtomicInteger runs = new AtomicInteger();
        Address created = Address.fromHex("0x00000000000000000000000000000000000000c0");
        Result original = Result.success(50, Bytes.EMPTY).withRelease(runs::incrementAndGet);
        Result copy = original.withCreateAddress(created);

        assertEquals(created, copy.createAddress());
        assertEquals(Address.ZERO, original.createAddress(), "the original is unchanged");
        assertEquals(StatusCode.SUCCESS, copy.status());
        assertEquals(50, copy.gasLeft());
        assertFalse(original.hasPendingRelease());
        assertTrue(copy.hasPendingRelease());

        original.close();
        assertEquals(0, runs.get(), "the hook moved to the copy");
        copy.close();
        copy.close();
        assertEquals(1, runs.get());
        assertContains(copy.toString(), "createAddress=" + created);
    }

    @Test
    void copiesOfAClosedResultCarryNoHook() {
        AtomicInteger runs = new AtomicInteger();
        Result result = Result.success(1, OUTPUT).withRelease(runs::incrementAndGet);
        result.close();
        Result copy = result.withCreateAddress(Address.fromLong(2));
        assertFalse(copy.hasPendingRelease());
        copy.close();
        assertEquals(1, runs.get());
    }

    /**
     * Threads released together by a start gate race to close one result; the hook must run exactly
     * once in every round. Many rounds with 2 to 8 threads give the race many chances to show.
     */
    @Test
    void releaseRunsExactlyOnceWhenThreadsRaceToClose() throws Exception {
        int maxThreads = 8;
        int rounds = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(maxThreads);
        try {
            for (int threads = 2; threads <= maxThreads; threads++) {
                for (int round = 0; round < rounds; round++) {
                    AtomicInteger runs = new AtomicInteger();
                    Result result = Result.success(round, OUTPUT).withRelease(runs::incrementAndGet);
                    CountDownLatch ready = new CountDownLatch(threads);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<?>> closers = new ArrayList<>(threads);
                    for (int t = 0; t < threads; t++) {
                        closers.add(pool.submit(() -> {
                            ready.countDown();
                            start.await();
                            result.close();
                            return null;
                        }));
                    }
                    assertTrue(ready.await(30, TimeUnit.SECONDS), "closers did not start");
                    start.countDown();
                    for (Future<?> closer : closers) {
                        closer.get(30, TimeUnit.SECONDS);
                    }
                    int finalThreads = threads;
                    int finalRound = round;
                    assertEquals(1, runs.get(),
                            () -> "hook runs with " + finalThreads + " threads in round " + finalRound);
                    assertFalse(result.hasPendingRelease());
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void equalityCoversTheValuesButNotTheHookOrCause() {
        Result a = Result.of(StatusCode.SUCCESS, 5, 2, OUTPUT);
        Result same = Result.of(StatusCode.SUCCESS, 5, 2, Bytes.fromHex("c0ffee"));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertEquals(a, same.withRelease(() -> { }));
        assertEquals(a.hashCode(), same.withRelease(() -> { }).hashCode());

        assertNotEquals(a, Result.of(StatusCode.REVERT, 5, 2, OUTPUT));
        assertNotEquals(a, Result.of(StatusCode.SUCCESS, 6, 2, OUTPUT));
        assertNotEquals(a, Result.of(StatusCode.SUCCESS, 5, 3, OUTPUT));
        assertNotEquals(a, Result.of(StatusCode.SUCCESS, 5, 2, Bytes.EMPTY));
        assertNotEquals(a, a.withCreateAddress(Address.fromLong(1)));
        assertNotEquals(a, null);
        assertNotEquals(a, "Result");

        assertEquals(Result.internalError(new RuntimeException("x")), Result.internalError(new Error("y")));
        assertEquals(Result.failure(StatusCode.INTERNAL_ERROR), Result.internalError(new RuntimeException()));
    }

    @Test
    void toStringNamesTheValues() {
        String text = Result.of(StatusCode.OUT_OF_GAS, 0, 0, Bytes.EMPTY).toString();
        assertContains(text, "out of gas", "gasLeft=0", "output=0x");
        assertFalse(text.contains("createAddress"), text);
        assertFalse(text.contains("cause"), text);
        assertContains(Result.success(3, OUTPUT).toString(), "success", "gasLeft=3", "0xc0ffee");
    }
}
