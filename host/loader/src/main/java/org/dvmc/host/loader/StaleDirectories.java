package org.dvmc.host.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's temporary directories ({@code dvmc-plugins-*}, {@code dvmc-native-*}) are deleted by the process
 * that made them when it closes its loader or exits; a process that is killed ({@code kill -9}, a crash of a
 * native VM, the out-of-memory killer) cannot, and its directories would stay in the temporary directory, often a
 * memory file system, for good. So on Linux a directory's name carries its process: {@code PREFIX<ns>-<pid>-…},
 * with {@code ns} the process's PID namespace and {@code pid} its id there, and the first loader of each process
 * deletes the directories of its kind whose process no longer runs ({@link #sweep}), on a daemon thread.
 *
 * <p>Why the namespace: a process in another PID namespace (a container sharing the temporary directory) has an
 * id this process cannot see, and would look dead; directories of another namespace are left to the processes of
 * that namespace. A process id reused by an unrelated process only keeps a stale directory longer. Without
 * {@code /proc} (not Linux) the names carry no process and nothing is swept: what a killed process left stays, as
 * before. Process facts come from {@code /proc} alone: {@link ProcessHandle} costs a cold JVM some 12 ms, and file
 * locks (which would also do) the JDK's channel classes and their native library, some 3 ms of a cold start.
 * Never throws; what cannot be deleted stays.
 */
final class StaleDirectories {

    private static final Path PROC = Path.of("/proc");

    private StaleDirectories() {
    }

    /** This process as {@code <ns>-<pid>}, when {@code /proc} tells; read once. */
    private static final Optional<String> SELF = readSelf();

    private static Optional<String> readSelf() {
        try {
            String pid = Files.readSymbolicLink(PROC.resolve("self")).toString();
            // "pid:[4026531836]"
            String namespace = Files.readSymbolicLink(PROC.resolve("self/ns/pid")).toString();
            Matcher number = Pattern.compile("pid:\\[(\\d{1,19})]").matcher(namespace);
            if (pid.matches("\\d{1,19}") && number.matches()) {
                return Optional.of(number.group(1) + "-" + pid);
            }
        } catch (IOException | RuntimeException noProc) {
            // Not Linux, or /proc not mounted: names without a process, no sweeping.
        }
        return Optional.empty();
    }

    /**
     * The start of the name of a new directory of {@code prefix}: {@code prefix<ns>-<pid>-} on Linux, {@code prefix}
     * elsewhere; a random part follows.
     *
     * @param prefix e.g. {@code dvmc-plugins-}
     * @return the start of the name
     */
    static String namePrefix(String prefix) {
        return SELF.map(self -> prefix + self + "-").orElse(prefix);
    }

    /**
     * Starts {@link #sweep} of {@code ours}'s parent on a daemon thread, where there is {@code /proc}. Nobody waits
     * for it: it takes well under a millisecond of a thread that is otherwise idle, and a process that ends first
     * leaves the sweep to the next one (waiting for it at close cost a cold {@code dvmc} some 2 ms).
     *
     * @param prefix the start of the names of the directories to sweep, e.g. {@code dvmc-plugins-}
     * @param ours   a directory this process just made, named by {@link #namePrefix}
     */
    static void sweepInBackground(String prefix, Path ours) {
        if (SELF.isEmpty()) {
            return;
        }
        Thread worker = new Thread(() -> sweep(ours.getParent(), prefix, ours), "dvmc-stale-directory-sweep");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Deletes, with the files in them, the directories in {@code parent} named {@code prefix<ns>-<pid>-…} of this
     * process's PID namespace whose process no longer runs, that are directories (not links) and that have the
     * same owner as {@code ours}. Does nothing without {@code /proc}.
     *
     * @param parent where to look
     * @param prefix the start of the names, e.g. {@code dvmc-plugins-}
     * @param ours   a directory this process made there, whose owner the stale ones must have; never deleted
     * @return how many directories were deleted
     */
    static int sweep(Path parent, String prefix, Path ours) {
        if (SELF.isEmpty()) {
            return 0;
        }
        String namespace = SELF.get().substring(0, SELF.get().indexOf('-'));
        Pattern name = Pattern.compile(Pattern.quote(prefix + namespace + "-") + "(\\d{1,19})-[0-9a-z]+");
        int deleted = 0;
        try {
            List<Path> candidates = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
                for (Path entry : entries) {
                    Matcher matcher = name.matcher(entry.getFileName().toString());
                    if (matcher.matches() && !entry.equals(ours) && !isRunning(matcher.group(1))) {
                        candidates.add(entry);
                    }
                }
            }
            // Usually there are none, and nothing more is looked up.
            UserPrincipal owner = candidates.isEmpty() ? null : Files.getOwner(ours, LinkOption.NOFOLLOW_LINKS);
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)
                        && owner.equals(Files.getOwner(candidate, LinkOption.NOFOLLOW_LINKS))
                        && deleteTree(candidate)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A temporary directory we cannot list or read is not ours to clean.
        }
        return deleted;
    }

    /** Whether a process {@code pid} of this PID namespace runs: {@code /proc} shows exactly those. */
    private static boolean isRunning(String pid) {
        return Files.exists(PROC.resolve(pid), LinkOption.NOFOLLOW_LINKS);
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
