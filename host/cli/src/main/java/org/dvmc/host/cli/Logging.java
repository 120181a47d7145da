package org.dvmc.host.cli;

/**
 * Sets the level of the SLF4J simple logger bundled in {@code dvmc.jar}. By default (see
 * {@code simplelogger.properties}) only warnings and errors are logged, on stderr. The logger reads
 * its settings once, when the first logger is made, so {@link #verbose()} must run before the loader
 * is touched.
 */
final class Logging {

    private Logging() {
    }

    /** Logs the loader's ({@code org.dvmc}) and PF4J's ({@code org.pf4j}) debug messages from now on. */
    static void verbose() {
        System.setProperty("org.slf4j.simpleLogger.log.org.dvmc", "debug");
        System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "debug");
    }
}
