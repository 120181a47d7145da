package org.dvmc.spi;

import static org.dvmc.spi.AddressTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {

    private static final Address RECIPIENT = Address.fromHex("0x" + "11".repeat(20));
    private static final Address SENDER = Address.fromHex("0x" + "22".repeat(20));
    private static final Address CODE_ADDRESS = Address.fromHex("0x" + "33".repeat(20));

    /** A message with every field away from its default. */
    private static Message full() {
        return Message.builder()
                .kind(CallKind.CREATE2)
                .flag(MessageFlag.STATIC)
                .flag(MessageFlag.DELEGATED)
                .depth(3)
                .gas(1_000_000)
                .recipient(RECIPIENT)
                .sender(SENDER)
                .input(Bytes.fromHex("a9059cbb"))
                .value(Bytes32.fromLong(1_000_000_000_000_000_000L))
                .create2Salt(Bytes32.fromLong(42))
                .codeAddress(CODE_ADDRESS)
                .code(Bytes.fromHex("6000"))
                .build();
    }

    @Test
    void builderDefaults() {
        Message message = Message.builder().build();
        assertEquals(CallKind.CALL, message.kind());
        assertEquals(Set.of(), message.flags());
        assertFalse(message.isStatic());
        assertEquals(0, message.depth());
        assertEquals(0, message.gas());
        assertEquals(Address.ZERO, message.recipient());
        assertEquals(Address.ZERO, message.sender());
        assertSame(Bytes.EMPTY, message.input());
        assertEquals(Bytes32.ZERO, message.value());
        assertEquals(Bytes32.ZERO, message.create2Salt());
        assertEquals(Address.ZERO, message.codeAddress());
        assertSame(Bytes.EMPTY, message.code());
    }

    @Test
    void builderSetsEveryField() {
        Message message = full();
        assertEquals(CallKind.CREATE2, message.kind());
        assertEquals(EnumSet.allOf(MessageFlag.class), message.flags());
        assertTrue(message.isStatic());
        assertEquals(3, message.depth());
        assertEquals(1_000_000, message.gas());
        assertEquals(RECIPIENT, message.recipient());
        assertEquals(SENDER, message.sender());
        assertEquals(Bytes.fromHex("a9059cbb"), message.input());
        assertEquals(Bytes32.fromLong(1_000_000_000_000_000_000L), message.value());
        assertEquals(Bytes32.fromLong(42), message.create2Salt());
        assertEquals(CODE_ADDRESS, message.codeAddress());
        assertEquals(Bytes.fromHex("6000"), message.code());
    }

    @Test
    void toBuilderRoundTrips() {
        Message message = full();
        assertEquals(message, message.toBuilder().build());
        assertEquals(message.hashCode(), message.toBuilder().build().hashCode());
        assertEquals(Message.builder().build(), Message.builder().build().toBuilder().build());
    }

    @Test
    void toBuilderChangesOneFieldAndLeavesTheOriginalAlone() {
        Message message = full();
        Message deeper = message.toBuilder().depth(4).gas(63).build();
        assertEquals(4, deeper.depth());
        assertEquals(63, deeper.gas());
        assertEquals(3, message.depth());
        assertEquals(1_000_000, message.gas());
        assertEquals(message.sender(), deeper.sender());
        assertEquals(message.flags(), deeper.flags());

        Message unflagged = message.toBuilder().flags(Set.of()).build();
        assertEquals(Set.of(), unflagged.flags());
        assertEquals(EnumSet.allOf(MessageFlag.class), message.flags(), "the original keeps its flags");
    }

    @Test
    void flagsReplacesAndFlagAdds() {
        Message message = Message.builder()
                .flag(MessageFlag.DELEGATED)
                .flags(Set.of(MessageFlag.STATIC))
                .build();
        assertEquals(Set.of(MessageFlag.STATIC), message.flags());
        assertEquals(Set.of(MessageFlag.STATIC, MessageFlag.DELEGATED),
                message.toBuilder().flag(MessageFlag.DELEGATED).build().flags());
    }

    @Test
    void mutatingTheCallersFlagSetAfterBuildChangesNothing() {
        EnumSet<MessageFlag> flags = EnumSet.of(MessageFlag.STATIC);
        Message.Builder builder = Message.builder().flags(flags);
        flags.add(MessageFlag.DELEGATED);
        Message built = builder.build();
        assertEquals(Set.of(MessageFlag.STATIC), built.flags(), "the builder copied the set");

        flags.clear();
        assertEquals(Set.of(MessageFlag.STATIC), built.flags());

        // The canonical constructor copies too.
        EnumSet<MessageFlag> direct = EnumSet.of(MessageFlag.DELEGATED);
        Message constructed = new Message(CallKind.CALL, direct, 0, 0, Address.ZERO, Address.ZERO, Bytes.EMPTY,
                Bytes32.ZERO, Bytes32.ZERO, Address.ZERO, Bytes.EMPTY);
        direct.add(MessageFlag.STATIC);
        assertEquals(Set.of(MessageFlag.DELEGATED), constructed.flags());
    }

    @Test
    void reusingTheBuilderDoesNotChangeEarlierMessages() {
        Message.Builder builder = Message.builder().flag(MessageFlag.STATIC).gas(5);
        Message first = builder.build();
        builder.flag(MessageFlag.DELEGATED).gas(6);
        Message second = builder.build();
        assertEquals(Set.of(MessageFlag.STATIC), first.flags());
        assertEquals(5, first.gas());
        assertEquals(EnumSet.allOf(MessageFlag.class), second.flags());
        assertEquals(6, second.gas());
    }

    @Test
    void flagsAreUnmodifiable() {
        Set<MessageFlag> flags = full().flags();
        assertThrows(UnsupportedOperationException.class, () -> flags.remove(MessageFlag.STATIC));
        assertThrows(UnsupportedOperationException.class, flags::clear);
        Set<MessageFlag> empty = Message.builder().build().flags();
        assertThrows(UnsupportedOperationException.class, () -> empty.add(MessageFlag.STATIC));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void negativeDepthIsRejected(int depth) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Message.builder().depth(depth).build());
        assertContains(e.getMessage(), "depth", "0 or more", Integer.toString(depth));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeGasIsRejected(long gas) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Message.builder().gas(gas).build());
        assertContains(e.getMessage(), "gas", "0 or more", Long.toString(gas));
    }

    @Test
    void largestDepthAndGasAreAccepted() {
        Message message = Message.builder().depth(Integer.MAX_VALUE).gas(Long.MAX_VALUE).build();
        assertEquals(Integer.MAX_VALUE, message.depth());
        assertEquals(Long.MAX_VALUE, message.gas());
    }

    @Test
    void nullFieldsAreRejectedNamingTheField() {
        assertNullRejected("kind", b -> b.kind(null));
        assertNullRejected("recipient", b -> b.recipient(null));
        assertNullRejected("sender", b -> b.sender(null));
        assertNullRejected("input", b -> b.input(null));
        assertNullRejected("value", b -> b.value(null));
        assertNullRejected("create2Salt", b -> b.create2Salt(null));
        assertNullRejected("codeAddress", b -> b.codeAddress(null));
        assertNullRejected("code", b -> b.code(null));
        assertThrows(NullPointerException.class, () -> Message.builder().flags(null));
        assertThrows(NullPointerException.class, () -> Message.builder().flag(null));
        assertThrows(NullPointerException.class, () -> new Message(CallKind.CALL, null, 0, 0, Address.ZERO,
                Address.ZERO, Bytes.EMPTY, Bytes32.ZERO, Bytes32.ZERO, Address.ZERO, Bytes.EMPTY));
    }

    private static void assertNullRejected(String field, UnaryOperator<Message.Builder> setNull) {
        Message.Builder builder = setNull.apply(Message.builder());
        NullPointerException e = assertThrows(NullPointerException.class, builder::build, field);
        assertEquals(field, e.getMessage());
    }

    @Test
    void equalityAndHashing() {
        Message a = full();
        Message b = full();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().depth(4).build());
        assertNotEquals(a, a.toBuilder().flags(Set.of(MessageFlag.STATIC)).build());
        assertNotEquals(a, a.toBuilder().input(Bytes.fromHex("a9059cbc")).build());
        Set<Message> set = new HashSet<>();
        set.add(a);
        assertTrue(set.contains(b));
        // Flags compare as sets, whatever set type the caller used.
        assertEquals(Message.builder().flags(EnumSet.of(MessageFlag.STATIC)).build(),
                Message.builder().flags(new HashSet<>(Set.of(MessageFlag.STATIC))).build());
    }
}
