package org.dvmc.host.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Copies the library of a native plugin jar out of the jar, where the system's loader can open it: into a
 * private directory (owner-only permissions, checked: never a directory others can write to), as a file
 * named by the SHA-256 of its content. The directory is made once per process under the system's
 * temporary directory and removed at exit, or is the one the system property
 * {@value #DIRECTORY_PROPERTY} names (made if missing, kept across processes: a cache). An existing file is used
 * only when its content still has that hash, and is replaced otherwise. Thread-safe, and safe for processes
 * sharing the directory: a library is written under a name of its own and renamed into place, so a file under a
 * hash name is always whole.
 */
final class NativeLibraryExtractor {

    /** A system property naming a fixed private directory for extracted libraries (e.g. a cache). */
    static final String DIRECTORY_PROPERTY = "dvmc.native.dir";

    /** No library is larger than this; a bigger entry is refused rather than read into memory. */
    static final long MAX_LIBRARY_BYTES = 512L * 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static Path processDirectory;

    /** The start of the per-process directory's name; then the process (on Linux) and a random number. */
    static final String DIRECTORY_PREFIX = "dvmc-native-";

    private NativeLibraryExtractor() {
    }

    /**
     * The path of {@code entryName} of {@code jar} in the private directory.
     *
     * @throws LoaderException CANNOT_OPEN when the jar or entry cannot be read, or the directory is unsafe
     */
    static Path extract(Path jar, String entryName, String libraryFile) throws LoaderException {
        byte[] content = read(jar, entryName);
        return place(content, sha256(content), libraryFile, entryName + " of native plugin jar " + jar);
    }

    /**
     * The bytes of the native library file at {@code library}, for pinning: they are hashed, checked and then
     * {@linkplain #place placed}, so that what the system loads is what was checked.
     *
     * @throws LoaderException CANNOT_OPEN when it is not a regular file, is larger than {@value #MAX_LIBRARY_BYTES}
     *                         bytes or cannot be read
     */
    static byte[] readLibrary(Path library) throws LoaderException {
        try {
            if (!Files.isRegularFile(library)) {
                throw cannotOpen("native library " + library + " is not a regular file; give the path of a shared"
                        + " library", null);
            }
            if (Files.size(library) > MAX_LIBRARY_BYTES) {
                throw cannotOpen("native library " + library + " is larger than " + MAX_LIBRARY_BYTES + " bytes", null);
            }
            return Files.readAllBytes(library);
        } catch (IOException e) {
            throw cannotOpen("cannot read native library " + library + " (" + e + ")", e);
        }
    }

    /**
     * {@code content} as a file of the private directory named by its hash, whole (written under a name of its
     * own, then renamed into place), reused when a file of that name already holds that content.
     *
     * @param content     the library's bytes
     * @param hash        their SHA-256, lower-case hex ({@link #sha256})
     * @param libraryFile the library's file name, for the suffix ({@code .so})
     * @param what        what the library is, for messages
     * @throws LoaderException CANNOT_OPEN when it cannot be written, or the directory is unsafe
     */
    static Path place(byte[] content, String hash, String libraryFile, String what) throws LoaderException {
        int dot = libraryFile.indexOf('.');
        String fileName = hash + (dot >= 0 ? libraryFile.substring(dot) : "");
        Path directory = directory();
        Path target = directory.resolve(fileName);
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && hash.equals(sha256(Files.readAllBytes(target)))) {
                return target;
            }
            // Written under a name of its own and renamed into place in one step, so that no other thread or
            // process ever sees a part-written library under the hash name; a wrong file there (a write cut
            // short by a full disk, or a change) is replaced.
            Path partial = Files.createTempFile(directory, ".partial-", ".tmp");
            try {
                Files.write(partial, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                restrict(partial, "r-x------");
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            if (directory.equals(processDirectory)) {
                // Only the per-process directory is temporary; a configured one is a cache that outlives us.
                target.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw cannotOpen("cannot copy " + what + " to " + target + " (" + e + "); check the free space and"
                    + " permissions of " + directory, e);
        }
        return target;
    }

    private static byte[] read(Path jar, String entryName) throws LoaderException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry entry = file.getJarEntry(entryName);
            if (entry == null) {
                throw cannotOpen("native plugin jar " + jar + " has no " + entryName + " (no library for this platform,"
                        + " " + NativePluginManifest.platform() + "); use a build of the plugin for this platform", null);
            }
            if (entry.getSize() > MAX_LIBRARY_BYTES) {
                throw cannotOpen("native plugin jar " + jar + ": " + entryName + " is larger than "
                        + MAX_LIBRARY_BYTES + " bytes", null);
            }
            try (InputStream in = file.getInputStream(entry)) {
                byte[] content = in.readNBytes((int) MAX_LIBRARY_BYTES + 1);
                if (content.length > MAX_LIBRARY_BYTES) {
                    throw cannotOpen("native plugin jar " + jar + ": " + entryName + " is larger than "
                            + MAX_LIBRARY_BYTES + " bytes", null);
                }
                return content;
            }
        } catch (IOException e) {
            throw cannotOpen("cannot read " + entryName + " from native plugin jar " + jar + " (" + e + ")", e);
        }
    }

    private static synchronized Path directory() throws LoaderException {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        try {
            if (configured != null && !configured.isBlank()) {
                Path directory = Path.of(configured).toAbsolutePath();
                if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(directory);
                    restrict(directory, "rwx------");
                }
                checkPrivate(directory);
                return directory;
            }
            if (processDirectory == null) {
                String prefix = StaleDirectories.namePrefix(DIRECTORY_PREFIX);
                Path directory = isPosix()
                        ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                        : Files.createTempDirectory(prefix);
                directory.toFile().deleteOnExit();
                processDirectory = directory;
                // A killed process cannot delete its directory: the next one that extracts a library does.
                StaleDirectories.sweepInBackground(DIRECTORY_PREFIX, directory);
            }
            checkPrivate(processDirectory);
            return processDirectory;
        } catch (IOException | RuntimeException e) {
            throw cannotOpen("cannot make a private directory for native libraries" + (configured == null ? ""
                    : " at " + configured + " (system property " + DIRECTORY_PROPERTY + ")") + ": " + e, e);
        }
    }

    /** Refuses a directory that is a link, not ours, or writable by others: they could swap the library. */
    private static void checkPrivate(Path directory) throws IOException, LoaderException {
        if (!isPosix()) {
            return;
        }
        PosixFileAttributes attributes = Files.getFileAttributeView(directory, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        String me = System.getProperty("user.name");
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (!attributes.isDirectory() || !attributes.owner().getName().equals(me)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw cannotOpen("the native library directory " + directory + " is not a private directory of " + me
                    + " (owner " + attributes.owner().getName() + ", permissions "
                    + PosixFilePermissions.toString(permissions) + "); use a directory only you can write to", null);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (isPosix()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean isPosix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static LoaderException cannotOpen(String message, Throwable cause) {
        return new LoaderException(LoaderErrorCode.CANNOT_OPEN, message, cause);
    }
}
