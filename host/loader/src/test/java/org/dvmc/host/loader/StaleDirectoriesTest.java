package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleDirectoriesTest {

    private static final String PREFIX = PrivateJarCopies.DIRECTORY_PREFIX;

    @TempDir
    Path parent;

    /** {@code PREFIX<ns>-}: this process's PID namespace, from the name a new directory gets. */
    private String ourNamespace;

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/ns")), "no /proc: names carry no process, nothing is swept");
        String mine = StaleDirectories.namePrefix(PREFIX);
        ourNamespace = mine.substring(0, mine.lastIndexOf('-', mine.length() - 2) + 1);
    }

    private Path directoryWithACopy(String name) throws Exception {
        Path directory = Files.createDirectory(parent.resolve(name));
        Files.writeString(directory.resolve("copy-1.jar"), "bytes");
        return directory;
    }

    @Test
    void aNewDirectoryIsNamedAfterThisProcessAndItsNamespace() {
        assertTrue(StaleDirectories.namePrefix(PREFIX).matches(PREFIX + "\\d+-" + ProcessHandle.current().pid() + "-"),
                StaleDirectories.namePrefix(PREFIX));
    }

    @Test
    void onlyDirectoriesOfEndedProcessesOfThisNamespaceAreDeleted() throws Exception {
        Path ours = Files.createDirectory(parent.resolve(StaleDirectories.namePrefix(PREFIX) + "ours"));
        Path sameProcess = directoryWithACopy(StaleDirectories.namePrefix(PREFIX) + "other");
        // No process has the id 999999999 (above every kernel's pid_max).
        Path ended = directoryWithACopy(ourNamespace + "999999999-abc");
        Path running = directoryWithACopy(ourNamespace + "1-init");
        Path otherNamespace = directoryWithACopy(PREFIX + "1-999999999-abc");
        Path unnamed = directoryWithACopy(PREFIX + "abc");
        Path otherKind = directoryWithACopy("dvmc-native-" + ourNamespace.substring(PREFIX.length()) + "999999999-1");
        Path target = directoryWithACopy("elsewhere");
        Path link = Files.createSymbolicLink(parent.resolve(ourNamespace + "999999998-link"), target);

        assertEquals(1, StaleDirectories.sweep(parent, PREFIX, ours));

        assertFalse(Files.exists(ended));
        for (Path kept : new Path[] {ours, sameProcess, running, otherNamespace, unnamed, otherKind, link}) {
            assertTrue(Files.exists(kept, LinkOption.NOFOLLOW_LINKS), kept + " was deleted");
        }
        assertTrue(Files.exists(target.resolve("copy-1.jar")), "the sweep followed a link");
    }

    @Test
    void theDirectoryOfAKilledProcessIsSweptOnceItIsGone() throws Exception {
        Path ours = Files.createDirectory(parent.resolve(StaleDirectories.namePrefix(PREFIX) + "ours"));
        Process process = new ProcessBuilder("sleep", "60").start();
        try {
            Path theirs = directoryWithACopy(ourNamespace + process.pid() + "-abc");
            assertEquals(0, StaleDirectories.sweep(parent, PREFIX, ours));
            assertTrue(Files.exists(theirs.resolve("copy-1.jar")));

            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, StaleDirectories.sweep(parent, PREFIX, ours));
            assertFalse(Files.exists(theirs));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBackgroundSweepDeletesWhatASweepWould() throws Exception {
        Path ended = directoryWithACopy(ourNamespace + "999999999-abc");
        Path ours = Files.createDirectory(parent.resolve(StaleDirectories.namePrefix(PREFIX) + "ours"));
        StaleDirectories.sweepInBackground(PREFIX, ours);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(ended) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(ended));
    }

    @Test
    void aParentThatCannotBeListedIsLeftAlone() {
        assertEquals(0, StaleDirectories.sweep(parent.resolve("missing"), PREFIX, parent));
    }
}
