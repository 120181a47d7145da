package org.dvmc.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VmTest {

    @ParameterizedTest
    @CsvSource(value = {
        "verbose,1", "verbose,''", "'',''", "'',value", "trace,true", "NULL,NULL", "NULL,x", "x,NULL",
        "a very long option name with spaces,and a value", "\u00e9,\u00e9"},
            nullValues = "NULL")
    void defaultSetOptionRejectsEveryNameWithInvalidName(String name, String value) {
        try (Vm vm = new MinimalVm()) {
            assertEquals(SetOptionResult.INVALID_NAME, vm.setOption(name, value));
        }
    }

    @Test
    void defaultCloseIsHarmlessTwice() {
        Vm vm = new MinimalVm();
        assertDoesNotThrow(vm::close);
        assertDoesNotThrow(vm::close);
    }

    @Test
    void defaultHasCapabilityFollowsCapabilities() {
        Vm vm = new MinimalVm();
        assertTrue(vm.hasCapability(Capability.DVM1));
        assertFalse(vm.hasCapability(Capability.EWASM));
        assertFalse(vm.hasCapability(Capability.PRECOMPILES));
    }

    @Test
    void serviceLoaderFindsTheTestFactory() {
        List<VmFactory> found = new ArrayList<>();
        ServiceLoader.load(VmFactory.class).forEach(found::add);
        VmFactory factory = found.stream()
                .filter(f -> f instanceof ServiceLoaderTestVmFactory)
                .findFirst()
                .orElseThrow(() -> new AssertionError("ServiceLoader did not find the test factory; found " + found));
        assertEquals("service_loader_test", factory.codename());
        assertTrue(VmFactory.CODENAME_PATTERN.matcher(factory.codename()).matches());
        try (Vm vm = factory.create()) {
            assertEquals(Dvmc.ABI_VERSION, vm.abiVersion());
            Message message = Message.builder().gas(21).build();
            try (Result result = vm.retrieveDescVx(null, Revision.LATEST_STABLE, message, Bytes.EMPTY)) {
                assertEquals(Result.success(21, Bytes.EMPTY), result);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trans_log", "a", "x1", "evm_one_2", "a_", "abc123_xyz"})
    void codenamePatternAccepts(String codename) {
        assertTrue(VmFactory.CODENAME_PATTERN.matcher(codename).matches(), codename);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Trans", "trans_Log", "1x", "_x", "a-b", "a b", " a", "a\n", "trans.log", "\u00e9"})
    void codenamePatternRejects(String codename) {
        Pattern pattern = VmFactory.CODENAME_PATTERN;
        assertFalse(pattern.matcher(codename).matches(), codename);
    }

    @Test
    void aCodenameHasAtMost64Characters() {
        assertTrue(VmFactory.CODENAME_PATTERN.matcher("a" + "b".repeat(63)).matches());
        assertFalse(VmFactory.CODENAME_PATTERN.matcher("a" + "b".repeat(64)).matches());
    }
}
