package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmConfigTest {

    @Test
    void aCodenameAloneHasNoOptions() throws LoaderException {
        VmConfig config = VmConfig.parse("trans_log");

        assertThat(config.target()).isEqualTo("trans_log");
        assertThat(config.options()).isEmpty();
        assertThat(config.isPath()).isFalse();
    }

    @Test
    void optionsKeepTheirOrderAndBareNamesGetAnEmptyValue() throws LoaderException {
        VmConfig config = VmConfig.parse("trans_log,verbose=1,trace,limit=a=b,empty=");

        assertThat(config.options()).containsExactly(new VmOption("verbose", "1"), new VmOption("trace", ""),
                new VmOption("limit", "a=b"), new VmOption("empty", ""));
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() throws LoaderException {
        assertThat(VmConfig.parse("  trans_log,verbose=1\n")).isEqualTo(
                new VmConfig("trans_log", List.of(new VmOption("verbose", "1"))));
    }

    @Test
    void toStringParsesBackToAnEqualConfiguration() throws LoaderException {
        VmConfig config = VmConfig.parse("plugins/x-1.0.jar,verbose=1,trace");

        assertThat(VmConfig.parse(config.toString())).isEqualTo(config);
        assertThat(config.toString()).isEqualTo("plugins/x-1.0.jar,verbose=1,trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trans-log-1.0.0.jar", "plugins/trans_log", "./x", "X.JAR", "/abs/path/vm.jar"})
    void jarNamesAndPathsArePaths(String target) throws LoaderException {
        assertThat(VmConfig.parse(target).isPath()).isTrue();
    }

    @Test
    void thePlatformSeparatorMakesAPath() throws LoaderException {
        assertThat(VmConfig.parse("dir" + File.separator + "vm").isPath()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",verbose=1", "trans_log,", "trans_log,,verbose=1", "trans_log,=1"})
    void emptyOrMalformedConfigurationsAreInvalidArguments(String text) {
        assertThatThrownBy(() -> VmConfig.parse(text))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> assertThat(((LoaderException) e).errorCode()).isEqualTo(LoaderErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("CODENAME_OR_JAR");
    }

    @Test
    void nullIsAnInvalidArgumentToo() {
        assertThatThrownBy(() -> VmConfig.parse(null))
                .isInstanceOfSatisfying(LoaderException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void errorCodesKeepTheCNumbers() {
        assertThat(LoaderErrorCode.values()).extracting(LoaderErrorCode::code)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void jarNamesSuggestCodenames() {
        assertThat(VmConfig.expectedCodename(java.nio.file.Path.of("plugins/trans-log-1.0.0.jar"))).isEqualTo("trans_log");
        assertThat(VmConfig.expectedCodename(java.nio.file.Path.of("trans-log-1.0.0-SNAPSHOT.jar"))).isEqualTo("trans_log");
        assertThat(VmConfig.expectedCodename(java.nio.file.Path.of("fast_vm.jar"))).isEqualTo("fast_vm");
        assertThat(VmConfig.expectedCodename(java.nio.file.Path.of("evm2-x.JAR"))).isEqualTo("evm2_x");
    }
}
