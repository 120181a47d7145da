package org.dvmc.vm.translog;

import static org.dvmc.vm.translog.Runner.RECIPIENT;
import static org.dvmc.vm.translog.Runner.RETURN_TOP;
import static org.dvmc.vm.translog.Runner.push;
import static org.dvmc.vm.translog.Runner.push4;
import static org.dvmc.vm.translog.Runner.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.TxContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every instruction of trans_log, one nested class each, on the success paths and their edge cases. */
class InstructionTest {

    private final Runner runner = new Runner();

    private static Bytes bytes(String hex) {
        return Bytes.fromHex(hex);
    }

    /** Runs {@code program + RETURN_TOP} and returns the 32-byte word it leaves on top. */
    private String top(String program) {
        Result result = runner.run(program + RETURN_TOP);
        assertEquals(StatusCode.SUCCESS, result.status(), () -> "status of " + program);
        return result.output().toHex();
    }

    private String top(Message message, String program) {
        Result result = runner.run(message, program + RETURN_TOP);
        assertEquals(StatusCode.SUCCESS, result.status(), () -> "status of " + program);
        return result.output().toHex();
    }

    @Nested
    class EmptyCodeAndStop {
        @Test
        void emptyCodeSucceedsWithAllGas() {
            Result result = runner.run("", 10);
            assertEquals(Result.success(10, Bytes.EMPTY), result);
        }

        @Test
        void emptyCodeWithZeroGasSucceeds() {
            assertEquals(Result.success(0, Bytes.EMPTY), runner.run("", 0));
        }

        @Test
        void stopSucceedsWithGasLeftAndNoOutput() {
            assertEquals(Result.success(9, Bytes.EMPTY), runner.run("00", 10));
        }

        @Test
        void stopEndsExecutionBeforeLaterBytes() {
            assertEquals(Result.success(8, Bytes.EMPTY), runner.run("600000fe", 10));
        }

        @Test
        void runningOffTheEndSucceedsWithGasLeft() {
            assertEquals(Result.success(8, Bytes.EMPTY), runner.run("60016002", 10));
        }
    }

    @Nested
    class Add {
        @Test
        void addsSmallNumbers() {
            assertEquals(word("05"), top(push("02") + push("03") + "01"));
        }

        @Test
        void carriesAcrossEveryLane() {
            assertEquals(word("010000000000000000"), top(push("ffffffffffffffff") + push("01") + "01"));
            assertEquals(word("01" + "00".repeat(24)), top(push("ff".repeat(24)) + push("01") + "01"));
        }

        @Test
        void wrapsModulo2To256() {
            assertEquals(word("00"), top(push("ff".repeat(32)) + push("01") + "01"));
            assertEquals("ff".repeat(31) + "fe", top(push("ff".repeat(32)) + push("ff".repeat(32)) + "01"));
        }

        @Test
        void matchesBigIntegerOnRandomWords() {
            Random random = new Random(20240603);
            BigInteger modulus = BigInteger.ONE.shiftLeft(256);
            for (int i = 0; i < 200; i++) {
                BigInteger a = new BigInteger(256, random);
                BigInteger b = new BigInteger(256, random);
                String program = push(Bytes32.fromBigInteger(a).toHex()) + push(Bytes32.fromBigInteger(b).toHex()) + "01";
                assertEquals(Bytes32.fromBigInteger(a.add(b).mod(modulus)).toHex(), top(program), () -> a + " + " + b);
            }
        }
    }

    @Nested
    class AddressInstruction {
        @Test
        void pushesTheRecipientRightAligned() {
            assertEquals(RECIPIENT.toBytes32().toHex(), top("30"));
        }

        @Test
        void usesTheRecipientNotTheCodeAddress() {
            Address other = Address.fromHex("00000000000000000000000000000000000000cc");
            Message message = Runner.message(1000).toBuilder().codeAddress(other).build();
            assertEquals(RECIPIENT.toBytes32().toHex(), top(message, "30"));
        }
    }

