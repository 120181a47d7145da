package org.dvmc.vm.translog.nativevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.TxContext;
import org.dvmc.vm.translog.TransLogVm;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the Java trans_log and the C++ trans_log agree — status, gas left, output, the
 * nested calls made (gas, recipient, value, depth, input) and the storage writes in order — on the
 * example vectors and on 100,000 random programs biased to the instruction set (fixed seed).
 *
 * <p>The C++ side is the module's test driver (built by build.sh under ASan + UBSan) in its
 * {@code --replay} mode: programs go to its stdin one per line, results come back one per line. Both
 * sides use the same host model: empty storage at the start, a block number, and one fixed result for
 * every nested call. No FFM bridge is involved, so this runs on Java 17.
 */
class TransLogDifferentialIT {

    private static final Address RECIPIENT = Address.fromHex("d00000000000000000000000000000000000000d");
    private static final Address SENDER = Address.fromHex("5e00000000000000000000000000000000000005");
    private static final int RANDOM_PROGRAMS = 100_000;
    private static final int[] INSTRUCTIONS = {0x00, 0x01, 0x30, 0x35, 0x43, 0x52, 0x54, 0x55, 0x59, 0x80, 0x80,
        0xf1, 0xf1, 0xf3, 0xfd, 0x7f, 0x6f};
    private static final long[] EDGES = {0, 1, 31, 32, 992, 1023, 1024, 1025, 0x7fff_ffffL, 0x8000_0000L,
        0xffff_fff0L, 0xffff_ffffL};
    private static final StatusCode[] CALLEE_STATUSES = {StatusCode.SUCCESS, StatusCode.SUCCESS, StatusCode.REVERT,
        StatusCode.FAILURE, StatusCode.OUT_OF_GAS};

    /** One program with its host set-up, in the driver's line format. */
    record Program(Revision revision, long gas, int depth, long blockNumber, StatusCode calleeStatus,
            long calleeGasLeft, Bytes calleeOutput, Bytes input, Bytes code) {

        String line() {
            return revision.code() + " " + gas + " " + depth + " " + blockNumber + " " + calleeStatus.code() + " "
                    + calleeGasLeft + " " + field(calleeOutput) + " " + field(input) + " " + field(code);
        }
    }

