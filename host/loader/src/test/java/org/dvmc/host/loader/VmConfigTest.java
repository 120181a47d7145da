package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmConfigTest {

    @Test
    void aCodenameAloneHasNoOptions() throws LoaderException {
        VmConfig config = VmConfig.parse("trans_log");

        assertEquals("trans_log", config.target());
        assertEquals(List.of(), config.options());
        assertFalse(config.isPath());
    }

    @Test
    void optionsKeepTheirOrderAndBareNamesGetAnEmptyValue() throws LoaderException {
        VmConfig config = VmConfig.parse("trans_log,verbose=1,trace,limit=a=b,empty=");

        assertEquals(List.of(new VmOption("verbose", "1"), new VmOption("trace", ""), new VmOption("limit", "a=b"),
                new VmOption("empty", "")), config.options());
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() throws LoaderException {
        assertEquals(new VmConfig("trans_log", List.of(new VmOption("verbose", "1"))),
                VmConfig.parse("  trans_log,verbose=1\n"));
    }

    @Test
    void toStringParsesBackToAnEqualConfiguration() throws LoaderException {
        VmConfig config = VmConfig.parse("plugins/x-1.0.jar,verbose=1,trace");

        assertEquals(config, VmConfig.parse(config.toString()));
        assertEquals("plugins/x-1.0.jar,verbose=1,trace", config.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trans-log-1.0.0.jar", "plugins/trans_log", "./x", "X.JAR", "/abs/path/vm.jar"})
    void jarNamesAndPathsArePaths(String target) throws LoaderException {
        assertTrue(VmConfig.parse(target).isPath(), target);
    }

    @Test
    void thePlatformSeparatorMakesAPath() throws LoaderException {
        assertTrue(VmConfig.parse("dir" + File.separator + "vm").isPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",verbose=1", "trans_log,", "trans_log,,verbose=1", "trans_log,=1"})
    void emptyOrMalformedConfigurationsAreInvalidArguments(String text) {
        LoaderException e = assertThrows(LoaderException.class, () -> VmConfig.parse(text));
        assertEquals(LoaderErrorCode.INVALID_ARGUMENT, e.errorCode());
        LoaderTestSupport.assertMessageContains(e, "CODENAME_OR_JAR");
    }

    @Test
    void nullIsAnInvalidArgumentToo() {
        LoaderException e = assertThrows(LoaderException.class, () -> VmConfig.parse(null));
        assertEquals(LoaderErrorCode.INVALID_ARGUMENT, e.errorCode());
    }

    @Test
    void errorCodesKeepTheCNumbers() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7),
                Arrays.stream(LoaderErrorCode.values()).map(LoaderErrorCode::code).toList());
    }

    @Test
    void jarNamesSuggestCodenames() {
        assertEquals("trans_log", VmConfig.expectedCodename(java.nio.file.Path.of("plugins/trans-log-1.0.0.jar")));
        assertEquals("trans_log", VmConfig.expectedCodename(java.nio.file.Path.of("trans-log-1.0.0-SNAPSHOT.jar")));
        assertEquals("fast_vm", VmConfig.expectedCodename(java.nio.file.Path.of("fast_vm.jar")));
        assertEquals("evm2_x", VmConfig.expectedCodename(java.nio.file.Path.of("evm2-x.JAR")));
    }
}