    @Nested
    class CallDataLoad {
        private final Message message =
                Runner.message(1000).toBuilder().input(bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021")).build();

        @Test
        void loadsThirtyTwoBytesAtTheOffset() {
            assertEquals("02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021", top(message, push("02") + "35"));
        }

        @Test
        void padsPastTheEndOfInputWithZeros() {
            assertEquals("2021" + "00".repeat(30), top(message, push("20") + "35"));
        }

        @Test
        void offsetAtOrBeyondTheEndGivesZero() {
            assertEquals(word("00"), top(message, push("22") + "35"));
            assertEquals(word("00"), top(message, push4(0xffff_ffffL) + "35"));
        }

        @Test
        void emptyInputGivesZero() {
            assertEquals(word("00"), top(push("00") + "35"));
        }

        @Test
        void readsOnlyTheLowFourBytesOfTheOffset() {
            String offsetWithHighBits = "ff" + "00".repeat(27) + "00000001";
            assertEquals("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
                    top(message, push(offsetWithHighBits) + "35"));
        }
    }

    @Nested
    class NumberInstruction {
        @ParameterizedTest
        @ValueSource(longs = {0, 1, 42, 0xffff_ffffL})
        void pushesTheBlockNumber(long number) {
            runner.host.txContext(TxContext.builder().blockNumber(number).build());
            assertEquals(Bytes32.fromLong(number).toHex(), top("43"));
        }

        @Test
        void keepsOnlyTheLow32BitsAsTheReferenceDoes() {
            runner.host.txContext(TxContext.builder().blockNumber(0x1_2345_6789L).build());
            assertEquals(word("23456789"), top("43"));
        }
    }

    @Nested
    class MStore {
        @Test
        void popsOffsetThenValue() {
            Result result = runner.run(push("42") + push("00") + "52" + push("20") + push("00") + "f3");
            assertEquals(bytes(word("42")), result.output());
        }

        @Test
        void storesAtAnUnalignedOffsetAndGrowsMemoryToTheEnd() {
            Result result = runner.run(push("ab") + push("05") + "52" + "59" + RETURN_TOP);
            assertEquals(bytes(word("25")), result.output());
        }

        @Test
        void lastWordOfMemoryFits() {
            Result result = runner.run(push("ab") + push("03e0") + "52" + push("20") + push("03e0") + "f3");
            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(bytes(word("ab")), result.output());
        }
    }

    @Nested
    class Storage {
        @Test
        void sloadReadsTheRecipientsSlot() {
            runner.host.account(RECIPIENT).storage(Bytes32.fromLong(7), Bytes32.fromLong(0x1234));
            runner.host.account(Runner.SENDER).storage(Bytes32.fromLong(7), Bytes32.fromLong(0x9999));
            assertEquals(word("1234"), top(push("07") + "54"));
        }

        @Test
        void sloadOfAnEmptySlotIsZero() {
            assertEquals(word("00"), top(push("07") + "54"));
        }

        @Test
        void sstorePopsKeyThenValueAndWritesTheRecipient() {
            Result result = runner.run(push("99") + push("01") + "55");
            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(Bytes32.fromLong(0x99), runner.host.account(RECIPIENT).storageValue(Bytes32.fromLong(1)));
            assertTrue(runner.host.findAccount(Runner.SENDER).isEmpty());
        }

        @Test
        void sstoreWritesFullWords() {
            String key = "11".repeat(32);
            String value = "ee".repeat(32);
            runner.run(push(value) + push(key) + "55");
            assertEquals(Bytes32.fromHex(value), runner.host.account(RECIPIENT).storageValue(Bytes32.fromHex(key)));
        }
    }

    @Nested
    class MSize {
        @Test
        void isZeroAtTheStart() {
            assertEquals(word("00"), top("59"));
        }

        @Test
        void growsWithTheFurthestRegionTouched() {
            String program = push("01") + push("40") + "52" + push("01") + push("00") + "52" + "59";
            assertEquals(word("60"), top(program));
        }