    @Test
    void javaAndNativeAgreeOnExamplesAndRandomPrograms() throws Exception {
        List<Program> programs = new ArrayList<>(examples());
        SplittableRandom random = new SplittableRandom(20240603);
        for (int i = 0; i < RANDOM_PROGRAMS; i++) {
            programs.add(randomProgram(random, i));
        }

        List<String> nativeResults = runNative(programs);

        assertEquals(programs.size(), nativeResults.size(), "one result line per program from the driver");
        TransLogVm vm = new TransLogVm();
        List<String> disagreements = new ArrayList<>();
        java.util.Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int withCalls = 0;
        for (int i = 0; i < programs.size(); i++) {
            String expected = runJava(vm, programs.get(i));
            String[] fields = expected.split(" ");
            byStatus.merge(StatusCode.fromCode(Integer.parseInt(fields[0])).orElseThrow().description(), 1, Integer::sum);
            withCalls += fields[3].equals("-") ? 0 : 1;
            if (!expected.equals(nativeResults.get(i))) {
                disagreements.add("program " + i + ": " + programs.get(i).line() + "\n  java:   " + expected
                        + "\n  native: " + nativeResults.get(i));
            }
        }
        System.out.println("TransLogDifferentialIT: " + programs.size() + " programs, "
                + (programs.size() - disagreements.size()) + " agree (Java " + Runtime.version() + "); by status "
                + byStatus + "; " + withCalls + " made host calls");
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements; the first:\n"
                + disagreements.stream().limit(10).collect(Collectors.joining("\n")));
    }

    /** The example vectors of issues 3 and 10, with the host each needs. */
    private static List<Program> examples() {
        Bytes none = Bytes.EMPTY;
        Revision cancun = Revision.CANCUN;
        return List.of(
                new Program(cancun, 99, 0, 0, StatusCode.SUCCESS, 0, none, none, Bytes.fromHex("30600052596000f3")),
                new Program(cancun, 99, 0, 0, StatusCode.SUCCESS, 0, none, Bytes.fromHex("aabbccdd"),
                        Bytes.fromHex("600035600052596000f3")),
                new Program(cancun, 99, 0, 0, StatusCode.SUCCESS, 0, none, none, Bytes.fromHex("60016000540160005500")),
                new Program(Revision.FRONTIER, 99, 0, 0, StatusCode.SUCCESS, 0, none, none, Bytes.fromHex("fd")),
                new Program(cancun, 99, 0, 0, StatusCode.SUCCESS, 0, none, none, Bytes.fromHex(
                        "7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3")),
                new Program(cancun, 100, 0, 0, StatusCode.SUCCESS, 0, Bytes.fromHex("aabbcc"), none,
                        Bytes.fromHex("63ffffffff600160006000600060aa6000f1596000f3")),
                new Program(cancun, 100, Integer.MAX_VALUE, 0, StatusCode.SUCCESS, 0, none, none,
                        Bytes.fromHex("6000600060006000600060aa6000f160005260206000f3")));
    }

    /** Half uniform bytes, half biased: whole CALLs, small PUSH1s, PUSH4s of edge offsets, instructions, noise. */
    private static Program randomProgram(SplittableRandom random, int i) {
        byte[] code;
        if (i % 2 == 0) {
            code = new byte[random.nextInt(201)];
            random.nextBytes(code);
        } else {
            int length = random.nextInt(301);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            while (out.size() < length) {
                int pick = random.nextInt(100);
                if (pick < 8) {
                    // A whole CALL: seven arguments, small or edge values, so that many CALLs reach the host.
                    for (int argument = 0; argument < 7; argument++) {
                        long value = random.nextBoolean() ? random.nextInt(64) : EDGES[random.nextInt(EDGES.length)];
                        out.write(0x63);
                        out.write((int) (value >>> 24));
                        out.write((int) (value >>> 16));
                        out.write((int) (value >>> 8));
                        out.write((int) value);
                    }
                    out.write(0xf1);
                } else if (pick < 45) {
                    out.write(0x60);
                    out.write(random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(40));
                } else if (pick < 52) {
                    long edge = EDGES[random.nextInt(EDGES.length)];
                    out.write(0x63);
                    out.write((int) (edge >>> 24));
                    out.write((int) (edge >>> 16));
                    out.write((int) (edge >>> 8));
                    out.write((int) edge);
                } else if (pick < 97) {
                    out.write(INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)]);
                } else {
                    out.write(random.nextInt(256));
                }
            }
            code = out.toByteArray();
        }
        byte[] input = new byte[random.nextInt(65)];
        random.nextBytes(input);
        byte[] calleeOutput = new byte[random.nextInt(41)];
        random.nextBytes(calleeOutput);
        StatusCode calleeStatus = CALLEE_STATUSES[random.nextInt(CALLEE_STATUSES.length)];
        long calleeGasLeft = calleeStatus.keepsGasAndOutput() ? random.nextInt(1000) : 0;
        int depth = random.nextInt(50) == 0 ? Integer.MAX_VALUE - random.nextInt(2) : random.nextInt(1025);
        return new Program(Revision.values()[random.nextInt(Revision.values().length)], random.nextInt(3001),
                depth, random.nextLong() & Long.MAX_VALUE, calleeStatus, calleeGasLeft,
                calleeStatus.keepsGasAndOutput() ? Bytes.of(calleeOutput) : Bytes.EMPTY, Bytes.of(input), Bytes.of(code));
    }

    /** The Java trans_log's result line, in the driver's output format. */
    private static String runJava(TransLogVm vm, Program p) {
        List<String> writes = new ArrayList<>();
        MockedHost host = new MockedHost() {
            @Override
            public StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value) {
                writes.add(key.toHex() + "," + value.toHex());
                return super.setStorage(address, key, value);
            }
        };
        host.txContext(TxContext.builder().blockNumber(p.blockNumber()).build());
        host.callResult(Result.of(p.calleeStatus(), p.calleeGasLeft(), 0, p.calleeOutput()));
        Message message = Message.builder().gas(p.gas()).depth(p.depth()).recipient(RECIPIENT).codeAddress(RECIPIENT)
                .sender(SENDER).input(p.input()).build();
        String calls;
        try (Result result = vm.retrieveDescVx(host, p.revision(), message, p.code())) {
            calls = host.recordedCalls().stream()
                    .map(c -> c.gas() + "," + c.recipient().toHex() + "," + c.value().toHex() + "," + c.depth() + ","
                            + field(c.input()))
                    .collect(Collectors.joining(";"));
            return result.status().code() + " " + result.gasLeft() + " " + field(result.output()) + " "
                    + (calls.isEmpty() ? "-" : calls) + " " + (writes.isEmpty() ? "-" : String.join(";", writes));
        }
    }

    private static String field(Bytes bytes) {
        return bytes.size() == 0 ? "-" : bytes.toHex();
    }

    /** Feeds every program to the driver's --replay and returns its output lines. */
    private static List<String> runNative(List<Program> programs) throws Exception {
        Path driver = Path.of(System.getProperty("translog.native.driver", "target/native-work/driver"));
        assertTrue(Files.isExecutable(driver), "the native test driver " + driver
                + " is missing: build.sh test builds it in the test phase (did you skip tests?)");
        ProcessBuilder builder = new ProcessBuilder(driver.toString(), "--replay")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("ASAN_OPTIONS", "detect_leaks=1:halt_on_error=1");
        Process process = builder.start();
        // Writing from another thread: the driver answers line by line, so both pipes must keep flowing.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BufferedWriter out = new BufferedWriter(
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII))) {
                for (Program program : programs) {
                    out.write(program.line());
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> lines = new ArrayList<>(programs.size());
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        writer.get(5, TimeUnit.MINUTES);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the driver ends after its input");
        assertEquals(0, process.exitValue(), "the driver's exit status (ASan/UBSan reports go to stderr)");
        return lines;
    }
}
