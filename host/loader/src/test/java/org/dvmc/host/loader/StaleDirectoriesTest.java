package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleDirectoriesTest {

    private static final String PREFIX = PrivateJarCopies.DIRECTORY_PREFIX;

    @TempDir
    Path parent;

    private Path directoryWithAFile(String name) throws Exception {
        Path directory = Files.createDirectory(parent.resolve(name));
        Files.writeString(directory.resolve("copy-1.jar"), "bytes");
        return directory;
    }

    @Test
    void onlyDirectoriesOfProcessesThatNoLongerRunAreDeleted() throws Exception {
        String self = StaleDirectories.namePrefix(PREFIX);
        Path ours = Files.createDirectory(parent.resolve(self + "ours"));
        // No process has the id 999999999 (above every kernel's pid_max): its directory is stale.
        Path stale = directoryWithAFile(PREFIX + "999999999-abc123");
        Path sameProcess = directoryWithAFile(self + "other");
        Path running = directoryWithAFile(PREFIX + "1-init");
        Path notOurName = directoryWithAFile(PREFIX + "unnamed");
        Path otherPrefix = directoryWithAFile("dvmc-native-999999999-1");
        Path target = directoryWithAFile("elsewhere");
        Path link = Files.createSymbolicLink(parent.resolve(PREFIX + "999999998-link"), target);

        assertEquals(1, StaleDirectories.sweep(parent, PREFIX, ours));

        assertFalse(Files.exists(stale));
        for (Path kept : new Path[] {ours, sameProcess, running, notOurName, otherPrefix, link}) {
            assertTrue(Files.exists(kept, LinkOption.NOFOLLOW_LINKS), kept + " was deleted");
        }
        assertTrue(Files.exists(target.resolve("copy-1.jar")), "the sweep followed a link");
    }

    @Test
    void aNewDirectoryIsNamedAfterThisProcess() {
        assertEquals(PREFIX + ProcessHandle.current().pid() + "-", StaleDirectories.namePrefix(PREFIX));
    }

    @Test
    void aParentThatCannotBeListedIsLeftAlone() {
        assertEquals(0, StaleDirectories.sweep(parent.resolve("missing"), PREFIX, parent));
    }
}
