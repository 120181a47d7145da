package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.dvmc.host.cli.InProcessDvmc.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** picocli's standard help options, {@code -h}/{@code --help} and {@code -V}/{@code --version}, on every command. */
class StandardHelpOptionsTest {

    private static final String VERSION = System.getProperty("dvmc.version");

    @TempDir
    Path workingDirectory;

    private Outcome dvmc(String... args) {
        return InProcessDvmc.run(workingDirectory, Map.of(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "--version"})
    void theVersion(String option) {
        assertEquals(new Outcome(0, "DVMC " + VERSION + "\n", ""), dvmc(option));
        assertEquals(new Outcome(0, "DVMC " + VERSION + "\n", ""), dvmc("run", option));
    }

    @Test
    void theVersionWithAVmNamesTheVmFirst() {
        assertEquals(new Outcome(0, "trans_log " + VERSION + " (trans_log)\nDVMC " + VERSION + "\n", ""),
                dvmc("--vm", "trans_log", "-V"));
        Outcome unknown = dvmc("--vm", "nope", "-V");
        assertEquals(2, unknown.status(), "SYMBOL_NOT_FOUND");
        assertTrue(unknown.err().contains("nope"), unknown.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "vms", "test-vm"})
    void everyCommandHasBothHelpOptions(String command) {
        Outcome help = dvmc(command, "-h");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: dvmc " + command), help.out());
        assertTrue(help.out().contains("-h, --help") && help.out().contains("-V, --version"), help.out());
        assertEquals(help, dvmc(command, "--help"));
    }
}
