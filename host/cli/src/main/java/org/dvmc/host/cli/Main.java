package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The entry point of {@code dvmc.jar}: {@code java -jar dvmc.jar [options] COMMAND …}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the {@code dvmc} command and exits with its status (see docs/CLI.md).
     *
     * @param args the command line, without the program name
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false);
        PrintWriter err = new PrintWriter(System.err, false);
        CliContext context = new CliContext(out, err, System.getenv(), Path.of(""), PluginsDirectory::runningJar);
        int status = new DvmcApp(context).execute(args);
        // Exit explicitly: a plugin may have left a non-daemon thread running.
        System.exit(status);
    }
}
