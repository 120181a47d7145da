package org.dvmc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.StorageStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one host callback as a VM pays it: {@link MockedHost#getStorage} of a slot that is set and of
 * one that is not, and {@link MockedHost#setStorage} (alternating between two values, so every call really
 * changes the slot and computes a storage status). Average time per call, in nanoseconds.
 *
 * <p>One host per benchmark thread ({@link MockedHost} is not thread-safe, like any single execution's host).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostCallbackBenchmark {

    private final MockedHost host = new MockedHost();
    private final Bytes32 setKey = Bytes32.ZERO;
    private final Bytes32 unsetKey = Bytes32.fromLong(7);
    private final Bytes32 valueA = Bytes32.fromHex("00000000000000000000000000000000000000000000000000000000000000bb");
    private final Bytes32 valueB = Bytes32.fromHex("00000000000000000000000000000000000000000000000000000000000000bc");
    private Bytes32 next = valueB;

    /** Gives the recipient account slot 0 = {@code …bb}, as in the trans_log storage example. */
    @Setup
    public void setUp() {
        host.account(Examples.RECIPIENT).storage(setKey, valueA);
        if (!host.getStorage(Examples.RECIPIENT, setKey).equals(valueA)) {
            throw new IllegalStateException("MockedHost did not keep slot 0 of the recipient");
        }
    }

    /** @return the value of a slot that holds {@code …bb} */
    @Benchmark
    public Bytes32 getStorageHit() {
        return host.getStorage(Examples.RECIPIENT, setKey);
    }

    /** @return the value of a slot never written (zero) */
    @Benchmark
    public Bytes32 getStorageMiss() {
        return host.getStorage(Examples.RECIPIENT, unsetKey);
    }

    /** @return the storage status of writing the other of two values into slot 0 */
    @Benchmark
    public StorageStatus setStorage() {
        Bytes32 value = next;
        next = value == valueA ? valueB : valueA;
        return host.setStorage(Examples.RECIPIENT, setKey, value);
    }
}
