package org.dvmc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks every enum of the contract against the C description, written out here as explicit tables so
 * that a renumbered or renamed constant fails loudly rather than agreeing with itself.
 */
class EnumCodesTest {

    /** One row of a table: the constant, its C number and (where the enum has one) its human name. */
    private record Row<E>(E constant, int code, String name) {
    }

    private static <E> Row<E> row(E constant, int code, String name) {
        return new Row<>(constant, code, name);
    }

    private static <E> Row<E> row(E constant, int code) {
        return new Row<>(constant, code, null);
    }

    /**
     * Asserts the table names every constant exactly once, in declaration order, with the right number
     * and name, and that fromCode finds each one and nothing for {@code unknownCodes}.
     */
    private static <E extends Enum<E>> void assertTable(Class<E> type, List<Row<E>> table,
            ToIntFunction<E> code, IntFunction<Optional<E>> fromCode, java.util.function.Function<E, String> name,
            int... unknownCodes) {
        E[] constants = type.getEnumConstants();
        assertEquals(table.size(), constants.length, type.getSimpleName() + ": number of constants");
        for (int i = 0; i < constants.length; i++) {
            Row<E> row = table.get(i);
            assertSame(row.constant(), constants[i], type.getSimpleName() + ": declaration order at " + i);
            assertEquals(row.code(), code.applyAsInt(row.constant()), row.constant() + ": C number");
            if (row.name() != null) {
                assertEquals(row.name(), name.apply(row.constant()), row.constant() + ": human name");
            }
            assertEquals(Optional.of(row.constant()), fromCode.apply(row.code()), row.constant() + ": fromCode");
        }
        for (int unknown : unknownCodes) {
            assertEquals(Optional.empty(), fromCode.apply(unknown), type.getSimpleName() + ": fromCode(" + unknown + ")");
        }
    }

    @Test
    void statusCodes() {
        List<Row<StatusCode>> table = List.of(
                row(StatusCode.SUCCESS, 0, "success"),
                row(StatusCode.FAILURE, 1, "failure"),
                row(StatusCode.REVERT, 2, "revert"),
                row(StatusCode.OUT_OF_GAS, 3, "out of gas"),
                row(StatusCode.INVALID_INSTRUCTION, 4, "invalid instruction"),
                row(StatusCode.UNDEFINED_INSTRUCTION, 5, "undefined instruction"),
                row(StatusCode.STACK_OVERFLOW, 6, "stack overflow"),
                row(StatusCode.STACK_UNDERFLOW, 7, "stack underflow"),
                row(StatusCode.BAD_JUMP_DESTINATION, 8, "bad jump destination"),
                row(StatusCode.INVALID_MEMORY_ACCESS, 9, "invalid memory access"),
                row(StatusCode.CALL_DEPTH_EXCEEDED, 10, "call depth exceeded"),
                row(StatusCode.STATIC_MODE_VIOLATION, 11, "static mode violation"),
                row(StatusCode.PRECOMPILE_FAILURE, 12, "precompile failure"),
                row(StatusCode.CONTRACT_VALIDATION_FAILURE, 13, "contract validation failure"),
                row(StatusCode.ARGUMENT_OUT_OF_RANGE, 14, "argument out of range"),
                row(StatusCode.WASM_UNREACHABLE_INSTRUCTION, 15, "wasm unreachable instruction"),
                row(StatusCode.WASM_TRAP, 16, "wasm trap"),
                row(StatusCode.INSUFFICIENT_BALANCE, 17, "insufficient balance"),
                row(StatusCode.INTERNAL_ERROR, -1, "internal error"),
                row(StatusCode.REJECTED, -2, "rejected"),
                row(StatusCode.OUT_OF_MEMORY, -3, "out of memory"));
        assertEquals(21, table.size());
        assertTable(StatusCode.class, table, StatusCode::code, StatusCode::fromCode, StatusCode::description,
                18, 19, 100, -4, -5, Integer.MAX_VALUE, Integer.MIN_VALUE);
        for (Row<StatusCode> row : table) {
            assertEquals(row.name(), row.constant().toString(), "toString is the human name");
        }
    }

