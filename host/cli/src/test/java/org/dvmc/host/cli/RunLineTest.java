package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The fast parser of plain {@code run} lines: that its option table is picocli's model, what it accepts, what it
 * leaves to picocli, and — the point — that every line it accepts means exactly what picocli makes of it.
 */
class RunLineTest {

    private static final String CODE = "30600052596000f3";

    /** What picocli's model makes of a line, as a {@link RunLine}; throws if picocli rejects the line. */
    private static RunLine picocli(String... args) {
        ParseResult result = model().parseArgs(args);
        return ((RunCommand) result.subcommand().commandSpec().userObject()).line();
    }

    /** Picocli's model of dvmc, exactly as the picocli route builds it. */
    private static CommandLine model() {
        Invocation invocation = new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), Path.of(""), Optional::empty);
        return DvmcCommand.model(new DvmcCommand(invocation));
    }

    private static void assertAgrees(String... args) {
        Optional<RunLine> fast = RunLine.parse(args);
        assertTrue(fast.isPresent(), () -> "not accepted: " + List.of(args));
        assertEquals(picocli(args), fast.get(), () -> "parsers disagree on " + List.of(args));
    }

    @Test
    void theTableIsPicoclisModel() {
        CommandSpec dvmc = model().getCommandSpec();
        CommandSpec run = dvmc.subcommands().get(RunLine.COMMAND).getCommandSpec();
        Set<String> tableNames = new HashSet<>();
        for (RunLine.Option option : RunLine.Option.values()) {
            tableNames.add(option.optionName());
            List<CommandSpec> levels = switch (option.place()) {
                case BEFORE_COMMAND -> List.of(dvmc);
                case EITHER_SIDE -> List.of(dvmc, run);
                case AFTER_COMMAND -> List.of(run);
            };
            for (CommandSpec level : levels) {
                OptionSpec spec = level.findOption(option.optionName());
                assertTrue(spec != null, option + " is not an option of " + level.name());
                assertEquals(option.takesValue() ? 1 : 0, spec.arity().max(), option + ": arity");
                if (option.takesValue()) {
                    assertEquals(option.valueLabel(), spec.paramLabel(), option + ": label");
                }
            }
            if (option.place() == RunLine.Place.BEFORE_COMMAND) {
                assertEquals(null, run.findOption(option.optionName()), option + " is an option of run");
            }
        }
        // Every other option of dvmc and run is one the fast parser leaves to picocli.
        List<OptionSpec> others = new ArrayList<>(dvmc.options());
        others.addAll(run.options());
        others.removeIf(option -> tableNames.contains(option.longestName()));
        assertFalse(others.isEmpty());
        for (OptionSpec other : others) {
            for (String name : other.names()) {
                assertEquals(Optional.empty(), RunLine.parse(name, "run", CODE), name);
                assertEquals(Optional.empty(), RunLine.parse("run", CODE, name), name);
            }
        }
        assertEquals(RunLine.CODE_LABEL, run.positionalParameters().get(0).paramLabel());
    }

    @Test
    void readsTheReadmeLine() {
        assertEquals(Optional.of(new RunLine(Optional.of(Path.of("plugins")), Optional.of("trans_log"), CODE,
                        Optional.of("99"), Optional.empty(), Optional.empty(), false, false)),
                RunLine.parse("--plugins-dir", "plugins", "--vm", "trans_log", "run", CODE, "--gas", "99"));
    }

    @Test
    void agreesWithPicocliOnEveryFormItAccepts() {
        assertAgrees("run", CODE);
        assertAgrees("--vm", "trans_log", "run", CODE);
        assertAgrees("--vm=trans_log,verbose=1", "run", "@code.hex");
        assertAgrees("run", CODE, "--vm", "trans_log");
        assertAgrees("--plugins-dir=some/dir", "run", "--gas=5", CODE, "--rev", "Frontier");
        assertAgrees("run", "--input", "aabbccdd", "--create", "--bench", "0x" + CODE, "--rev=13");
        assertAgrees("--plugins-dir", "p", "--vm", "x", "run", "--bench", "--input=@in.hex", CODE, "--gas", "0");
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<List<String>> others = List.of(
                List.of(),
                List.of("run"),
                List.of("--help"),
                List.of("run", "--help"),
                List.of("--version", "run", CODE),
                List.of("-v", "run", CODE),
                List.of("run", CODE, "--verbose"),
                List.of("vms"),
                List.of("test-vm"),
                List.of("run", CODE, CODE),
                List.of("run", CODE, "--gas", "1", "--gas", "2"),
                List.of("--vm", "a", "run", CODE, "--vm", "b"),
                List.of("run", "--", CODE),
                List.of("run", CODE, "--create=true"),
                List.of("run", CODE, "--gas"),
                List.of("run", CODE, "--gas", ""),
                List.of("run", CODE, "--gas", "-1"),
                List.of("run", "-1"),
                List.of("run", ""),
                List.of("run", CODE, "--plugins-dir", "p"),
                List.of("--gas", "5", "run", CODE),
                List.of("run", CODE, "--nosuch"),
                List.of("run", "vms"),
                List.of("--vm", "run", "run", CODE),
                List.of("--plugins-dir", "a\0b", "run", CODE));
        for (List<String> args : others) {
            assertEquals(Optional.empty(), RunLine.parse(args.toArray(String[]::new)), () -> "accepted " + args);
        }
    }

    @Test
    void agreesWithPicocliOnRandomLinesItAccepts() {
        // Mostly well-formed words, so that many lines are accepted, plus some that must make it give up.
        List<String> globalWords = List.of("--plugins-dir", "plugins", "--plugins-dir=p", "--vm", "trans_log",
                "--vm=x,verbose=1", "-v", "--gas", "--");
        List<String> runWords = List.of(CODE, "00", "@code.hex", "--gas", "99", "--gas=5", "--rev", "Prague",
                "--rev=0", "--input", "aa", "--input=@in", "--create", "--bench", "--vm", "trans_log", "-v", "--", "",
                "-1", "vms", "--create=true", "--help", "run");
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> args = new ArrayList<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                args.add(globalWords.get(random.nextInt(globalWords.size())));
            }
            args.add("run");
            for (int j = random.nextInt(7); j > 0; j--) {
                args.add(runWords.get(random.nextInt(runWords.size())));
            }
            String[] line = args.toArray(String[]::new);
            if (RunLine.parse(line).isPresent()) {
                accepted++;
                assertAgrees(line);
            }
        }
        assertTrue(accepted > 300, "too few random lines accepted to mean anything: " + accepted);
    }
}
