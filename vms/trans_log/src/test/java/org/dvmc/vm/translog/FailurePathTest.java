package org.dvmc.vm.translog;

import static org.dvmc.vm.translog.Runner.push;
import static org.dvmc.vm.translog.Runner.push4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an execution fails: gas, stack, memory, undefined instructions and misbehaving hosts. */
class FailurePathTest {

    private final Runner runner = new Runner();

    private static void assertFailure(StatusCode expected, Result result) {
        assertEquals(Result.failure(expected), result);
    }

    /** CALL with the given regions; gas 0, recipient 0xaa, value 0. */
    private static String call(long inOffset, long inSize, long outOffset, long outSize) {
        return push4(outSize) + push4(outOffset) + push4(inSize) + push4(inOffset) + push("00") + push("aa") + push("00") + "f1";
    }

    @Nested
    class Gas {
        @ParameterizedTest
        @CsvSource({"30600052596000f3, 6", "60016000540160005500, 7", "00, 1", "6001600201, 3", "7fd0d1, 1"})
        void exactlyEnoughGasSucceedsAndOneLessRunsOut(String program, long instructions) {
            assertEquals(Result.success(0, runner.run(program, instructions).output()), runner.run(program, instructions));
            assertFailure(StatusCode.OUT_OF_GAS, runner.run(program, instructions - 1));
        }

        @Test
        void anUndefinedInstructionChargesItsGasFirst() {
            assertFailure(StatusCode.OUT_OF_GAS, runner.run("fe", 0));
            assertFailure(StatusCode.UNDEFINED_INSTRUCTION, runner.run("fe", 1));
        }

        @Test
        void noGasRunsOutAtTheFirstInstruction() {
            assertFailure(StatusCode.OUT_OF_GAS, runner.run("00", 0));
            assertTrue(runner.host.recordedCalls().isEmpty());
        }

        @Test
        void runningOutStopsBeforeTheInstructionTouchesTheHost() {
            runner.run(push("01") + push("01") + "55", 2);
            assertTrue(runner.host.findAccount(Runner.RECIPIENT).isEmpty());
        }

        @Test
        void largeGasIsKeptExactly() {
            assertEquals(Long.MAX_VALUE - 1, runner.run("00", Long.MAX_VALUE).gasLeft());
        }
    }

    @Nested
    class StackUnderflow {
        static Stream<Arguments> programs() {
            return Stream.of(
                    Arguments.of("ADD with none", "01"),
                    Arguments.of("ADD with one", push("01") + "01"),
                    Arguments.of("CALLDATALOAD", "35"),
                    Arguments.of("MSTORE with one", push("01") + "52"),
                    Arguments.of("SLOAD", "54"),
                    Arguments.of("SSTORE with one", push("01") + "55"),
                    Arguments.of("DUP1", "80"),
                    Arguments.of("CALL with six", push("00").repeat(6) + "f1"),
                    Arguments.of("RETURN with one", push("00") + "f3"),
                    Arguments.of("REVERT with one", push("00") + "fd"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("programs")
        void popFromTooShortAStackIsUnderflowWithNoGas(String name, String program) {
            assertFailure(StatusCode.STACK_UNDERFLOW, runner.run(program, 1000));
        }

        @Test
        void anUnderflowingSstoreWritesNothing() {
            runner.run(push("01") + "55");
            assertTrue(runner.host.findAccount(Runner.RECIPIENT).isEmpty());
        }
    }

    @Nested
    class StackOverflow {
        private static final String FULL_STACK = push("01") + "80".repeat(WordStack.LIMIT - 1);

        @ParameterizedTest
        @ValueSource(strings = {"30", "43", "59", "6001", "7f", "80"})
        void pushOntoAFullStackIsOverflowWithNoGas(String instruction) {
            assertFailure(StatusCode.STACK_OVERFLOW, runner.run(FULL_STACK + instruction, 10_000));
        }

        @Test
        void aFullStackItselfIsFine() {
            assertEquals(StatusCode.SUCCESS, runner.run(FULL_STACK, 10_000).status());
        }

        @Test
        void instructionsThatPopFirstStillWorkOnAFullStack() {
            // ADD, SLOAD, CALLDATALOAD pop before they push.
            assertEquals(StatusCode.SUCCESS, runner.run(FULL_STACK + "01" + "54" + "35", 10_000).status());
        }
    }

    @Nested
    class MemoryBounds {
        @ParameterizedTest
        @ValueSource(longs = {993, 1024, 0xffff_ffe0L, 0xffff_ffffL})
        void mstoreBeyondTheBufferFails(long offset) {
            assertFailure(StatusCode.FAILURE, runner.run(push("01") + push4(offset) + "52"));
        }

        @Test
        void returnBeyondTheBufferFails() {
            assertFailure(StatusCode.FAILURE, runner.run(push("02") + push("03ff") + "f3"));
            assertFailure(StatusCode.FAILURE, runner.run(push4(1025) + push("00") + "f3"));
            assertFailure(StatusCode.FAILURE, runner.run(push("00") + push4(1025) + "f3"));
        }

        @Test
        void offsetPlusSizeDoesNotWrapAround32Bits() {
            // In C, 0xffffffff + 1 wraps to 0 and passes the check; here it is simply out of memory.
            assertFailure(StatusCode.FAILURE, runner.run(push("01") + push4(0xffff_ffffL) + "f3"));
            assertFailure(StatusCode.FAILURE, runner.run(push4(0xffff_ffffL) + push("01") + "f3"));
            assertFailure(StatusCode.FAILURE, runner.run(push4(0xffff_ffffL) + push4(0xffff_ffffL) + "f3"));
        }

        @Test
        void highBytesOfAnOffsetAreIgnored() {
            // Only the low 4 bytes count: this offset is 0, so the return succeeds.
            String offset = "01" + "00".repeat(31);
            assertEquals(StatusCode.SUCCESS, runner.run(push("20") + push(offset) + "f3").status());
        }

        @Test
        void revertBeyondTheBufferFails() {
            assertFailure(StatusCode.FAILURE, runner.run(push("01") + push("0400") + "fd"));
        }

        @Test
        void callWithAnInputRegionBeyondTheBufferFailsWithoutCalling() {
            assertFailure(StatusCode.FAILURE, runner.run(call(1000, 25, 0, 0)));
            assertFailure(StatusCode.FAILURE, runner.run(call(0xffff_ffffL, 1, 0, 0)));
            assertTrue(runner.host.recordedCalls().isEmpty());
        }

        @Test
        void callWithAnOutputRegionBeyondTheBufferFailsWithoutCalling() {
            assertFailure(StatusCode.FAILURE, runner.run(call(0, 0, 1024, 1)));
            assertFailure(StatusCode.FAILURE, runner.run(call(0, 0, 0x7fff_ffffL, 0x7fff_ffffL)));
            // The end wraps past 2^32 (as in the reference) to 1025, still beyond the buffer.
            assertFailure(StatusCode.FAILURE, runner.run(call(0, 0, 0x8000_0000L, 0x8000_0401L)));
            assertTrue(runner.host.recordedCalls().isEmpty());
        }

        @Test
        void callWithAnOutputRegionWhoseEndWrapsIntoTheBufferCallsTheHost() {
            // The reference computes the output region's end modulo 2^32: 1 + 0xffffffff is 0, which fits.
            Result result = runner.run(call(0, 0, 1, 0xffff_ffffL));
            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(1, runner.host.recordedCalls().size());
        }
    }

    @Nested
    class MisbehavingHosts {
        private final RuntimeException boom = new IllegalStateException("host exploded");

        private void assertInternalError(Result result, Throwable expectedCause) {
            assertEquals(StatusCode.INTERNAL_ERROR, result.status());
            assertEquals(0, result.gasLeft());
            assertEquals(Bytes.EMPTY, result.output());
            assertSame(expectedCause, result.cause().orElseThrow());
        }

        @Test
        void throwingGetStorage() {
            MockedHost host = new MockedHost() {
                @Override
                public Bytes32 getStorage(Address address, Bytes32 key) {
                    throw boom;
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), push("00") + "54"), boom);
        }

        @Test
        void throwingSetStorage() {
            MockedHost host = new MockedHost() {
                @Override
                public StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value) {
                    throw boom;
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), push("00") + push("00") + "55"), boom);
        }

