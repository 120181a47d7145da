package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dvmc.host.loader.LoaderErrorCode;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.VmSource;
import org.dvmc.spi.Capability;
import org.junit.jupiter.api.Test;

class VmListingFormatTest {

    private static final Path DIRECTORY = Path.of("no-such-plugins-dir");

    private static final VmListing.Vm TRANS_LOG = new VmListing.Described("trans_log",
            new VmSource.Plugin("trans_log", "1.0.0", Path.of("p/trans-log-1.0.0.jar")),
            new VmListing.Facts("trans_log", "1.0.0", 12, EnumSet.of(Capability.DVM1)), false);

    private static final VmListing.Vm EMBEDDED = new VmListing.Described("embedded_vm", VmSource.classpath(),
            new VmListing.Facts("Embedded", "2.1", 12, EnumSet.of(Capability.DVM1, Capability.PRECOMPILES)), false);

    private static final VmListing.Vm BROKEN = new VmListing.Failed("broken",
            new VmSource.Plugin("broken", "0.1", Path.of("p/broken.jar")),
            new VmListing.Problem(4, "VM_CREATION_FAILURE", "create() threw \"boom\""), false);

    private static final PluginReport OLD = new PluginReport.Rejected(Path.of("p/old.jar"), Optional.of("old"),
            Optional.of("0.9"), new LoaderException(LoaderErrorCode.ABI_VERSION_MISMATCH, "declares ABI 11"), Optional.empty());

    private static final LoaderException CONFLICT = new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND,
            "codename twin is provided by 2 VM factories");

    @Test
    void textAlignsTheTableAndListsProblems() {
        VmListing listing = new VmListing(DIRECTORY, List.of(BROKEN, EMBEDDED, TRANS_LOG), List.of(OLD), List.of(CONFLICT),
                List.of());
        assertEquals("Plugins directory: no-such-plugins-dir (does not exist)\n"
                + "\n"
                + "CODENAME     NAME                      VERSION  ABI  CAPABILITIES      PLUGIN           JAR\n"
                + "broken       (not created, see below)  -        -    -                 broken 0.1       p/broken.jar\n"
                + "embedded_vm  Embedded                  2.1      12   DVM1,PRECOMPILES  (classpath)      (classpath)\n"
                + "trans_log    trans_log                 1.0.0    12   DVM1              trans_log 1.0.0  p/trans-log-1.0.0.jar\n"
                + "\n"
                + "VMs that could not be created:\n"
                + "  broken: create() threw \"boom\"\n"
                + "\n"
                + "Rejected jars:\n"
                + "  p/old.jar: declares ABI 11\n"
                + "\n"
                + "Ambiguous codenames (not selectable by codename):\n"
                + "  codename twin is provided by 2 VM factories\n", VmListingText.format(listing));
    }

    @Test
    void textSaysWhenThereIsNothing() {
        VmListing listing = new VmListing(DIRECTORY, List.of(), List.of(), List.of(), List.of());
        assertEquals("Plugins directory: no-such-plugins-dir (does not exist)\n\n"
                + "No VMs found in the plugins directory or on the classpath.\n", VmListingText.format(listing));
    }

    @Test
    void jsonHasEveryKeyInAStableOrder() {
        VmListing listing = new VmListing(DIRECTORY, List.of(BROKEN, EMBEDDED, TRANS_LOG), List.of(OLD), List.of(CONFLICT),
                List.of());
        assertEquals("{\n"
                + "  \"pluginsDirectory\": \"no-such-plugins-dir\",\n"
                + "  \"vms\": [\n"
                + "    {\"codename\": \"broken\", \"name\": null, \"version\": null, \"abiVersion\": null, \"capabilities\": null,"
                + " \"source\": \"plugin\", \"native\": false, \"pluginId\": \"broken\", \"pluginVersion\": \"0.1\", \"jar\": \"p/broken.jar\","
                + " \"error\": {\"errorCode\": 4, \"error\": \"VM_CREATION_FAILURE\", \"reason\": \"create() threw \\\"boom\\\"\"}},\n"
                + "    {\"codename\": \"embedded_vm\", \"name\": \"Embedded\", \"version\": \"2.1\", \"abiVersion\": 12,"
                + " \"capabilities\": [\"DVM1\", \"PRECOMPILES\"], \"source\": \"classpath\", \"native\": false, \"pluginId\": null,"
                + " \"pluginVersion\": null, \"jar\": null, \"error\": null},\n"
                + "    {\"codename\": \"trans_log\", \"name\": \"trans_log\", \"version\": \"1.0.0\", \"abiVersion\": 12,"
                + " \"capabilities\": [\"DVM1\"], \"source\": \"plugin\", \"native\": false, \"pluginId\": \"trans_log\", \"pluginVersion\": \"1.0.0\","
                + " \"jar\": \"p/trans-log-1.0.0.jar\", \"error\": null}\n"
                + "  ],\n"
                + "  \"rejected\": [\n"
                + "    {\"jar\": \"p/old.jar\", \"pluginId\": \"old\", \"pluginVersion\": \"0.9\", \"errorCode\": 5,"
                + " \"error\": \"ABI_VERSION_MISMATCH\", \"reason\": \"declares ABI 11\"}\n"
                + "  ],\n"
                + "  \"conflicts\": [\n"
                + "    {\"errorCode\": 2, \"error\": \"SYMBOL_NOT_FOUND\", \"reason\": \"codename twin is provided by 2 VM factories\"}\n"
                + "  ],\n"
                + "  \"classpathProblems\": [],\n"
                + "  \"pluginsDirectoryProblem\": \"does not exist\",\n"
                + "  \"sha256\": {}\n"
                + "}\n", VmListingJson.format(listing));
    }

    @Test
    void textEscapesControlCharactersAVmPutsInItsNameAndListsDigests() {
        VmListing.Vm forger = new VmListing.Described("forger", TRANS_LOG.source(), new VmListing.Facts(
                "evil\nRejected jars:\u001b[31m", "1.0", 12, Set.of()), false);
        VmListing listing = new VmListing(DIRECTORY, List.of(forger), List.of(), List.of(), List.of(),
                Optional.of("is not a directory"), Map.of(Path.of("p/trans-log-1.0.0.jar"), "ab".repeat(32)));
        String text = VmListingText.format(listing);
        assertTrue(text.startsWith("Plugins directory: no-such-plugins-dir (is not a directory)\n"), text);
        assertTrue(text.contains("evil\\nRejected jars:\\u001b[31m"), text);
        // The forged heading stays inside the table's line.
        assertTrue(text.lines().noneMatch(line -> line.startsWith("Rejected jars")), text);
        assertTrue(text.contains("SHA-256 of the jars read (for a --trust-file):\n  " + "ab".repeat(32)
                + "  p/trans-log-1.0.0.jar\n"), text);
    }

    @Test
    void textSaysWhenEveryCodenameIsAmbiguous() {
        VmListing listing = new VmListing(DIRECTORY, List.of(), List.of(), List.of(CONFLICT), List.of());
        assertTrue(VmListingText.format(listing).contains("No VMs selectable by codename: every codename found is"
                + " ambiguous (see below).\n"));
    }
}
