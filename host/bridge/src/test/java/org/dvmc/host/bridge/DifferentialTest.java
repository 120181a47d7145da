package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.TxContext;
import org.dvmc.spi.Vm;
import org.dvmc.vm.translog.TransLogVmFactory;
import org.junit.jupiter.api.Test;

/**
 * Java trans_log and native trans_log (C++, through the bridge) agree — status, gas left, output, the
 * recipient's storage afterwards, and the calls they made — on every example vector and on 100,000 random
 * programs biased to trans_log's instruction set (operands mostly small, sometimes huge; truncated PUSHes;
 * random input, gas and call results). A disagreement fails with the program, so it can be replayed with
 * {@code dvmc run}.
 */
class DifferentialTest {

    static final int PROGRAMS = 100_000;
    static final long SEED = 0x5eed_d1ffL;

    /** The instruction set, with PUSH1..PUSH32 as one entry (0x60) and weights that favour the interesting ones. */
    private static final int[] OPCODES = {0x00, 0x01, 0x30, 0x35, 0x43, 0x52, 0x54, 0x55, 0x59, 0x60, 0x80, 0xf1, 0xf3,
        0xfd, 0xfe};
    private static final int[] WEIGHTS = {1, 6, 3, 4, 2, 6, 4, 5, 3, 30, 6, 4, 3, 2, 1};

    record Outcome(StatusCode status, long gasLeft, Bytes output, Map<Bytes32, Bytes32> storage, List<Message> calls) {
    }

    static Outcome run(Vm vm, Bytes code, Message message, Optional<Bytes32> slot0, Result callResult) {
        MockedHost host = new MockedHost();
        host.txContext(TxContext.builder().blockNumber(17).build());
        host.callResult(callResult);
        slot0.ifPresent(value -> host.account(message.recipient()).storage(Bytes32.ZERO, value));
        Result result = vm.retrieveDescVx(host, Revision.CANCUN, message, code);
        Map<Bytes32, Bytes32> storage = new TreeMap<>((a, b) -> a.toHex().compareTo(b.toHex()));
        host.findAccount(message.recipient()).ifPresent(account ->
                account.storage().forEach((key, slot) -> storage.put(key, slot.current())));
        return new Outcome(result.status(), result.gasLeft(), result.output(), storage, host.recordedCalls());
    }

    @Test
    void theExampleVectorsAgree() throws Exception {
        try (LoadedVm nativeVm = TransLogNative.load(""); Vm javaVm = new TransLogVmFactory().create()) {
            for (TransLogNativeTest.Example example : TransLogNativeTest.EXAMPLES) {
                Message message = TransLogNativeTest.message(example.gas(), example.input());
                Bytes code = Bytes.fromHex(example.code());
                Result callResult = Result.success(0, Bytes.EMPTY);
                assertEquals(run(javaVm, code, message, example.slotBefore(), callResult),
                        run(nativeVm.vm(), code, message, example.slotBefore(), callResult), example.name());
            }
        }
    }

    @Test
    void aHundredThousandRandomProgramsAgree() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Map<StatusCode, Integer> statuses = new EnumMap<>(StatusCode.class);
        try (LoadedVm nativeVm = TransLogNative.load(""); Vm javaVm = new TransLogVmFactory().create()) {
            for (int i = 0; i < PROGRAMS; i++) {
                Bytes code = program(random);
                Bytes input = bytes(random, random.nextInt(4) == 0 ? 0 : random.nextInt(70));
                long gas = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(30);
                    case 1 -> random.nextInt(200);
                    default -> random.nextLong(1_000_000);
                };
                Message message = Message.builder().gas(gas).recipient(TransLogNativeTest.RECIPIENT)
                        .depth(random.nextInt(8) == 0 ? Integer.MAX_VALUE - random.nextInt(2) : random.nextInt(1024))
                        .input(input).build();
                Optional<Bytes32> slot0 = random.nextBoolean() ? Optional.of(Bytes32.fromLong(random.nextLong()))
                        : Optional.empty();
                Result callResult = random.nextBoolean()
                        ? Result.success(random.nextInt(50), bytes(random, random.nextInt(40)))
                        : Result.of(StatusCode.REVERT, random.nextInt(50), 0, bytes(random, random.nextInt(8)));
                Outcome expected = run(javaVm, code, message, slot0, callResult);
                Outcome actual = run(nativeVm.vm(), code, message, slot0, callResult);
                if (!expected.equals(actual)) {
                    fail("program " + i + " differs: code " + code.toHex() + ", input " + input.toHex() + ", gas " + gas
                            + ", depth " + message.depth() + ", slot 0 " + slot0 + ", call result " + callResult
                            + "\n  Java:   " + expected + "\n  native: " + actual);
                }
                statuses.merge(expected.status(), 1, Integer::sum);
            }
        }
        System.out.println("differential: " + PROGRAMS + " random programs agree; statuses " + statuses);
        // The generator must reach the interesting outcomes, not only one of them.
        assertEquals(true, statuses.getOrDefault(StatusCode.SUCCESS, 0) > PROGRAMS / 20, statuses.toString());
        assertEquals(true, statuses.size() >= 5, statuses.toString());
    }

    private static Bytes program(SplittableRandom random) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        int instructions = 1 + random.nextInt(24);
        // Most programs start with a few operands on the stack, so that they get past the first instruction.
        int leadingPushes = random.nextInt(4) == 0 ? 0 : random.nextInt(8);
        for (int n = 0; n < instructions; n++) {
            int opcode = n < leadingPushes ? 0x60 : pick(random);
            if (opcode == 0x60) {
                int size = random.nextInt(4) == 0 ? 1 + random.nextInt(32) : 1 + random.nextInt(2);
                code.write(0x5f + size);
                byte[] immediate = immediate(random, size);
                // Now and then the program ends inside a PUSH's immediate bytes.
                int written = n == instructions - 1 && random.nextInt(8) == 0 ? random.nextInt(size) : size;
                code.write(immediate, 0, written);
            } else {
                code.write(opcode);
            }
        }
        return Bytes.of(code.toByteArray());
    }

    /** Mostly small numbers (offsets, sizes, slots), sometimes all-ones or random words. */
    private static byte[] immediate(SplittableRandom random, int size) {
        byte[] bytes = new byte[size];
        switch (random.nextInt(6)) {
            case 0 -> java.util.Arrays.fill(bytes, (byte) 0xff);
            case 1 -> random.nextBytes(bytes);
            default -> bytes[size - 1] = (byte) random.nextInt(random.nextBoolean() ? 0x40 : 0x100);
        }
        return bytes;
    }

    private static int pick(SplittableRandom random) {
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < OPCODES.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return OPCODES[i];
            }
        }
        return 0x00;
    }

    private static Bytes bytes(SplittableRandom random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return Bytes.of(bytes);
    }
}
