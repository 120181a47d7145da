package org.dvmc.host.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The private copies of the plugin jars of one scan: each accepted-for-reading jar is copied once, hashed
 * (SHA-256, when asked) while it is copied, into a directory only this process's user can read, and everything after
 * that — the ABI gate, the trust check, PF4J's class loader — reads the copy. So the bytes that are checked
 * are the bytes that are loaded, even if the jar in the plugins directory is replaced meanwhile, and no two
 * scans (or class loaders) ever share one jar file, whose handle the JDK would share and close under the
 * other's feet.
 *
 * <p>The SHA-256 is computed only when asked for (pinning, listings), as it costs a cold start some 30 ms.
 *
 * <p>Only regular files are copied: a FIFO, device or socket named {@code *.jar} would block or never end.
 * A jar larger than {@value #MAX_JAR_BYTES} bytes is refused before it is read.
 *
 * <p>The directory is made on a memory file system when there is one ({@link #parentDirectory()}).
 * {@link #close()} deletes the copies; call it after the class loaders reading them are closed. Copies
 * still open when the JVM exits normally are deleted by a shutdown hook, for a process that never closes its
 * loader; a process that is killed or halted leaves them in the temporary directory, as {@code dvmc-plugins-*},
 * and the next process to load plugins there deletes them ({@link StaleDirectories}).
 * Not thread-safe; one scan uses it from one thread.
 */
final class PrivateJarCopies implements AutoCloseable {

    /** The largest plugin jar the loader reads, in bytes: 256 MiB (a native plugin carries libraries). */
    static final long MAX_JAR_BYTES = 256L << 20;

    private static final String REMEDY = "replace it with a DVMC plugin jar";

    private Path directory;
    private int count;

    /**
     * A jar taken for loading: the file found, the private copy to read, and the copy's SHA-256 in lower-case
     * hex when it was computed.
     */
    record Taken(Path original, Path copy, Optional<String> sha256) {
    }

    /**
     * Copies {@code jar} privately, hashing it while copying when {@code hash} is set. Hashing is optional
     * because SHA-256 costs a cold JVM some 30 ms (provider setup, then an interpreted digest): only pinning
     * and listings need it.
     *
     * @throws LoaderException CANNOT_OPEN when the file is not a regular file, too large, missing or unreadable
     */
    Taken take(Path jar, boolean hash) throws LoaderException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(jar, e);
        }
        if (attributes.isDirectory()) {
            throw cannotOpen(jar + " is a directory, not a plugin jar; remove it from the plugins directory", null);
        }
        if (!attributes.isRegularFile()) {
            throw cannotOpen(jar + " is not a regular file (a FIFO, device or socket), so it was not opened;"
                    + " remove it from the plugins directory", null);
        }
        if (attributes.size() > MAX_JAR_BYTES) {
            throw cannotOpen("plugin jar " + jar + " has " + attributes.size() + " bytes, more than the "
                    + (MAX_JAR_BYTES >> 20) + " MiB a plugin jar may have; " + REMEDY, null);
        }
        try {
            // The jar's own file name, so that class-loading logs still name the plugin; jars of one scan come
            // from one directory (or path mode's single jar), so names only clash for odd given paths.
            Path copy = directory().resolve(jar.getFileName().toString());
            if (!hash) {
                // The cheapest copy (the JDK's native one); a jar that grows past the cap meanwhile only costs
                // its own bytes of temporary space, and its manifest and services file stay capped.
                try {
                    Files.copy(jar, copy);
                } catch (FileAlreadyExistsException sameName) {
                    copy = directory().resolve((count++) + "-" + jar.getFileName());
                    Files.copy(jar, copy);
                }
                return new Taken(jar, copy, Optional.empty());
            }
            if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                copy = directory().resolve((count++) + "-" + jar.getFileName());
            }
            MessageDigest sha256 = sha256();
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(jar);
                    OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    copied += n;
                    if (copied > MAX_JAR_BYTES) {
                        // The file grew after its size was read.
                        throw cannotOpen("plugin jar " + jar + " has more than the " + (MAX_JAR_BYTES >> 20)
                                + " MiB a plugin jar may have; " + REMEDY, null);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Taken(jar, copy, Optional.of(HexFormat.of().formatHex(sha256.digest())));
        } catch (IOException e) {
            throw unreadable(jar, e);
        }
    }

    /** The directory of the copies, made on first use: owner-only where the file system has POSIX permissions. */
    private Path directory() throws IOException {
        if (directory == null) {
            directory = createPrivateDirectory();
            LIVE_DIRECTORIES.add(directory);
            registerExitCleanup();
            if (STALE_SWEPT.compareAndSet(false, true)) {
                StaleDirectories.sweepInBackground(DIRECTORY_PREFIX, directory);
            }
        }
        return directory;
    }

    /**
     * A new directory {@code dvmc-plugins-<ns>-<pid>-<random>} (the process on Linux only; see
     * {@link StaleDirectories}) in the temporary directory, owner-only where the file system has POSIX permissions.
     * Not {@link Files#createTempDirectory}: its {@code SecureRandom} costs a cold start milliseconds. The name need
     * not be unguessable: creating a directory is exclusive (an existing name, even a planted link, fails and
     * another name is tried) and nothing follows links.
     */
    private static Path createPrivateDirectory() throws IOException {
        Path temporary = parentDirectory();
        String namePrefix = StaleDirectories.namePrefix(DIRECTORY_PREFIX);
        FileAlreadyExistsException clash = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            Path candidate = temporary.resolve(namePrefix
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                try {
                    return Files.createDirectory(candidate,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    return Files.createDirectory(candidate);
                }
            } catch (FileAlreadyExistsException e) {
                clash = e;
            }
        }
        throw clash;
    }

    /** The start of every private directory's name; then the process (on Linux) and a random part. */
    static final String DIRECTORY_PREFIX = "dvmc-plugins-";

    /** Whether this process has started its sweep of directories left by killed processes. */
    private static final AtomicBoolean STALE_SWEPT = new AtomicBoolean();

    /**
     * Where the private directories go: the system property {@value #LOCATION_PROPERTY} if set; else a memory file
     * system when there is one ({@code $XDG_RUNTIME_DIR}, the user's own, then {@code /dev/shm}), because
     * copying a jar there costs some 0.05 ms against 0.3 to 0.5 ms on a disk; else {@code java.io.tmpdir}.
     */
    static Path parentDirectory() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {System.getenv("XDG_RUNTIME_DIR"), "/dev/shm"}) {
            if (candidate != null && !candidate.isBlank()) {
                Path directory = Path.of(candidate);
                if (Files.isDirectory(directory) && Files.isWritable(directory)) {
                    return directory;
                }
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The system property naming the directory the private copies are made in (default: see {@link #parentDirectory()}). */
    static final String LOCATION_PROPERTY = "dvmc.privateCopies";

    /** The copy directories not yet closed, deleted at JVM exit by one shutdown hook (deleteOnExit would grow forever). */
    private static final Set<Path> LIVE_DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean EXIT_CLEANUP_REGISTERED = new AtomicBoolean();

    private static void registerExitCleanup() {
        if (EXIT_CLEANUP_REGISTERED.compareAndSet(false, true)) {
            Thread cleanup = new Thread(() -> List.copyOf(LIVE_DIRECTORIES).forEach(PrivateJarCopies::deleteTree),
                    "dvmc-private-jar-cleanup");
            try {
                Runtime.getRuntime().addShutdownHook(cleanup);
            } catch (IllegalStateException | SecurityException alreadyExiting) {
                // Nothing to register any more; close() still deletes.
            }
        }
    }

    /** Deletes every copy and the directory; never throws. */
    @Override
    public void close() {
        if (directory == null) {
            return;
        }
        deleteTree(directory);
        LIVE_DIRECTORIES.remove(directory);
    }

    private static void deleteTree(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException | RuntimeException e) {
                    // Left for the JVM's exit or the system's temporary-file cleanup.
                }
            }
            Files.deleteIfExists(directory);
        } catch (IOException | RuntimeException e) {
            // As above.
        }
    }

    /** The location of the private copies, if any were made. */
    Optional<Path> directoryIfMade() {
        return Optional.ofNullable(directory);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must have", e);
        }
    }

    /** The message for a jar that cannot be read, saying why as precisely as the file system told. */
    static LoaderException unreadable(Path jar, IOException e) {
        if (e instanceof NoSuchFileException) {
            return cannotOpen("plugin jar " + jar + " does not exist"
                    + (jar.isAbsolute() ? "" : " (looked for " + jar.toAbsolutePath() + ")") + "; check the path", e);
        }
        if (e instanceof AccessDeniedException) {
            return cannotOpen("plugin jar " + jar + " cannot be read: permission denied; make it readable by this"
                    + " user (chmod a+r)", e);
        }
        if (isOutOfFileDescriptors(e)) {
            return cannotOpen("plugin jar " + jar + " cannot be opened: this process has too many open files;"
                    + " close VMs and loaders you no longer need, or raise the limit (ulimit -n)", e);
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
        return cannotOpen("plugin jar " + jar + " cannot be read (" + reason + "); check that it is a readable file", e);
    }

    /** True when {@code e} (or a cause) says the process ran out of file descriptors. */
    static boolean isOutOfFileDescriptors(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Too many open files")) {
                return true;
            }
        }
        return false;
    }

    private static LoaderException cannotOpen(String message, Throwable cause) {
        return new LoaderException(LoaderErrorCode.CANNOT_OPEN, message, cause);
    }
}
