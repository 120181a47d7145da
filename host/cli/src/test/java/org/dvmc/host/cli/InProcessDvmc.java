package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The whole {@code dvmc} command run in this JVM ({@link Invocation}), with its output captured: for the unit tests. */
final class InProcessDvmc {

    private InProcessDvmc() {
    }

    /**
     * What one invocation printed and returned.
     *
     * @param status the exit status
     * @param out    everything printed on stdout
     * @param err    everything printed on stderr
     */
    record Outcome(int status, String out, String err) {
    }

    /** Runs {@code dvmc args…} in {@code workingDirectory} with exactly the environment {@code environment}. */
    static Outcome run(Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(new PrintWriter(out), new PrintWriter(err), environment, workingDirectory,
                Optional::empty);
        int status = invocation.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    /** An environment whose plugins directory is empty, so that VMs come from the test classpath only. */
    static Map<String, String> withoutPlugins(Path workingDirectory) {
        return Map.of(PluginsDirectory.ENVIRONMENT_VARIABLE, workingDirectory.resolve("no-plugins").toString());
    }

    /** Exit status 2, nothing on stdout, and {@code token} on stderr. */
    static void assertUsageError(String token, Outcome outcome) {
        assertEquals(2, outcome.status(), outcome.toString());
        assertEquals("", outcome.out(), outcome.toString());
        assertTrue(outcome.err().contains(token), outcome.toString());
    }
}