        @Test
        void growsForARegionOfSizeZero() {
            // CALL with input region (offset 0x200, size 0) and output region (0x300, size 0).
            String call = push("00") + push("0300") + push("00") + push("0200") + push("00") + push("aa") + push("00") + "f1";
            assertEquals(word("0300"), top(call + "59"));
        }

        @Test
        void canReachTheWholeBuffer() {
            String call = push("00") + push("0400") + push("00") + push("00") + push("00") + push("aa") + push("00") + "f1";
            assertEquals(word("0400"), top(call + "59"));
        }
    }

    @Nested
    class Push {
        @Test
        void everyPushPlacesItsImmediateRightAligned() {
            for (int n = 1; n <= 32; n++) {
                StringBuilder immediate = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    immediate.append(String.format("%02x", i));
                }
                assertEquals(word(immediate.toString()), top(push(immediate.toString())), "PUSH" + n);
            }
        }

        @Test
        void skipsItsImmediate() {
            // PUSH2 0x0000 must not execute its zero bytes as STOP: 3 instructions run.
            Result result = runner.run(push("0000") + push("01") + "01", 10);
            assertEquals(Result.success(7, Bytes.EMPTY), result);
        }

        @Test
        void anImmediateCutShortEndsSuccessfully() {
            assertEquals(Result.success(9, Bytes.EMPTY), runner.run("7fd0d1", 10));
            assertEquals(Result.success(9, Bytes.EMPTY), runner.run("60", 10));
        }
    }

    @Nested
    class Dup1 {
        @Test
        void duplicatesTheTop() {
            assertEquals(word("0a"), top(push("05") + "80" + "01"));
        }

        @Test
        void leavesTheOriginalBelow() {
            // 7, 9 -> DUP1 -> 7, 9, 9 -> ADD -> 7, 18 -> ADD -> 25
            assertEquals(word("19"), top(push("07") + push("09") + "80" + "01" + "01"));
        }

        @Test
        void fillsTheStackToItsLimit() {
            // 1024 words, then ADD makes room for RETURN_TOP's push.
            Result result = runner.run(push("01") + "80".repeat(WordStack.LIMIT - 1) + "01" + RETURN_TOP, 10_000);
            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(bytes(word("02")), result.output());
        }
    }

    @Nested
    class Call {
        private static final Address CALLEE = Address.fromHex("00000000000000000000000000000000c0ffee01");

        /** The CALL arguments pushed so that gas ends on top, as CALL pops them. */
        private String callWith(String gas, String recipient, String value, long inOffset, long inSize, long outOffset,
                long outSize) {
            return push4(outSize) + push4(outOffset) + push4(inSize) + push4(inOffset) + push(value) + push(recipient)
                    + push(gas) + "f1";
        }

        private String returnMemory(int size) {
            return push4(size) + push("00") + "f3";
        }

        @Test
        void sendsTheMessageAndCopiesTheOutput() {
            runner.host.callResult(Result.success(5, bytes("0102030405")));
            String program = push("aabbccdd") + push("00") + "52"
                    + callWith("0100001234", "ff".repeat(12) + CALLEE.toHex(), "99", 28, 4, 64, 3)
                    + push("60") + "52" + returnMemory(128);
            Message message = Runner.message(1000).toBuilder().depth(3).build();

            Result result = runner.run(message, program);

            assertEquals(StatusCode.SUCCESS, result.status());
            String memory = result.output().toHex();
            assertEquals("aabbccdd", memory.substring(56, 64));
            assertEquals("010203" + "00".repeat(29), memory.substring(128, 192));
            assertEquals(word("01"), memory.substring(192, 256));

            List<Message> calls = runner.host.recordedCalls();
            assertEquals(1, calls.size());
            Message sent = calls.get(0);
            assertEquals(CallKind.CALL, sent.kind());
            assertEquals(0x1234, sent.gas(), "gas is the low 32 bits");
            assertEquals(CALLEE, sent.recipient(), "recipient is the low 20 bytes");
            assertEquals(CALLEE, sent.codeAddress());
            assertEquals(RECIPIENT, sent.sender());
            assertEquals(Bytes32.fromLong(0x99), sent.value());
            assertEquals(bytes("aabbccdd"), sent.input());
            assertEquals(4, sent.depth());
            assertTrue(sent.flags().isEmpty());
        }

