package org.dvmc.vm.translog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * Facts the build wrote into the jar: the project version, taken from a resource that Maven filters,
 * so the version is never typed by hand. Read once; thread-safe.
 */
final class BuildInfo {

    static final String RESOURCE = "trans-log-build.properties";

    private static final Optional<String> VERSION = loadVersion();

    private BuildInfo() {
    }

    /**
     * The project version, e.g. {@code "1.0.0"}.
     *
     * @throws IllegalStateException if the resource is missing or was not filtered
     */
    static String version() {
        // No lambda here: this runs at every VM creation, and the first lambda of a class loaded by a plugin
        // class loader costs a cold process milliseconds of method-handle linking that no class-data archive
        // saves (docs/PERFORMANCE.md).
        if (VERSION.isPresent()) {
            return VERSION.get();
        }
        throw new IllegalStateException("trans_log: the resource org/dvmc/vm/translog/" + RESOURCE
                + " is missing or unfiltered; build the VM with Maven (mvn package) so that it carries the project"
                + " version");
    }

    private static Optional<String> loadVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            // An unfiltered copy still holds the placeholder; that is no version.
            return version.isEmpty() || version.contains("${") ? Optional.empty() : Optional.of(version);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
