package org.dvmc.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dvmc.host.loader.Escaping;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.VmSource;
import org.dvmc.spi.Capability;

/**
 * {@code dvmc vms} for people: a header naming the plugins directory, an aligned table of the VMs, and
 * sections for VMs that could not be created, rejected jars, ambiguous codenames and classpath
 * problems (each only when not empty). Stateless.
 *
 * <pre>
 * Plugins directory: plugins
 *
 * CODENAME   NAME       VERSION  ABI  CAPABILITIES  PLUGIN           JAR
 * trans_log  trans_log  1.0.0    12   DVM1          trans_log 1.0.0  plugins/trans-log-1.0.0.jar
 *
 * Rejected jars:
 *   plugins/old.jar: plugin jar plugins/old.jar declares Dvmc-Abi-Version 11 …
 * </pre>
 */
final class VmListingText {

    static final List<String> HEADINGS = List.of("CODENAME", "NAME", "VERSION", "ABI", "CAPABILITIES", "PLUGIN", "JAR");
    /** What the PLUGIN and JAR columns show for a VM found on the classpath. */
    static final String CLASSPATH = "(classpath)";
    /** What the PLUGIN column adds for a native (C/C++) VM. */
    static final String NATIVE = " (native)";
    /** What a column shows when there is nothing to show. */
    static final String NONE = "-";

    private VmListingText() {
    }

    /** The whole report, lines ending in {@code \n}. */
    static String format(VmListing listing) {
        StringBuilder text = new StringBuilder();
        text.append("Plugins directory: ").append(listing.pluginsDirectory())
                .append(listing.directoryProblem().map(problem -> " (" + problem + ")").orElse("")).append("\n\n");
        if (listing.vms().isEmpty()) {
            text.append(listing.conflicts().isEmpty() ? "No VMs found in the plugins directory or on the classpath.\n"
                    : "No VMs selectable by codename: every codename found is ambiguous (see below).\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADINGS);
            listing.vms().forEach(vm -> rows.add(row(vm)));
            text.append(table(rows));
        }
        List<String> notCreated = listing.vms().stream()
                .filter(vm -> vm instanceof VmListing.Failed)
                .map(vm -> vm.codename() + ": " + Escaping.escape(((VmListing.Failed) vm).problem().message()))
                .toList();
        section(text, "VMs that could not be created:", notCreated);
        section(text, "Rejected jars:", listing.rejected().stream().map(VmListingText::rejection).toList());
        section(text, "Ambiguous codenames (not selectable by codename):",
                listing.conflicts().stream().map(LoaderException::getMessage).map(Escaping::escape).toList());
        section(text, "Classpath problems:",
                listing.classpathProblems().stream().map(LoaderException::getMessage).map(Escaping::escape).toList());
        section(text, "SHA-256 of the jars read (for a --trust-file):", listing.digests().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue() + "  " + entry.getKey()).toList());
        return text.toString();
    }

    private static List<String> row(VmListing.Vm vm) {
        List<String> cells = new ArrayList<>();
        cells.add(vm.codename());
        if (vm instanceof VmListing.Described described) {
            VmListing.Facts facts = described.facts();
            // A plugin's own text: escaped, so that it cannot forge lines or terminal escapes.
            cells.add(Escaping.escape(facts.name()));
            cells.add(Escaping.escape(facts.version()));
            cells.add(Integer.toString(facts.abiVersion()));
            cells.add(capabilities(facts));
        } else {
            cells.add("(not created, see below)");
            cells.add(NONE);
            cells.add(NONE);
            cells.add(NONE);
        }
        cells.add(plugin(vm.source()) + (vm.nativeVm() ? NATIVE : ""));
        cells.add(vm.source().jar().map(Object::toString).orElse(CLASSPATH));
        return cells;
    }

    /** The capabilities joined by commas, e.g. {@code DVM1,PRECOMPILES}; {@code -} for none. */
    static String capabilities(VmListing.Facts facts) {
        return facts.capabilities().isEmpty()
                ? NONE
                : facts.capabilities().stream().map(Capability::name).collect(Collectors.joining(","));
    }

    private static String plugin(VmSource source) {
        if (source.isClasspath()) {
            return CLASSPATH;
        }
        return source.pluginId().orElse(NONE) + source.pluginVersion().map(version -> " " + version).orElse("");
    }

    private static String rejection(PluginReport report) {
        return report.jar() + ": " + Escaping.escape(report.rejection().map(LoaderException::getMessage).orElse("rejected"));
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
