package org.dvmc.host.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
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
import java.util.Optional;

/**
 * The private copies of the plugin jars of one scan: each accepted-for-reading jar is copied once, hashed
 * (SHA-256) while it is copied, into a directory only this process's user can read, and everything after
 * that — the ABI gate, the trust check, PF4J's class loader — reads the copy. So the bytes that are checked
 * are the bytes that are loaded, even if the jar in the plugins directory is replaced meanwhile, and no two
 * scans (or class loaders) ever share one jar file, whose handle the JDK would share and close under the
 * other's feet.
 *
 * <p>Only regular files are copied: a FIFO, device or socket named {@code *.jar} would block or never end.
 * A jar larger than {@value #MAX_JAR_BYTES} bytes is refused before it is read.
 *
 * <p>{@link #close()} deletes the copies; call it after the class loaders reading them are closed. The
 * directory is also marked for deletion at JVM exit, for a process that never closes its loader.
 * Not thread-safe; one scan uses it from one thread.
 */
final class PrivateJarCopies implements AutoCloseable {

    /** The largest plugin jar the loader reads, in bytes: 256 MiB (a native plugin carries libraries). */
    static final long MAX_JAR_BYTES = 256L << 20;

    private static final String REMEDY = "replace it with a DVMC plugin jar";

    private Path directory;
    private int count;

    /** A jar taken for loading: the file found, the private copy to read, and the copy's SHA-256 in lower-case hex. */
    record Taken(Path original, Path copy, String sha256) {
    }

    /**
     * Copies {@code jar} privately and hashes it.
     *
     * @throws LoaderException CANNOT_OPEN when the file is not a regular file, too large, missing or unreadable
     */
    Taken take(Path jar) throws LoaderException {
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
            return new Taken(jar, copy, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw unreadable(jar, e);
        }
    }

    /** The directory of the copies, made on first use: owner-only where the file system has POSIX permissions. */
    private Path directory() throws IOException {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("dvmc-plugins-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                directory = Files.createTempDirectory("dvmc-plugins-");
            }
            directory.toFile().deleteOnExit();
        }
        return directory;
    }

    /** Deletes every copy and the directory; never throws. */
    @Override
    public void close() {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            files.forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException | RuntimeException e) {
                    // Left for the JVM's exit or the system's temporary-file cleanup.
                }
            });
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