        @Test
        void gasIsReadAsUnsigned32Bits() {
            runner.run(callWith("ffffffff", CALLEE.toHex(), "00", 0, 0, 0, 0));
            assertEquals(0xffff_ffffL, runner.host.recordedCalls().get(0).gas());
        }

        @Test
        void pushesZeroWhenTheCalleeDoesNotSucceedButStillCopiesItsOutput() {
            runner.host.callResult(Result.revert(0, bytes("abcd")));
            Result result = runner.run(callWith("00", CALLEE.toHex(), "00", 0, 0, 32, 2) + push("00") + "52" + returnMemory(64));
            assertEquals(word("00") + "abcd" + "00".repeat(30), result.output().toHex());
        }

        @Test
        void copiesNoMoreThanTheCalleesOutput() {
            runner.host.callResult(Result.success(0, bytes("0102")));
            String program = push("ff".repeat(32)) + push("00") + "52" + callWith("00", CALLEE.toHex(), "00", 0, 0, 0, 32) + returnMemory(32);
            assertEquals("0102" + "ff".repeat(30), runner.run(program).output().toHex());
        }

        @Test
        void copiesNoMoreThanTheOutputSize() {
            runner.host.callResult(Result.success(0, bytes("0102030405")));
            String program = callWith("00", CALLEE.toHex(), "00", 0, 0, 1, 2) + returnMemory(32);
            assertEquals("000102" + "00".repeat(29), runner.run(program).output().toHex());
        }

        @Test
        void emptyInputRegionSendsEmptyInput() {
            runner.run(callWith("00", CALLEE.toHex(), "00", 100, 0, 0, 0));
            assertEquals(Bytes.EMPTY, runner.host.recordedCalls().get(0).input());
        }

        @Test
        void closesTheCalleesResult() {
            AtomicInteger releases = new AtomicInteger();
            MockedHost host = new MockedHost() {
                @Override
                public Result call(Message message) {
                    return Result.success(0, bytes("01")).withRelease(releases::incrementAndGet);
                }
            };
            Result result = runner.run(host, Revision.LATEST_STABLE, Runner.message(1000),
                    callWith("00", CALLEE.toHex(), "00", 0, 0, 0, 1) + returnMemory(1));
            assertEquals(bytes("01"), result.output());
            assertEquals(1, releases.get());
        }

        /** MSIZE, MSTORE of it at 0x200, RETURN of the word: the active memory size after a program. */
        private String returnMsize() {
            return "59" + push("0200") + "52" + push("20") + push("0200") + "f3";
        }

        @Test
        void outputRegionPassing2To32IsTheIssuesExample() {
            // Issue 10: out offset 1 + out size 0xffffffff passes 2^32. The reference checks the end modulo
            // 2^32 (0: fits), calls, and copies min(size, 3) = 3 bytes of the callee's output at offset 1.
            runner.host.callResult(Result.success(0, bytes("aabbcc")));

            Result result = runner.run("63ffffffff600160006000600060aa6000f1596000f3", 100);

            assertEquals(Result.success(89, bytes("00aabbcc")), result);
            assertEquals(1, runner.host.recordedCalls().size());
        }

        @Test
        void aWrappedOutputRegionGrowsMemoryToItsWrappedEnd() {
            // End (0xfffffff0 + 0x20) mod 2^32 = 0x10: the active size becomes 16. The copy (3 bytes at
            // 0xfffffff0) does not fit and is skipped: the reference would write outside its buffer there.
            runner.host.callResult(Result.success(0, bytes("aabbcc")));

            Result result = runner.run(callWith("00", CALLEE.toHex(), "00", 0, 0, 0xffff_fff0L, 0x20) + returnMsize());

            assertEquals(bytes(word("10")), result.output());
        }

