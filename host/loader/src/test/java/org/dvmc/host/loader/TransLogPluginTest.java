package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
            PluginReport report = only(loader.pluginReports());
            assertTrue(report.accepted(), () -> String.valueOf(report.rejection()));
            assertEquals(Optional.of("trans_log"), report.pluginId());
            assertEquals(List.of("trans_log"), report.codenames());
            assertEquals("plugin trans_log 1.0.0 (" + jar + ")", loader.find("trans_log").orElseThrow().source().describe());

            try (LoadedVm vm = loader.load("trans_log")) {
                assertEquals("trans_log", vm.vm().name());
                assertEquals(Dvmc.ABI_VERSION, vm.vm().abiVersion());
                try (Result result = execute(vm, 99)) {
                    assertEquals(StatusCode.SUCCESS, result.status());
                    assertEquals(93, result.gasLeft());
                    assertEquals(Bytes.of(new byte[32]), result.output());
                }
                try (Result result = execute(vm, 3)) {
                    assertEquals(StatusCode.OUT_OF_GAS, result.status());
                }
            }
        }
    }

    @Test
    void transLogTakesItsVerboseOptionAndRejectsOthers() throws LoaderException {
        try (VmLoader loader = scan()) {
            try (LoadedVm vm = loader.load("trans_log,verbose=1")) {
                assertEquals(StatusCode.SUCCESS, execute(vm, 99).status());
            }
            assertEquals(LoaderErrorCode.INVALID_OPTION_VALUE, failure(() -> loader.load("trans_log,verbose=x")).errorCode());
            assertEquals(LoaderErrorCode.INVALID_OPTION_NAME, failure(() -> loader.load("trans_log,nosuch=1")).errorCode());
        }
    }

    @Test
    void transLogLoadsByPathAndItsJarIsReleasedAfterClose() throws LoaderException, IOException {
        try (VmLoader loader = scan(plugins.resolve("empty-dir"))) {
            try (LoadedVm vm = loader.load(jar.toString())) {
                assertEquals("trans_log", vm.entry().codename());
                assertEquals(StatusCode.SUCCESS, execute(vm, 99).status());
            }
        }
        Files.delete(jar);
        assertTrue(Files.notExists(jar), () -> jar + " still exists");
    }

    private static Result execute(LoadedVm vm, long gas) {
        return vm.execute(new MockedHost(), Revision.LATEST_STABLE, Message.builder().gas(gas).build(), RETURN_ADDRESS);
    }
}
