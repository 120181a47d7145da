package org.dvmc.host.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's temporary directories are named {@code PREFIX<pid>-<random>}, after the process that made them. A
 * process that exits normally deletes its own; one that is killed ({@code kill -9}, a crash of a native VM, the
 * out-of-memory killer) cannot, and its directories would stay in the temporary directory, often a memory file
 * system, for good. So the first loader of each process sweeps them, on a daemon thread of its own so that the
 * command's work does not wait for it (closing the loader does, briefly): a directory of that prefix whose process no longer runs and that belongs to this user is
 * deleted. Never throws; what cannot be deleted stays.
 *
 * <p>Process ids come from {@code /proc} where there is one: {@link ProcessHandle} costs a cold JVM some 12 ms.
 */
final class StaleDirectories {

    private StaleDirectories() {
    }

    private static final Path PROC = Path.of("/proc");

    /** The name of a new directory for this process: {@code prefix}, this process's id and a dash. */
    static String namePrefix(String prefix) {
        return prefix + currentPid() + "-";
    }

    private static long currentPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(PROC.resolve("self")).toString());
        } catch (IOException | RuntimeException noProc) {
            return ProcessHandle.current().pid();
        }
    }

    private static boolean isRunning(long pid) {
        if (Files.isDirectory(PROC.resolve("self"))) {
            return Files.exists(PROC.resolve(Long.toString(pid)));
        }
        return ProcessHandle.of(pid).isPresent();
    }

    /**
     * Starts {@link #sweep} on a daemon thread; {@link #awaitSweep} lets the process wait for it before it ends.
     */
    static void sweepInBackground(Path parent, String prefix, Path ours) {
        Thread sweeper = new Thread(() -> sweep(parent, prefix, ours), "dvmc-stale-directory-sweep");
        sweeper.setDaemon(true);
        SWEEPERS.add(sweeper);
        sweeper.start();
    }

    private static final Set<Thread> SWEEPERS = ConcurrentHashMap.newKeySet();

    /**
     * Waits up to {@code millis} for the sweeps started so far, so that a short command (which may end before a
     * background thread got a core) still cleans up; a sweep that takes longer is left to finish or not.
     */
    static void awaitSweep(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread sweeper : SWEEPERS) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            try {
                if (remaining > 0) {
                    sweeper.join(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!sweeper.isAlive()) {
                SWEEPERS.remove(sweeper);
            }
        }
    }

    /**
     * Deletes the directories in {@code parent} named {@code prefix<pid>-…} whose process {@code pid} no longer
     * runs, that are directories (not links) and that have the same owner as {@code ours}, with the files in them.
     *
     * @param parent where to look
     * @param prefix e.g. {@code dvmc-plugins-}
     * @param ours   a directory this process just made there, whose owner the stale ones must have
     * @return how many directories were deleted
     */
    static int sweep(Path parent, String prefix, Path ours) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,19})-[0-9a-z]+");
        long self = currentPid();
        int deleted = 0;
        try {
            UserPrincipal owner = Files.getOwner(ours, LinkOption.NOFOLLOW_LINKS);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
                for (Path entry : entries) {
                    Matcher matcher = name.matcher(entry.getFileName().toString());
                    if (!matcher.matches() || entry.equals(ours)) {
                        continue;
                    }
                    Optional<Long> pid = parsePid(matcher.group(1));
                    if (pid.isEmpty() || pid.get() == self || isRunning(pid.get())) {
                        continue;
                    }
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                            && owner.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))
                            && deleteTree(entry)) {
                        deleted++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A temporary directory we cannot list or read is not ours to clean.
        }
        return deleted;
    }

    private static Optional<Long> parsePid(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes the files of {@code directory} (not following links: a link is removed, not its target) and it. */
    private static boolean deleteTree(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
