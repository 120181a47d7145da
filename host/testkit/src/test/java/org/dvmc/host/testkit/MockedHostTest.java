package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.StorageStatus;
import org.dvmc.spi.TxContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockedHostTest {

    private static final Address ACCOUNT = Address.fromLong(0xacc0);
    private static final Address OTHER = Address.fromLong(0x0be7);
    private static final Bytes32 KEY = Bytes32.fromLong(7);

    private final MockedHost host = new MockedHost();

    @Nested
    class StorageStatusByEip2200 {

        /**
         * Each row: the value at the start of the transaction, the current value (written first when
         * it differs), the value written, and the status. Every one of the 9 statuses appears.
         */
        @ParameterizedTest(name = "original {0}, current {1}, new {2} -> {3}")
        @CsvSource({
            "0, 0, 0, ASSIGNED",
            "1, 2, 3, ASSIGNED",
            "1, 1, 1, ASSIGNED",
            "0, 0, 1, ADDED",
            "1, 1, 0, DELETED",
            "1, 1, 2, MODIFIED",
            "1, 0, 2, DELETED_ADDED",
            "1, 2, 0, MODIFIED_DELETED",
            "1, 0, 1, DELETED_RESTORED",
            "0, 1, 0, ADDED_DELETED",
            "1, 2, 1, MODIFIED_RESTORED",
            "0, 1, 2, ASSIGNED",
        })
        void setStorageReturnsTheStatusAndUpdatesTheCurrentValue(long original, long current, long value,
                StorageStatus expected) {
            host.account(ACCOUNT).storage(KEY, Bytes32.fromLong(original));
            if (current != original) {
                host.setStorage(ACCOUNT, KEY, Bytes32.fromLong(current));
            }
            assertEquals(expected, host.setStorage(ACCOUNT, KEY, Bytes32.fromLong(value)));
            StorageSlot slot = host.account(ACCOUNT).findSlot(KEY).orElseThrow();
            assertEquals(Bytes32.fromLong(original), slot.original());
            assertEquals(Bytes32.fromLong(value), slot.current());
            assertEquals(Bytes32.fromLong(value), host.getStorage(ACCOUNT, KEY));
        }

        @Test
        void staticRuleAgreesWithTheHost() {
            Bytes32 zero = Bytes32.ZERO;
            Bytes32 one = Bytes32.fromLong(1);
            assertEquals(StorageStatus.ADDED, MockedHost.storageStatus(zero, zero, one));
            assertEquals(StorageStatus.ADDED_DELETED, MockedHost.storageStatus(zero, one, zero));
        }

        @Test
        void everyStatusIsReachedFromValuesZeroOneAndTwo() {
            Set<StorageStatus> reached = EnumSet.noneOf(StorageStatus.class);
            for (long original = 0; original < 3; original++) {
                for (long current = 0; current < 3; current++) {
                    for (long value = 0; value < 3; value++) {
                        reached.add(MockedHost.storageStatus(Bytes32.fromLong(original), Bytes32.fromLong(current),
                                Bytes32.fromLong(value)));
                    }
                }
            }
            assertEquals(EnumSet.allOf(StorageStatus.class), reached);
        }
    }

    @Nested
    class AccessStatuses {

        @Test
        void accountTurnsFromColdToWarm() {
            assertEquals(AccessStatus.COLD, host.accessAccount(ACCOUNT));
            assertEquals(AccessStatus.WARM, host.accessAccount(ACCOUNT));
            assertEquals(AccessStatus.COLD, host.accessAccount(OTHER));
        }

        @Test
        void precompilesAreAlwaysWarmAndOthersAreNot() {
            assertEquals(AccessStatus.WARM, host.accessAccount(Address.fromLong(1)));
            assertEquals(AccessStatus.WARM, host.accessAccount(Address.fromLong(9)));
            assertEquals(AccessStatus.COLD, host.accessAccount(Address.fromLong(10)));
            assertEquals(AccessStatus.COLD, host.accessAccount(Address.ZERO));
        }

        @Test
        void prewarmedAccountIsWarmAndNotRecorded() {
            host.warmAccount(ACCOUNT);
            assertEquals(0, host.totalAccountAccesses());
            assertEquals(AccessStatus.WARM, host.accessAccount(ACCOUNT));
        }

        @Test
        void storageSlotTurnsFromColdToWarmPerKey() {
            assertEquals(AccessStatus.COLD, host.accessStorage(ACCOUNT, KEY));
            assertEquals(AccessStatus.WARM, host.accessStorage(ACCOUNT, KEY));
            assertEquals(AccessStatus.COLD, host.accessStorage(ACCOUNT, Bytes32.fromLong(8)));
            assertEquals(AccessStatus.COLD, host.accessStorage(OTHER, KEY));
        }

        @Test
        void prewarmedSlotIsWarm() {
            host.account(ACCOUNT).slot(KEY).accessStatus(AccessStatus.WARM);
            assertEquals(AccessStatus.WARM, host.accessStorage(ACCOUNT, KEY));
        }

        @Test
        void writingKeepsTheAccessStatus() {
            host.setStorage(ACCOUNT, KEY, Bytes32.fromLong(1));
            assertEquals(AccessStatus.COLD, host.accessStorage(ACCOUNT, KEY));
        }
    }

    @Nested
    class BoundedRecords {

        @Test
        void logsKeepTheFirstOnesAndCountAll() {
            int emitted = MockedHost.MAX_RECORDED_LOGS + 10;
            for (int i = 0; i < emitted; i++) {
                host.emitLog(ACCOUNT, Bytes.of((byte) i), List.of(Bytes32.fromLong(i)));
            }
            assertEquals(MockedHost.MAX_RECORDED_LOGS, host.recordedLogs().size());
            assertEquals(emitted, host.totalLogs());
            assertEquals(new LogRecord(ACCOUNT, Bytes.of((byte) 0), List.of(Bytes32.ZERO)), host.recordedLogs().get(0));
        }

        @Test
        void callsAreRecordedWithTheirInputsUpToTheLimit() {
            for (int i = 0; i < MockedHost.MAX_RECORDED_CALLS + 1; i++) {
                host.call(Message.builder().recipient(OTHER).input(Bytes.of((byte) i)).gas(i).build());
            }
            assertEquals(MockedHost.MAX_RECORDED_CALLS, host.recordedCalls().size());
            assertEquals(MockedHost.MAX_RECORDED_CALLS + 1, host.totalCalls());
            assertEquals(Bytes.of((byte) 3), host.recordedCalls().get(3).input());
        }

        @Test
        void accountAccessesSelfdestructsAndBlockHashesAreBounded() {
            for (int i = 0; i < 5000; i++) {
                host.getBalance(Address.fromLong(i));
                host.selfdestruct(Address.fromLong(i), OTHER);
                host.getBlockHash(i);
            }
            assertEquals(MockedHost.MAX_RECORDED_ACCOUNT_ACCESSES, host.recordedAccountAccesses().size());
            assertEquals(Address.fromLong(0), host.recordedAccountAccesses().get(0));
            assertEquals(MockedHost.MAX_RECORDED_SELFDESTRUCTS, host.recordedSelfdestructs().size());
            assertEquals(MockedHost.MAX_RECORDED_BLOCK_HASHES, host.recordedBlockHashes().size());
            assertEquals(10_000, host.totalAccountAccesses());
            assertEquals(5000, host.totalSelfdestructs());
            assertEquals(5000, host.totalBlockHashRequests());
        }

        @Test
        void recordsAreReadOnlyAndClearable() {
            host.emitLog(ACCOUNT, Bytes.EMPTY, List.of());
            assertThrows(UnsupportedOperationException.class, () -> host.recordedLogs().clear());
            host.clearRecords();
            assertEquals(0, host.totalLogs());
            assertTrue(host.recordedLogs().isEmpty());
        }
    }

    @Nested
    class CopyCode {

        private final byte[] buffer = new byte[8];

        CopyCode() {
            host.account(ACCOUNT).code(Bytes.fromHex("0102030405"));
        }

        @Test
        void copiesTheWholeCode() {
            assertEquals(5, host.copyCode(ACCOUNT, 0, buffer, 0, 8));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 0, 0}, buffer);
        }

        @Test
        void copiesFromAnOffsetIntoAnOffsetUpToLength() {
            assertEquals(2, host.copyCode(ACCOUNT, 1, buffer, 3, 2));
            assertArrayEquals(new byte[] {0, 0, 0, 2, 3, 0, 0, 0}, buffer);
        }

        @Test
        void stopsAtTheEndOfTheCode() {
            assertEquals(1, host.copyCode(ACCOUNT, 4, buffer, 0, 8));
            assertArrayEquals(new byte[] {5, 0, 0, 0, 0, 0, 0, 0}, buffer);
        }

        @Test
        void copiesNothingAtOrPastTheEndOrForNoLengthOrNegativeOffset() {
            assertEquals(0, host.copyCode(ACCOUNT, 5, buffer, 0, 8));
            assertEquals(0, host.copyCode(ACCOUNT, Long.MAX_VALUE, buffer, 0, 8));
            assertEquals(0, host.copyCode(ACCOUNT, (long) Integer.MAX_VALUE + 1, buffer, 0, 8));
            assertEquals(0, host.copyCode(ACCOUNT, -1, buffer, 0, 8));
            assertEquals(0, host.copyCode(ACCOUNT, 0, buffer, 8, 0));
            assertArrayEquals(new byte[8], buffer);
        }

        @Test
        void copiesNothingFromAMissingAccount() {
            assertEquals(0, host.copyCode(OTHER, 0, buffer, 0, 8));
            assertArrayEquals(new byte[8], buffer);
        }

        @Test
        void rejectsABufferRangeThatDoesNotFit() {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> host.copyCode(ACCOUNT, 0, buffer, 4, 5));
            assertTrue(e.getMessage().startsWith("copyCode: buffer offset 4 and length 5 do not fit a buffer of 8"
                    + " bytes"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> host.copyCode(ACCOUNT, 0, buffer, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> host.copyCode(ACCOUNT, 0, buffer, 0, -1));
        }
    }

    @Nested
    class Accounts {

        @Test
        void missingAccountsReadAsZero() {
            assertFalse(host.accountExists(OTHER));
            assertEquals(Bytes32.ZERO, host.getBalance(OTHER));
            assertEquals(0, host.getCodeSize(OTHER));
            assertEquals(Bytes32.ZERO, host.getCodeHash(OTHER));
            assertEquals(Bytes32.ZERO, host.getStorage(OTHER, KEY));
            assertEquals(Bytes32.ZERO, host.getTransientStorage(OTHER, KEY));
        }

        @Test
        void accountValuesAreReported() {
            host.account(ACCOUNT).balance(Bytes32.fromLong(99)).code(Bytes.fromHex("6000")).codeHash(Bytes32.fromLong(5))
                    .nonce(3);
            assertTrue(host.accountExists(ACCOUNT));
            assertEquals(Bytes32.fromLong(99), host.getBalance(ACCOUNT));
            assertEquals(2, host.getCodeSize(ACCOUNT));
            assertEquals(Bytes32.fromLong(5), host.getCodeHash(ACCOUNT));
            assertEquals(3, host.account(ACCOUNT).nonce());
            host.removeAccount(ACCOUNT);
            assertFalse(host.accountExists(ACCOUNT));
        }

        @Test
        void transientStorageIsSetReadAndClearedByZero() {
            host.setTransientStorage(ACCOUNT, KEY, Bytes32.fromLong(4));
            assertEquals(Bytes32.fromLong(4), host.getTransientStorage(ACCOUNT, KEY));
            host.setTransientStorage(ACCOUNT, KEY, Bytes32.ZERO);
            assertEquals(Bytes32.ZERO, host.getTransientStorage(ACCOUNT, KEY));
            assertTrue(host.account(ACCOUNT).transientStorage().isEmpty());
        }

        @Test
        void selfdestructIsTrueOnlyTheFirstTime() {
            assertTrue(host.selfdestruct(ACCOUNT, OTHER));
            assertFalse(host.selfdestruct(ACCOUNT, OTHER));
            assertEquals(List.of(new SelfdestructRecord(ACCOUNT, OTHER), new SelfdestructRecord(ACCOUNT, OTHER)),
                    host.recordedSelfdestructs());
        }
    }

    @Nested
    class BlocksContextAndCalls {

        @Test
        void blockHashesComeFromTheTableOrTheDefault() {
            host.blockHash(10, Bytes32.fromLong(0xaa)).defaultBlockHash(Bytes32.fromLong(0xbb));
            assertEquals(Bytes32.fromLong(0xaa), host.getBlockHash(10));
            assertEquals(Bytes32.fromLong(0xbb), host.getBlockHash(11));
            assertEquals(List.of(10L, 11L), host.recordedBlockHashes());
        }

        @Test
        void txContextIsSettable() {
            assertEquals(TxContext.EMPTY, host.getTxContext());
            TxContext context = TxContext.builder().blockNumber(42).build();
            host.txContext(context);
            assertEquals(context, host.getTxContext());
        }

        @Test
        void callsReturnTheSetResultWithoutItsReleaseHook() {
            AtomicInteger released = new AtomicInteger();
            host.callResult(Result.revert(7, Bytes.fromHex("ab")).withRelease(released::incrementAndGet));
            Result first = host.call(Message.builder().build());
            Result second = host.call(Message.builder().build());
            first.close();
            second.close();
            assertEquals(0, released.get());
            assertEquals(StatusCode.REVERT, first.status());
            assertEquals(7, second.gasLeft());
            assertEquals(Bytes.fromHex("ab"), second.output());
        }

        @Test
        void callResultKeepsACreateAddress() {
            host.callResult(Result.success(0, Bytes.EMPTY).withCreateAddress(OTHER));
            assertEquals(OTHER, host.call(Message.builder().build()).createAddress());
        }
    }
}
