package org.dvmc.spi;

import static org.dvmc.spi.AddressTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TxContextTest {

    private static final Bytes32 HASH_A = Bytes32.fromHex("0x01" + "aa".repeat(31));
    private static final Bytes32 HASH_B = Bytes32.fromHex("0x01" + "bb".repeat(31));
    private static final TxInitcode INITCODE = new TxInitcode(Bytes32.fromLong(7), Bytes.fromHex("ef00"));

    /** A context with every field away from its default. */
    private static TxContext full() {
        return TxContext.builder()
                .gasPrice(Bytes32.fromLong(20_000_000_000L))
                .origin(Address.fromLong(0xaa))
                .coinbase(Address.fromLong(0xcb))
                .blockNumber(19_000_000)
                .timestamp(1_700_000_000)
                .gasLimit(30_000_000)
                .prevRandao(Bytes32.fromLong(0x5eed))
                .chainId(Bytes32.fromLong(1))
                .baseFee(Bytes32.fromLong(7))
                .blobBaseFee(Bytes32.fromLong(1))
                .blobHashes(List.of(HASH_A, HASH_B))
                .initcodes(List.of(INITCODE))
                .build();
    }

    @Test
    void builderDefaultsAndEmptyAreAllZero() {
        for (TxContext context : new TxContext[] {TxContext.builder().build(), TxContext.EMPTY}) {
            assertEquals(Bytes32.ZERO, context.gasPrice());
            assertEquals(Address.ZERO, context.origin());
            assertEquals(Address.ZERO, context.coinbase());
            assertEquals(0, context.blockNumber());
            assertEquals(0, context.timestamp());
            assertEquals(0, context.gasLimit());
            assertEquals(Bytes32.ZERO, context.prevRandao());
            assertEquals(Bytes32.ZERO, context.chainId());
            assertEquals(Bytes32.ZERO, context.baseFee());
            assertEquals(Bytes32.ZERO, context.blobBaseFee());
            assertEquals(List.of(), context.blobHashes());
            assertEquals(List.of(), context.initcodes());
        }
        assertEquals(TxContext.EMPTY, TxContext.builder().build());
    }

    @Test
    void builderSetsEveryField() {
        TxContext context = full();
        assertEquals(Bytes32.fromLong(20_000_000_000L), context.gasPrice());
        assertEquals(Address.fromLong(0xaa), context.origin());
        assertEquals(Address.fromLong(0xcb), context.coinbase());
        assertEquals(19_000_000, context.blockNumber());
        assertEquals(1_700_000_000, context.timestamp());
        assertEquals(30_000_000, context.gasLimit());
        assertEquals(Bytes32.fromLong(0x5eed), context.prevRandao());
        assertEquals(Bytes32.fromLong(1), context.chainId());
        assertEquals(Bytes32.fromLong(7), context.baseFee());
        assertEquals(Bytes32.fromLong(1), context.blobBaseFee());
        assertEquals(List.of(HASH_A, HASH_B), context.blobHashes());
        assertEquals(List.of(INITCODE), context.initcodes());
    }

    @Test
    void toBuilderRoundTripsAndChangesOneField() {
        TxContext context = full();
        assertEquals(context, context.toBuilder().build());
        assertEquals(context.hashCode(), context.toBuilder().build().hashCode());
        assertEquals(TxContext.EMPTY, TxContext.EMPTY.toBuilder().build());

        TxContext next = context.toBuilder().blockNumber(19_000_001).build();
        assertEquals(19_000_001, next.blockNumber());
        assertEquals(19_000_000, context.blockNumber());
        assertEquals(context.blobHashes(), next.blobHashes());
        assertNotEquals(context, next);
    }

    @Test
    void mutatingTheCallersListsAfterBuildChangesNothing() {
        List<Bytes32> hashes = new ArrayList<>(List.of(HASH_A));
        List<TxInitcode> initcodes = new ArrayList<>(List.of(INITCODE));
        TxContext.Builder builder = TxContext.builder().blobHashes(hashes).initcodes(initcodes);
        TxContext context = builder.build();
        hashes.add(HASH_B);
        initcodes.clear();
        assertEquals(List.of(HASH_A), context.blobHashes());
        assertEquals(List.of(INITCODE), context.initcodes());
    }

    @Test
    void listsAreUnmodifiable() {
        TxContext context = full();
        assertThrows(UnsupportedOperationException.class, () -> context.blobHashes().add(HASH_A));
        assertThrows(UnsupportedOperationException.class, () -> context.blobHashes().set(0, HASH_B));
        assertThrows(UnsupportedOperationException.class, () -> context.initcodes().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> TxContext.EMPTY.blobHashes().add(HASH_A));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeNumbersAreRejectedNamingTheField(long negative) {
        assertNegativeRejected("blockNumber", negative, b -> b.blockNumber(negative));
        assertNegativeRejected("timestamp", negative, b -> b.timestamp(negative));
        assertNegativeRejected("gasLimit", negative, b -> b.gasLimit(negative));
    }

    private static void assertNegativeRejected(String field, long value, UnaryOperator<TxContext.Builder> set) {
        TxContext.Builder builder = set.apply(TxContext.builder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build, field);
        assertContains(e.getMessage(), field, "0 or more", Long.toString(value));
    }

    @Test
    void largestNumbersAreAccepted() {
        TxContext context = TxContext.builder()
                .blockNumber(Long.MAX_VALUE).timestamp(Long.MAX_VALUE).gasLimit(Long.MAX_VALUE).build();
        assertEquals(Long.MAX_VALUE, context.blockNumber());
        assertEquals(Long.MAX_VALUE, context.timestamp());
        assertEquals(Long.MAX_VALUE, context.gasLimit());
    }

    @Test
    void nullFieldsAreRejectedNamingTheField() {
        assertNullRejected("gasPrice", b -> b.gasPrice(null));
        assertNullRejected("origin", b -> b.origin(null));
        assertNullRejected("coinbase", b -> b.coinbase(null));
        assertNullRejected("prevRandao", b -> b.prevRandao(null));
        assertNullRejected("chainId", b -> b.chainId(null));
        assertNullRejected("baseFee", b -> b.baseFee(null));
        assertNullRejected("blobBaseFee", b -> b.blobBaseFee(null));
        assertNullRejected("blobHashes", b -> b.blobHashes(null));
        assertNullRejected("initcodes", b -> b.initcodes(null));
    }

    private static void assertNullRejected(String field, UnaryOperator<TxContext.Builder> setNull) {
        TxContext.Builder builder = setNull.apply(TxContext.builder());
        NullPointerException e = assertThrows(NullPointerException.class, builder::build, field);
        assertEquals(field, e.getMessage());
    }

    @Test
    void nullListElementsAreRejected() {
        List<Bytes32> hashes = new ArrayList<>();
        hashes.add(null);
        assertThrows(NullPointerException.class, () -> TxContext.builder().blobHashes(hashes).build());
        List<TxInitcode> initcodes = new ArrayList<>();
        initcodes.add(null);
        assertThrows(NullPointerException.class, () -> TxContext.builder().initcodes(initcodes).build());
    }

    @Test
    void initcodeChecksItsFields() {
        assertEquals(Bytes32.fromLong(7), INITCODE.hash());
        assertEquals(Bytes.fromHex("ef00"), INITCODE.code());
        assertEquals(INITCODE, new TxInitcode(Bytes32.fromLong(7), Bytes.fromHex("0xef00")));
        NullPointerException noHash =
                assertThrows(NullPointerException.class, () -> new TxInitcode(null, Bytes.EMPTY));
        assertEquals("hash", noHash.getMessage());
        NullPointerException noCode =
                assertThrows(NullPointerException.class, () -> new TxInitcode(Bytes32.ZERO, null));
        assertEquals("code", noCode.getMessage());
    }

    @Test
    void equalityAndHashing() {
        assertEquals(full(), full());
        assertEquals(full().hashCode(), full().hashCode());
        assertNotEquals(full(), full().toBuilder().blobHashes(List.of(HASH_B, HASH_A)).build(), "order matters");
        assertNotEquals(full(), TxContext.EMPTY);
    }
}
