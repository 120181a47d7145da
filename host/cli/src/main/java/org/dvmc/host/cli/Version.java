package org.dvmc.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of the {@code dvmc} command, which is the Maven project version. Stateless. */
final class Version {

    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** The version, e.g. {@code 1.0.0}, read from the resource the build fills in. */
    static String dvmc() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the dvmc jar; rebuild it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the dvmc jar", e);
        }
    }

    /** The line {@code dvmc --version} ends with: {@code DVMC <version>}. */
    static String line() {
        return "DVMC " + dvmc() + "\n";
    }

    /** What picocli prints for {@code -V} of a subcommand, e.g. {@code dvmc run -V}: {@code DVMC <version>}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"DVMC " + dvmc()};
        }
    }
}
