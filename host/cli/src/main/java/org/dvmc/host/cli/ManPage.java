package org.dvmc.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code dvmc(1)} man page, in troff, written from picocli's model of the command — the same model that
 * parses the command line and prints {@code --help} — so options cannot be documented in one and missing from
 * the other. The build runs {@link #main} to write {@code host/cli/target/dvmc.1}; view it with
 * {@code man -l host/cli/target/dvmc.1} or install it into a {@code man1} directory (docs/CLI.md).
 */
public final class ManPage {

    private ManPage() {
    }

    /**
     * Writes the man page.
     *
     * @param args one argument: the file to write, e.g. {@code target/dvmc.1}
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPage OUTPUT_FILE (e.g. target/dvmc.1)");
        }
        Path output = Path.of(args[0]);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, of(model()), StandardCharsets.UTF_8);
    }

    /** The model of {@code dvmc} with all its commands, as {@link DvmcCommand#model} builds it to parse lines. */
    static CommandSpec model() {
        StringWriter sink = new StringWriter();
        PrintWriter nowhere = new PrintWriter(sink);
        Invocation invocation = new Invocation(nowhere, nowhere, Map.of(), Path.of(""), Optional::empty);
        return DvmcCommand.model(new DvmcCommand(invocation)).getCommandSpec();
    }

    /** The man page of {@code dvmc} as the model {@code spec} describes it. */
    static String of(CommandSpec spec) {
        StringBuilder page = new StringBuilder();
        // No date: two builds of one version give the same page (reproducible builds).
        page.append(".TH DVMC 1 \"\" \"DVMC ").append(escape(Version.dvmc())).append("\" \"User Commands\"\n");
        page.append(".SH NAME\ndvmc \\- ").append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        page.append(".SH SYNOPSIS\n.B dvmc\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]\n");
        page.append(".SH OPTIONS\n");
        options(page, spec);
        page.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> command : spec.subcommands().entrySet()) {
            CommandSpec sub = command.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            page.append(".SS ").append(escape(command.getKey())).append('\n');
            page.append(".B dvmc ").append(escape(command.getKey())).append('\n');
            String positionals = sub.positionalParameters().stream()
                    .map(p -> "\\fI" + escape(p.paramLabel()) + "\\fR").collect(Collectors.joining(" "));
            page.append("[\\fIOPTIONS\\fR]").append(positionals.isEmpty() ? "" : " " + positionals).append("\n.PP\n");
            page.append(escape(String.join(" ", sub.usageMessage().description()))).append('\n');
            for (PositionalParamSpec positional : sub.positionalParameters()) {
                page.append(".TP\n\\fI").append(escape(positional.paramLabel())).append("\\fR\n")
                        .append(escape(description(positional))).append('\n');
            }
            options(page, sub);
        }
        page.append(".SH EXIT STATUS\n")
                .append(escape(String.join(" ", spec.usageMessage().footer()).strip())).append('\n');
        page.append(".SH SEE ALSO\ndocs/CLI.md, docs/VM_GUIDE.md and docs/HOST_GUIDE.md of DVMC for Java.\n");
        return page.toString();
    }

    private static void options(StringBuilder page, CommandSpec spec) {
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            page.append(".TP\n");
            String names = option.names().length == 0 ? "" : String.join(", ", option.names());
            page.append("\\fB").append(escape(names)).append("\\fR");
            if (option.typeInfo().isBoolean()) {
                page.append('\n');
            } else {
                page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR\n");
            }
            page.append(escape(description(option))).append('\n');
        }
    }

    private static String description(ArgSpec arg) {
        return String.join(" ", arg.description()).replace("%n", " ");
    }

    /** Text safe in troff: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