        @Test
        void aCopyThatDoesNotFitIsSkippedWithoutFailing() {
            runner.host.callResult(Result.success(0, bytes("aabbcc")));

            Result result = runner.run(callWith("00", CALLEE.toHex(), "00", 0, 0, 0xffff_ffffL, 1) + returnMsize());

            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(bytes(word("00")), result.output(), "nothing copied, memory untouched");
        }

        @Test
        void anEmptyCalleeOutputStillTouchesTheOutputOffset() {
            // The reference's store of 0 bytes at offset 1 grows the active size to 1.
            Result result = runner.run(callWith("00", CALLEE.toHex(), "00", 0, 0, 1, 0xffff_ffffL) + returnMsize());

            assertEquals(bytes(word("01")), result.output());
        }

        @Test
        void atTheLargestDepthTheCallFailsWithoutReachingTheHost() {
            Message deepest = Runner.message(1000).toBuilder().depth(Integer.MAX_VALUE).build();
            String program = push("ff") + push("00") + "52"
                    + callWith("00", CALLEE.toHex(), "00", 0, 0, 0, 32) + RETURN_TOP;

            Result result = runner.run(deepest, program);

            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(bytes(word("00")), result.output(), "CALL pushed 0");
            assertTrue(runner.host.recordedCalls().isEmpty());
        }

        @Test
        void oneBelowTheLargestDepthTheCallIsMadeAtTheLargestDepth() {
            Message message = Runner.message(1000).toBuilder().depth(Integer.MAX_VALUE - 1).build();

            Result result = runner.run(message, callWith("00", CALLEE.toHex(), "00", 0, 0, 0, 0) + RETURN_TOP);

            assertEquals(bytes(word("01")), result.output());
            assertEquals(Integer.MAX_VALUE, runner.host.recordedCalls().get(0).depth());
        }

        @Test
        void costsOneGasLikeAnyInstruction() {
            Result result = runner.run(callWith("ffff", CALLEE.toHex(), "00", 0, 0, 0, 0), 100);
            assertEquals(Result.success(100 - 8, Bytes.EMPTY), result);
        }
    }

    @Nested
    class ReturnAndRevert {
        @Test
        void returnPopsOffsetThenSize() {
            Result result = runner.run(push("bb") + push("00") + "52" + push("02") + push("1e") + "f3", 100);
            assertEquals(Result.success(100 - 6, bytes("00bb")), result);
        }

        @Test
        void returnOfSizeZeroIsEmptyEvenAtTheEndOfMemory() {
            assertEquals(Result.success(97, Bytes.EMPTY), runner.run(push("00") + push("0400") + "f3", 100));
        }

        @Test
        void returnOfUntouchedMemoryGivesZeros() {
            assertEquals(bytes("00".repeat(1024)), runner.run(push("0400") + push("00") + "f3").output());
        }

        @Test
        void revertKeepsGasAndOutput() {
            Result result = runner.run(push("cc") + push("00") + "52" + push("01") + push("1f") + "fd");
            assertEquals(Result.revert(1_000_000 - 6, bytes("cc")), result);
        }

        @ParameterizedTest
        @EnumSource(Revision.class)
        void revertIsDefinedFromByzantiumOn(Revision revision) {
            Result result = runner.run(revision, push("00") + push("00") + "fd");
            StatusCode expected = revision.compareTo(Revision.BYZANTIUM) >= 0
                    ? StatusCode.REVERT : StatusCode.UNDEFINED_INSTRUCTION;
            assertEquals(expected, result.status(), revision::displayName);
            assertEquals(expected == StatusCode.REVERT ? 1_000_000 - 3 : 0, result.gasLeft());
        }
    }

    @Nested
    class UndefinedInstructions {
        @Test
        void everyOtherByteIsUndefinedWithNoGasLeft() {
            int undefined = 0;
            for (int opcode = 0; opcode < 256; opcode++) {
                if (Opcodes.isDefined(opcode)) {
                    continue;
                }
                undefined++;
                Result result = runner.run(String.format("%02x", opcode), 100);
                assertEquals(Result.failure(StatusCode.UNDEFINED_INSTRUCTION), result, "opcode " + opcode);
            }
            assertEquals(256 - 13 - 32, undefined);
        }
    }
}
