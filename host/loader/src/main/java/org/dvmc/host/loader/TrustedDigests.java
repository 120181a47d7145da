package org.dvmc.host.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Pinning: the SHA-256 digests of the only plugin jars a {@link VmLoader} may load
 * ({@link VmLoader.Builder#trustedDigests}). A jar whose digest is not listed is rejected right after it is
 * hashed, before its manifest is read and long before any of its code could run. Classpath factories are
 * not affected: the classpath is the host's own.
 *
 * <p>A trust file ({@link #read(Path)}) holds one digest per line, 64 hex digits; anything after the digest
 * on its line is ignored, so the output of {@code sha256sum plugins/*.jar} is a valid trust file, as are the
 * SHA-256 values {@code dvmc vms} prints. Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedDigests {

    /** The largest trust file read, in bytes (1 MiB: some ten thousand digests). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Set<String> digests;
    private final String origin;

    private TrustedDigests(Set<String> digests, String origin) {
        this.digests = Set.copyOf(digests);
        this.origin = origin;
    }

    /**
     * The given digests.
     *
     * @param digests SHA-256 digests in hex (64 digits, either case)
     * @return the digests, lower-cased
     * @throws IllegalArgumentException naming the first value that is not such a digest
     */
    public static TrustedDigests of(Collection<String> digests) {
        Set<String> normalized = new TreeSet<>();
        for (String digest : digests) {
            String lower = Objects.requireNonNull(digest, "digest").strip().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(lower).matches()) {
                throw new IllegalArgumentException("'" + Escaping.escape(digest) + "' is not a SHA-256 digest"
                        + " (64 hex digits)");
            }
            normalized.add(lower);
        }
        return new TrustedDigests(normalized, "the trusted digests");
    }

    /**
     * Reads a trust file.
     *
     * @param file the trust file
     * @return its digests
     *
     * @throws LoaderException {@link LoaderErrorCode#INVALID_ARGUMENT} when the file is missing, unreadable,
     *                         larger than {@value #MAX_FILE_BYTES} bytes or has a line that does not start
     *                         with a digest; the message names the file and the line
     */
    public static TrustedDigests read(Path file) throws LoaderException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
                throw invalid("trust file " + file + " is not a regular file; give a file of SHA-256 digests");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw invalid("trust file " + file + " does not exist; create it (e.g. sha256sum plugins/*.jar > "
                    + file + ") or give another");
        } catch (IOException e) {
            throw invalid("trust file " + file + " cannot be read (" + e + "); make it readable");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw invalid("trust file " + file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; a trust file"
                    + " lists one SHA-256 digest per line");
        }
        Set<String> digests = new TreeSet<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String first = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(first).matches()) {
                throw invalid("trust file " + file + ", line " + (i + 1) + ": '" + Escaping.escape(abbreviate(line))
                        + "' does not start with a SHA-256 digest (64 hex digits); 'dvmc vms' shows each jar's digest");
            }
            digests.add(first);
        }
        return new TrustedDigests(digests, "trust file " + file);
    }

    /**
     * Whether a jar's digest is trusted.
     *
     * @param sha256 the jar's SHA-256, lower-case hex
     * @return true when it is one of these digests
     */
    public boolean contains(String sha256) {
        return digests.contains(sha256);
    }

    /**
     * The digests.
     *
     * @return the digests, lower-case hex, sorted
     */
    public Set<String> digests() {
        return new TreeSet<>(digests);
    }

    /**
     * Where the digests came from, for messages.
     *
     * @return e.g. {@code trust file /etc/dvmc/trusted} or {@code the trusted digests}
     */
    public String origin() {
        return origin;
    }

    /** The rejection of a jar whose digest is not trusted. */
    LoaderException notTrusted(Path jar, String sha256) {
        return new LoaderException(LoaderErrorCode.CANNOT_OPEN, "plugin jar " + jar + " is not trusted: its SHA-256 "
                + sha256 + " is not in " + origin + "; if you trust this jar, add that digest, else remove the jar");
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private static LoaderException invalid(String message) {
        return new LoaderException(LoaderErrorCode.INVALID_ARGUMENT, message);
    }

    @Override
    public String toString() {
        return "TrustedDigests[" + digests.size() + " from " + origin + "]";
    }

}
