package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The entry point of {@code dvmc.jar}: {@code java -jar dvmc.jar [options] COMMAND …}. What belongs to the process
 * and not to one {@link Invocation}: the real streams and environment, the worker thread that lets the deadline on
 * plugin code end the process, the check that the output was all written, and the exit.
 */
public final class Main {

    /** The exit status when the output could not be written (e.g. {@code > /dev/full}): EX_IOERR of sysexits.h. */
    static final int OUTPUT_FAILED = 74;

    /** How long {@link System#exit} may take (a plugin's shutdown hook may hang) before the process is halted. */
    private static final long EXIT_GRACE_MILLIS = 5_000;

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
        Deadline deadline = new Deadline();
        Invocation invocation = new Invocation(out, err, System.getenv(), Path.of(""), PluginsDirectory::runningJar,
                deadline);
        // The command runs on a worker thread so that this one can end the process when plugin code overruns.
        OptionalInt finished = deadline.runCommand(() -> invocation.execute(args));
        int status;
        if (finished.isPresent()) {
            status = finished.getAsInt();
        } else {
            status = Deadline.EXIT_STATUS;
            err.print("dvmc: plugin code did not finish within " + deadline.timeout().map(Deadline::describe).orElse("")
                    + " (--timeout); the command was stopped. A VM that spins cannot be interrupted safely; raise"
                    + " --timeout (or " + Deadline.ENVIRONMENT_VARIABLE + ") if it is just slow, or report the hang"
                    + " to the VM's author\n");
        }
        // PrintWriter and PrintStream swallow write errors; the output is worthless if it was not all written.
        if (finished.isPresent() && out.checkError()) {
            err.print("dvmc: the output could not be written (standard output failed, e.g. the disk is full"
                    + " or the reader went away); it is incomplete\n");
            if (status == ExitCodes.OK) {
                status = OUTPUT_FAILED;
            }
        }
        err.flush();
        exit(status);
    }

    /**
     * Exits with {@code status}: a plugin may have left a non-daemon thread running, and a plugin's shutdown
     * hook may hang, so {@link Runtime#halt} follows when {@link System#exit} takes too long.
     */
    private static void exit(int status) {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException e) {
                // Halt now.
            }
            Runtime.getRuntime().halt(status);
        }, "dvmc-exit");
        halter.setDaemon(true);
        halter.start();
        System.exit(status);
    }
}
