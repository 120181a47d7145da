package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dvmc.host.loader.VmLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dvmc vms [--json]}: lists every VM found in the plugins directory and on the classpath, with
 * what each instance says about itself, and every rejected jar with the reason. Exits with 0 even when
 * some jars were rejected: the listing itself succeeded.
 */
@Command(name = "vms", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = {"Lists the VMs found in the plugins directory and on the classpath, and the rejected jars.",
            "For each VM: codename, name, version, ABI version, capabilities, plugin id and jar; for each rejected "
                + "jar: the reason."})
final class VmsCommand implements Callable<Integer> {

    @ParentCommand
    private DvmcCommand dvmc;

    @Option(names = "--json", description = "Print one JSON object instead of text, for machines.")
    private boolean json;

    @Override
    public Integer call() {
        Path directory = dvmc.pluginsDirectory();
        VmListing listing;
        try (VmLoader loader = dvmc.openGuardedLoader(directory, true)) {
            listing = VmCatalog.of(loader, directory);
        }
        dvmc.invocation().out().print(json ? VmListingJson.format(listing) : VmListingText.format(listing));
        return ExitCodes.OK;
    }
}
