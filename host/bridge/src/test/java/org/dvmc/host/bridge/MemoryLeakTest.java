package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.junit.jupiter.api.Test;

/**
 * No native memory leaks per execution: a million executions (each with input, output, a native result to
 * release) leave the process's resident set where it was after the first hundred thousand, and every native
 * result was released exactly once. Bounded to a few seconds.
 */
class MemoryLeakTest {

    static final Path LIBRARY = NativeTestLibraries.probe("libleak_probe.so", "PROBE_CREATE=dvmc_create_leak_probe");

    @Test
    void aMillionExecutionsLeakNoNativeMemory() throws Exception {
        NativeTestLibraries.hold(LIBRARY);
        RecordingHost host = new RecordingHost();
        Bytes input = Bytes.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Message message = BridgeTest.message(100, input);
        Bytes code = BridgeTest.scenario(0);
        try (Vm vm = BridgeTest.open(LIBRARY)) {
            long releasedBefore = NativeTestLibraries.counter(LIBRARY, "probe_released");
            for (int i = 0; i < 100_000; i++) {
                vm.retrieveDescVx(host, Revision.CANCUN, message, code);
            }
            System.gc();
            long warm = residentKilobytes();
            for (int i = 0; i < 900_000; i++) {
                Result result = vm.retrieveDescVx(host, Revision.CANCUN, message, code);
                if (result.status() != StatusCode.SUCCESS) {
                    throw new AssertionError(result.toString());
                }
            }
            System.gc();
            long after = residentKilobytes();
            System.out.println("RSS after 100,000 executions: " + warm + " kB; after 1,000,000: " + after + " kB");
            // 900,000 leaked 32-byte outputs alone would be ~28 MB; allow JIT and GC noise well below that.
            assertTrue(after - warm < 16 * 1024, () -> "resident memory grew by " + (after - warm) + " kB");
            assertEquals(releasedBefore + 1_000_000, NativeTestLibraries.counter(LIBRARY, "probe_released"));
        }
    }

    @Test
    void hostCallResultsAreFreedToo() throws Exception {
        RecordingHost host = new RecordingHost();
        try (Vm vm = BridgeTest.open(LIBRARY)) {
            for (int i = 0; i < 10_000; i++) {
                host.calls.clear();
                vm.retrieveDescVx(host, Revision.CANCUN, BridgeTest.message(5000, Bytes.EMPTY), BridgeTest.scenario(1));
            }
            System.gc();
            long warm = residentKilobytes();
            for (int i = 0; i < 100_000; i++) {
                host.calls.clear();
                host.messages.clear();
                host.logData.clear();
                host.logTopics.clear();
                vm.retrieveDescVx(host, Revision.CANCUN, BridgeTest.message(5000, Bytes.EMPTY), BridgeTest.scenario(1));
            }
            System.gc();
            long after = residentKilobytes();
            System.out.println("RSS with host calls after 10,000: " + warm + " kB; after 110,000: " + after + " kB");
            assertTrue(after - warm < 16 * 1024, () -> "resident memory grew by " + (after - warm) + " kB");
            assertEquals(110_000, host.callResultsReleased.get());
        }
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