    @Test
    void onlySuccessAndRevertKeepGasAndOutput() {
        for (StatusCode status : StatusCode.values()) {
            boolean expected = status == StatusCode.SUCCESS || status == StatusCode.REVERT;
            assertEquals(expected, status.keepsGasAndOutput(), status.name());
        }
    }

    @Test
    void revisions() {
        List<Row<Revision>> table = List.of(
                row(Revision.FRONTIER, 0, "Frontier"),
                row(Revision.HOMESTEAD, 1, "Homestead"),
                row(Revision.TANGERINE_WHISTLE, 2, "Tangerine Whistle"),
                row(Revision.SPURIOUS_DRAGON, 3, "Spurious Dragon"),
                row(Revision.BYZANTIUM, 4, "Byzantium"),
                row(Revision.CONSTANTINOPLE, 5, "Constantinople"),
                row(Revision.PETERSBURG, 6, "Petersburg"),
                row(Revision.ISTANBUL, 7, "Istanbul"),
                row(Revision.BERLIN, 8, "Berlin"),
                row(Revision.LONDON, 9, "London"),
                row(Revision.PARIS, 10, "Paris"),
                row(Revision.SHANGHAI, 11, "Shanghai"),
                row(Revision.CANCUN, 12, "Cancun"),
                row(Revision.PRAGUE, 13, "Prague"),
                row(Revision.OSAKA, 14, "Osaka"),
                row(Revision.EXPERIMENTAL, 15, "Experimental"));
        assertTable(Revision.class, table, Revision::code, Revision::fromCode, Revision::displayName,
                16, -1, 255, Integer.MIN_VALUE);
        for (Row<Revision> row : table) {
            assertEquals(row.name(), row.constant().toString());
            assertEquals(row.code(), row.constant().ordinal(), "ordinal order is C order, so compareTo works");
            assertEquals(Optional.of(row.constant()), Revision.fromName(row.name()));
        }
        assertSame(Revision.CANCUN, Revision.LATEST_STABLE);
        assertSame(Revision.EXPERIMENTAL, Revision.MAX);
        assertTrue(Revision.CANCUN.compareTo(Revision.BYZANTIUM) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tangerine Whistle", "tangerine whistle", "TANGERINE_WHISTLE", "tangerinewhistle",
        "tangerine-whistle", "Tangerine_Whistle", "TangerineWhistle", "TANGERINE WHISTLE"})
    void revisionFromNameIgnoresCaseSpacesUnderscoresAndDashes(String name) {
        assertEquals(Optional.of(Revision.TANGERINE_WHISTLE), Revision.fromName(name));
    }

    @Test
    void revisionFromNameAcceptsEnumNamesAndRejectsUnknown() {
        for (Revision revision : Revision.values()) {
            assertEquals(Optional.of(revision), Revision.fromName(revision.name()));
            assertEquals(Optional.of(revision), Revision.fromName(revision.name().toLowerCase()));
        }
        assertEquals(Optional.of(Revision.PRAGUE), Revision.fromName("prague"));
        assertEquals(Optional.of(Revision.SPURIOUS_DRAGON), Revision.fromName("spurious dragon"));
        for (String unknown : new String[] {"", " ", "Pragu", "Prague2", "13", "latest", "Tangerine"}) {
            assertEquals(Optional.empty(), Revision.fromName(unknown), unknown);
        }
    }

    @Test
    void callKinds() {
        assertTable(CallKind.class, List.of(
                row(CallKind.CALL, 0),
                row(CallKind.DELEGATECALL, 1),
                row(CallKind.CALLCODE, 2),
                row(CallKind.CREATE, 3),
                row(CallKind.CREATE2, 4),
                row(CallKind.EOFCREATE, 5)),
                CallKind::code, CallKind::fromCode, CallKind::name, 6, -1, 100);
        assertEquals(EnumSet.of(CallKind.CREATE, CallKind.CREATE2, CallKind.EOFCREATE),
                EnumSet.copyOf(List.of(CallKind.values()).stream().filter(CallKind::isCreate).toList()));
    }

