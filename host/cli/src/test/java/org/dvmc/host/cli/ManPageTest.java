package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man page and docs/CLI.md against the command model: every command and option of one is in the others. */
class ManPageTest {

    /** "run --gas", "dvmc --vm", …: every visible option name of every visible command. */
    private static List<String> optionsOfTheModel(CommandSpec spec, List<String> into) {
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                for (String name : option.names()) {
                    into.add(spec.name() + " " + name);
                }
            }
        }
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                optionsOfTheModel(sub.getValue().getCommandSpec(), into);
            }
        }
        return into;
    }

    private static String cliDoc() throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.readString(basedir.resolve("../../docs/CLI.md"));
    }

    @Test
    void thePageHoldsEveryCommandAndOptionOfTheModel(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("man/dvmc.1");
        ManPage.main(new String[] {file.toString()});
        String page = Files.readString(file);
        assertTrue(page.startsWith(".TH DVMC 1 \"\" \"DVMC " + Version.dvmc() + "\""), page);
        CommandSpec model = ManPage.model();
        for (String command : model.subcommands().keySet()) {
            assertTrue(page.contains(".SS " + ManPage.escape(command) + "\n"), command);
        }
        List<String> options = optionsOfTheModel(model, new ArrayList<>());
        assertTrue(options.containsAll(List.of("dvmc -V", "dvmc --version", "dvmc -h", "run --gas", "vms --json")),
                options.toString());
        for (String option : options) {
            String name = option.substring(option.indexOf(' ') + 1);
            assertTrue(page.contains(ManPage.escape(name)), "the man page lacks " + option);
        }
        assertEquals(page, ManPage.of(model), "two runs give the same page");
    }

    @Test
    void cliDocDocumentsEveryCommandAndOptionOfTheModel() throws IOException {
        String doc = cliDoc();
        List<String> missing = new ArrayList<>();
        CommandSpec model = ManPage.model();
        for (String command : model.subcommands().keySet()) {
            if (!model.subcommands().get(command).getCommandSpec().usageMessage().hidden()
                    && !doc.contains("`" + command) && !doc.contains(command + "`")) {
                missing.add("command " + command);
            }
        }
        for (String option : optionsOfTheModel(model, new ArrayList<>())) {
            String name = option.substring(option.indexOf(' ') + 1);
            if (!doc.contains("`" + name) && !doc.contains(" " + name + " ") && !doc.contains(" " + name + "`")) {
                missing.add(option);
            }
        }
        assertTrue(missing.isEmpty(), "docs/CLI.md does not document " + missing);
    }

    @Test
    void troffControlCharactersAreEscaped() {
        assertEquals("\\-\\-gas", ManPage.escape("--gas"));
        assertEquals("a\\eb", ManPage.escape("a\\b"));
        assertEquals("\\&.hidden", ManPage.escape(".hidden"));
    }
}
