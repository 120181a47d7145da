package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dvmc.spi.AccessStatus;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.MessageFlag;
import org.dvmc.spi.Revision;
import org.dvmc.spi.SetOptionResult;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.StorageStatus;
import org.junit.jupiter.api.Test;

/**
 * The bridge's layouts and numbers against the C compiler's view of native/include/dvmc/dvmc.h: builds
 * native/test/layout_dump.c with gcc and checks every line it prints (sizeof, alignof, offsetof, enum) against
 * what the bridge and the spi use. A line the test does not know fails it, so nothing escapes the comparison.
 */
class AbiLayoutTest {

    @Test
    void everyValueTheHeaderDumpsEqualsTheBridges() {
        String dump = NativeTestLibraries.runProgram(NativeTestLibraries.REPOSITORY.resolve("native/test/layout_dump.c"),
                "layout_dump");
        Map<String, Long> c = new LinkedHashMap<>();
        for (String line : dump.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            c.put(parts[0], Long.parseLong(parts[1]));
        }
        Map<String, Long> java = javaValues();
        Map<String, Long> unknown = new TreeMap<>(c);
        unknown.keySet().removeAll(java.keySet());
        assertTrue(unknown.isEmpty(), () -> "values layout_dump prints that the bridge has no counterpart for: " + unknown);
        Map<String, Long> missing = new TreeMap<>(java);
        // The byte arrays inside the two value structs are at offset 0 by C's rules; the dump leaves them out.
        missing.remove("offsetof.dvmc_address.bytes");
        missing.remove("offsetof.dvmc_bytes32.bytes");
        missing.keySet().removeAll(c.keySet());
        assertTrue(missing.isEmpty(), () -> "values of the bridge layout_dump does not print: " + missing);
        for (Map.Entry<String, Long> entry : c.entrySet()) {
            assertEquals(entry.getValue(), java.get(entry.getKey()), entry.getKey());
        }
        assertTrue(c.size() > 150, () -> "layout_dump printed only " + c.size() + " values");
    }

    private static Map<String, Long> javaValues() {
        Map<String, Long> values = new LinkedHashMap<>(Abi.sizesAndOffsets());
        for (StructLayout struct : new StructLayout[] {Abi.BYTES32, Abi.ADDRESS20, Abi.MESSAGE, Abi.TX_INITCODE,
            Abi.TX_CONTEXT, Abi.RESULT, Abi.HOST_INTERFACE, Abi.VM}) {
            values.put("alignof." + struct.name().orElseThrow(), struct.byteAlignment());
        }
        // The C enums and the flag set are 4-byte integers in every signature the bridge declares.
        for (String type : new String[] {"dvmc_call_kind", "dvmc_status_code", "dvmc_revision", "dvmc_storage_status",
            "dvmc_access_status", "dvmc_set_option_result", "dvmc_capabilities_flagset"}) {
            MemoryLayout layout = ValueLayout.JAVA_INT;
            values.put("sizeof." + type, layout.byteSize());
            values.put("alignof." + type, layout.byteAlignment());
        }
        // The C scalar types the layouts use: bool, pointers and size_t as the bridge declares them.
        values.put("sizeof.bool", ValueLayout.JAVA_BOOLEAN.byteSize());
        values.put("alignof.bool", ValueLayout.JAVA_BOOLEAN.byteAlignment());
        values.put("sizeof.pointer", ValueLayout.ADDRESS.byteSize());
        values.put("alignof.pointer", ValueLayout.ADDRESS.byteAlignment());
        values.put("sizeof.size_t", ValueLayout.JAVA_LONG.byteSize());
        values.put("alignof.size_t", ValueLayout.JAVA_LONG.byteAlignment());
        values.put("enum.DVMC_ABI_VERSION", (long) Dvmc.ABI_VERSION);
        for (CallKind kind : CallKind.values()) {
            values.put("enum.DVMC_" + kind.name(), (long) kind.code());
        }
        for (MessageFlag flag : MessageFlag.values()) {
            values.put("enum.DVMC_" + flag.name(), (long) flag.bit());
        }
        for (StatusCode status : StatusCode.values()) {
            values.put("enum.DVMC_" + status.name(), (long) status.code());
        }
        for (StorageStatus status : StorageStatus.values()) {
            values.put("enum.DVMC_STORAGE_" + status.name(), (long) status.code());
        }
        for (AccessStatus status : AccessStatus.values()) {
            values.put("enum.DVMC_ACCESS_" + status.name(), (long) status.code());
        }
        for (SetOptionResult result : SetOptionResult.values()) {
            values.put("enum.DVMC_SET_OPTION_" + result.name(), (long) result.code());
        }
        for (Revision revision : Revision.values()) {
            values.put("enum.DVMC_" + revision.name(), (long) revision.code());
        }
        values.put("enum.DVMC_MAX_REVISION", (long) Revision.MAX.code());
        values.put("enum.DVMC_LATEST_STABLE_REVISION", (long) Revision.LATEST_STABLE.code());
        for (Capability capability : Capability.values()) {
            values.put("enum.DVMC_CAPABILITY_" + capability.name(), (long) capability.bit());
        }
        return values;
    }
}