    @Test
    void storageStatuses() {
        assertTable(StorageStatus.class, List.of(
                row(StorageStatus.ASSIGNED, 0, "assigned"),
                row(StorageStatus.ADDED, 1, "added"),
                row(StorageStatus.DELETED, 2, "deleted"),
                row(StorageStatus.MODIFIED, 3, "modified"),
                row(StorageStatus.DELETED_ADDED, 4, "deleted added"),
                row(StorageStatus.MODIFIED_DELETED, 5, "modified deleted"),
                row(StorageStatus.DELETED_RESTORED, 6, "deleted restored"),
                row(StorageStatus.ADDED_DELETED, 7, "added deleted"),
                row(StorageStatus.MODIFIED_RESTORED, 8, "modified restored")),
                StorageStatus::code, StorageStatus::fromCode, StorageStatus::description, 9, -1);
    }

    @Test
    void accessStatuses() {
        assertTable(AccessStatus.class, List.of(row(AccessStatus.COLD, 0), row(AccessStatus.WARM, 1)),
                AccessStatus::code, AccessStatus::fromCode, AccessStatus::name, 2, -1);
    }

    @Test
    void setOptionResults() {
        assertTable(SetOptionResult.class, List.of(
                row(SetOptionResult.SUCCESS, 0),
                row(SetOptionResult.INVALID_NAME, 1),
                row(SetOptionResult.INVALID_VALUE, 2)),
                SetOptionResult::code, SetOptionResult::fromCode, SetOptionResult::name, 3, -1);
    }

    @Test
    void messageFlagBits() {
        Map<MessageFlag, Integer> table = new LinkedHashMap<>();
        table.put(MessageFlag.STATIC, 1);
        table.put(MessageFlag.DELEGATED, 2);
        assertEquals(List.copyOf(table.keySet()), List.of(MessageFlag.values()));
        table.forEach((flag, bit) -> assertEquals(bit, flag.bit(), flag.name()));

        assertEquals(0, MessageFlag.toMask(Set.of()));
        assertEquals(1, MessageFlag.toMask(Set.of(MessageFlag.STATIC)));
        assertEquals(2, MessageFlag.toMask(EnumSet.of(MessageFlag.DELEGATED)));
        assertEquals(3, MessageFlag.toMask(EnumSet.allOf(MessageFlag.class)));
        for (int mask = 0; mask < 4; mask++) {
            assertEquals(mask, MessageFlag.toMask(MessageFlag.fromMask(mask)), "mask " + mask);
        }
        assertEquals(Set.of(), MessageFlag.fromMask(0));
        assertEquals(Set.of(MessageFlag.STATIC, MessageFlag.DELEGATED), MessageFlag.fromMask(-1));
        assertEquals(Set.of(MessageFlag.DELEGATED), MessageFlag.fromMask(2 | 4 | 0x8000_0000));
        Set<MessageFlag> fromMask = MessageFlag.fromMask(1);
        assertThrows(UnsupportedOperationException.class, () -> fromMask.add(MessageFlag.DELEGATED));
    }

    @Test
    void capabilityBits() {
        Map<Capability, Integer> table = new LinkedHashMap<>();
        table.put(Capability.DVM1, 1);
        table.put(Capability.EWASM, 2);
        table.put(Capability.PRECOMPILES, 4);
        assertEquals(List.copyOf(table.keySet()), List.of(Capability.values()));
        table.forEach((capability, bit) -> assertEquals(bit, capability.bit(), capability.name()));

        assertEquals(0, Capability.toMask(Set.of()));
        assertEquals(5, Capability.toMask(Set.of(Capability.DVM1, Capability.PRECOMPILES)));
        assertEquals(7, Capability.toMask(EnumSet.allOf(Capability.class)));
        for (int mask = 0; mask < 8; mask++) {
            assertEquals(mask, Capability.toMask(Capability.fromMask(mask)), "mask " + mask);
        }
        assertEquals(Set.of(Capability.EWASM), Capability.fromMask(2 | 8 | 0x100));
        assertEquals(EnumSet.allOf(Capability.class), Capability.fromMask(-1));
        Set<Capability> fromMask = Capability.fromMask(1);
        assertFalse(fromMask.contains(Capability.EWASM));
        assertThrows(UnsupportedOperationException.class, () -> fromMask.add(Capability.EWASM));
    }
}
