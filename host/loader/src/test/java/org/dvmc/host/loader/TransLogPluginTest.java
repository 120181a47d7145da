package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real trans_log plugin jar, built by its own module, through the loader. */
class TransLogPluginTest extends LoaderTestSupport {

    /** ADDRESS PUSH1 0 MSTORE MSIZE PUSH1 0 RETURN: returns the recipient as a word, 6 gas. */
    private static final Bytes RETURN_ADDRESS = Bytes.fromHex("30600052596000f3");

    private Path jar;

    @BeforeEach
    void copyThePluginJar() throws IOException {
        jar = copyTransLogJar(plugins);
    }

    @Test
    void transLogIsFoundByCodenameCreatedExecutedAndClosed() throws LoaderException {
        try (VmLoader loader = scan()) {
            assertThat(loader.pluginReports()).singleElement().satisfies(report -> {
                assertThat(report.accepted()).isTrue();
                assertThat(report.pluginId()).contains("trans_log");
                assertThat(report.codenames()).containsExactly("trans_log");
            });
            assertThat(loader.find("trans_log").orElseThrow().source().describe())
                    .isEqualTo("plugin trans_log 1.0.0 (" + jar + ")");

            try (LoadedVm vm = loader.load("trans_log")) {
                assertThat(vm.vm().name()).isEqualTo("trans_log");
                assertThat(vm.vm().abiVersion()).isEqualTo(Dvmc.ABI_VERSION);
                try (Result result = execute(vm, 99)) {
                    assertThat(result.status()).isEqualTo(StatusCode.SUCCESS);
                    assertThat(result.gasLeft()).isEqualTo(93);
                    assertThat(result.output()).isEqualTo(Bytes.of(new byte[32]));
                }
                try (Result result = execute(vm, 3)) {
                    assertThat(result.status()).isEqualTo(StatusCode.OUT_OF_GAS);
                }
            }
        }
    }

    @Test
    void transLogTakesItsVerboseOptionAndRejectsOthers() throws LoaderException {
        try (VmLoader loader = scan()) {
            try (LoadedVm vm = loader.load("trans_log,verbose=1")) {
                assertThat(execute(vm, 99).status()).isEqualTo(StatusCode.SUCCESS);
            }
            assertThat(failure(() -> loader.load("trans_log,verbose=x")).errorCode())
                    .isEqualTo(LoaderErrorCode.INVALID_OPTION_VALUE);
            assertThat(failure(() -> loader.load("trans_log,nosuch=1")).errorCode())
                    .isEqualTo(LoaderErrorCode.INVALID_OPTION_NAME);
        }
    }

    @Test
    void transLogLoadsByPathAndItsJarIsReleasedAfterClose() throws LoaderException, IOException {
        try (VmLoader loader = scan(plugins.resolve("empty-dir"))) {
            try (LoadedVm vm = loader.load(jar.toString())) {
                assertThat(vm.entry().codename()).isEqualTo("trans_log");
                assertThat(execute(vm, 99).status()).isEqualTo(StatusCode.SUCCESS);
            }
        }
        Files.delete(jar);
        assertThat(jar).doesNotExist();
    }

    private static Result execute(LoadedVm vm, long gas) {
        return vm.execute(new MockedHost(), Revision.LATEST_STABLE, Message.builder().gas(gas).build(), RETURN_ADDRESS);
    }
}
