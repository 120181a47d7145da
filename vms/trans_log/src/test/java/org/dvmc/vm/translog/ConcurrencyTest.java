package org.dvmc.vm.translog;

import static org.dvmc.vm.translog.Runner.RECIPIENT;
import static org.dvmc.vm.translog.Runner.push;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.TxContext;
import org.junit.jupiter.api.Test;

/** Many threads executing different programs on one instance get what one-by-one execution gets. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 200;

    /** One program with its input and gas; {@link #outcome} runs it against a fresh host. */
    private record Case(String name, String code, String input, long gas) {

        Outcome outcome(TransLogVm vm) {
            MockedHost host = new MockedHost()
                    .txContext(TxContext.builder().blockNumber(gas).build())
                    .callResult(Result.success(0, Bytes.fromHex(input.isEmpty() ? "ee" : input)));
            host.account(RECIPIENT).storage(Bytes32.ZERO, Bytes32.fromLong(gas));
            Message message = Runner.message(gas).toBuilder().input(Bytes.fromHex(input)).build();
            Result result = vm.retrieveDescVx(host, Revision.LATEST_STABLE, message, Bytes.fromHex(code));
            return new Outcome(result, host.account(RECIPIENT).storageValue(Bytes32.ZERO), host.totalCalls());
        }
    }

    private record Outcome(Result result, Bytes32 slotZero, long calls) {
    }

    private static List<Case> cases() {
        Random random = new Random(7);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String input = randomHex(random, random.nextInt(40));
            long gas = 5 + random.nextInt(40);
            cases.add(new Case("address " + i, "30600052596000f3", input, gas));
            cases.add(new Case("calldata " + i, push(String.format("%02x", random.nextInt(48))) + "35" + Runner.RETURN_TOP, input, gas));
            cases.add(new Case("storage " + i, "60016000540160005500", input, gas));
            cases.add(new Case("number " + i, "43" + Runner.RETURN_TOP, input, gas));
            cases.add(new Case("call " + i, push("20") + push("00") + push("04") + push("00") + push("00") + push("aa") + push("00")
                    + "f1" + "59" + push("00") + "52" + push("40") + push("00") + "f3", input, gas));
            cases.add(new Case("pushes " + i, randomPushes(random) + Runner.RETURN_TOP, input, gas));
            cases.add(new Case("random " + i, randomHex(random, random.nextInt(30)), input, gas));
        }
        return cases;
    }

    private static String randomPushes(Random random) {
        StringBuilder code = new StringBuilder();
        int count = 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            code.append(push(randomHex(random, 1 + random.nextInt(32)))).append(i > 0 ? "01" : "");
        }
        return code.toString();
    }

    private static String randomHex(Random random, int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Bytes.of(data).toHex();
    }

    @Test
    void concurrentExecutionsMatchSequentialOnes() throws Exception {
        TransLogVm vm = new TransLogVm();
        List<Case> cases = cases();
        List<Outcome> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(c.outcome(vm));
        }

        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        order.add(i);
                    }
                    start.await();
                    Random random = new Random(seed);
                    for (int round = 0; round < ROUNDS / THREADS; round++) {
                        Collections.shuffle(order, random);
                        for (int i : order) {
                            Outcome actual = cases.get(i).outcome(vm);
                            if (!actual.equals(expected.get(i))) {
                                mismatches.add(cases.get(i).name() + ": expected " + expected.get(i) + " but got " + actual);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(mismatches));
    }
}