        @Test
        void throwingGetTxContext() {
            MockedHost host = new MockedHost() {
                @Override
                public TxContext getTxContext() {
                    throw boom;
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), "43"), boom);
        }

        @Test
        void throwingCall() {
            MockedHost host = new MockedHost() {
                @Override
                public Result call(Message message) {
                    throw boom;
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), call(0, 0, 0, 0)), boom);
        }

        @Test
        void errorsAreCaughtToo() {
            StackOverflowError error = new StackOverflowError("deep host");
            MockedHost host = new MockedHost() {
                @Override
                public Result call(Message message) {
                    throw error;
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), call(0, 0, 0, 0)), error);
        }

        @Test
        void nullFromTheHost() {
            MockedHost host = new MockedHost() {
                @Override
                public Result call(Message message) {
                    return null;
                }

                @Override
                public Bytes32 getStorage(Address address, Bytes32 key) {
                    return null;
                }
            };
            Message message = Runner.message(100);
            assertEquals(StatusCode.INTERNAL_ERROR, runner.run(host, Revision.LATEST_STABLE, message, call(0, 0, 0, 0)).status());
            assertEquals(StatusCode.INTERNAL_ERROR, runner.run(host, Revision.LATEST_STABLE, message, push("00") + "54").status());
        }

        @Test
        void aCalleeResultWhoseReleaseThrows() {
            AtomicBoolean released = new AtomicBoolean();
            MockedHost host = new MockedHost() {
                @Override
                public Result call(Message message) {
                    return Result.success(0, Bytes.EMPTY).withRelease(() -> {
                        released.set(true);
                        throw boom;
                    });
                }
            };
            assertInternalError(runner.run(host, Revision.LATEST_STABLE, Runner.message(100), call(0, 0, 0, 0)), boom);
            assertTrue(released.get());
        }

        @Test
        void nullArgumentsFromACarelessCaller() {
            TransLogVm vm = runner.vm;
            assertEquals(StatusCode.INTERNAL_ERROR, vm.retrieveDescVx(runner.host, Revision.LATEST_STABLE, Runner.message(1), null).status());
            assertEquals(StatusCode.INTERNAL_ERROR, vm.retrieveDescVx(runner.host, Revision.LATEST_STABLE, null, Bytes.of((byte) 0)).status());
            assertEquals(StatusCode.INTERNAL_ERROR, vm.retrieveDescVx(null, Revision.LATEST_STABLE, Runner.message(10), Bytes.fromHex("43")).status());
        }
    }
}
