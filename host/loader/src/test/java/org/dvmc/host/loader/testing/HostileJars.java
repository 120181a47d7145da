package org.dvmc.host.loader.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars made to exhaust a host that reads them carelessly: a few kilobytes or megabytes on disk that inflate
 * to as much as the test asks. Written as a stream, so the test itself never holds the inflated bytes.
 * Stateless.
 */
public final class HostileJars {

    /** The manifest main attributes of a plugin {@code id} that would otherwise pass the ABI gate. */
    private static String pluginAttributes(String id) {
        return "Manifest-Version: 1.0\r\nPlugin-Id: " + id + "\r\nPlugin-Version: 1.0.0\r\nDvmc-Abi-Version: 12\r\n";
    }

    private HostileJars() {
    }

    /**
     * A plugin jar whose manifest has a legal attribute continued over enough lines to make
     * {@code inflatedBytes} bytes of manifest.
     */
    public static Path hugeManifest(Path jar, String pluginId, long inflatedBytes) {
        return write(jar, zip -> {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write((pluginAttributes(pluginId) + "X-Padding: start\r\n").getBytes(StandardCharsets.US_ASCII));
            // A continuation line starts with one space.
            repeat(zip, (" " + "a".repeat(68) + "\r\n").getBytes(StandardCharsets.US_ASCII), inflatedBytes);
            zip.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        });
    }

    /** A plugin jar with a good manifest and a services file of {@code inflatedBytes} bytes of one class name per line. */
    public static Path hugeServicesFile(Path jar, String pluginId, long inflatedBytes) {
        return write(jar, zip -> {
            manifest(zip, pluginId);
            zip.putNextEntry(new ZipEntry(PluginJarBuilder.SERVICES_FILE));
            repeat(zip, "hostile.Factory\n".getBytes(StandardCharsets.US_ASCII), inflatedBytes);
            zip.closeEntry();
        });
    }

    /** A plugin jar with a good manifest and a services file naming {@code count} different classes. */
    public static Path servicesNaming(Path jar, String pluginId, int count) {
        return write(jar, zip -> {
            manifest(zip, pluginId);
            zip.putNextEntry(new ZipEntry(PluginJarBuilder.SERVICES_FILE));
            for (int i = 0; i < count; i++) {
                zip.write(("hostile.Factory" + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            zip.closeEntry();
        });
    }

    private static void manifest(ZipOutputStream zip, String pluginId) throws IOException {
        zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
        zip.write((pluginAttributes(pluginId) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, byte[] unit, long total) throws IOException {
        byte[] block = new byte[unit.length * Math.max(1, 65536 / unit.length)];
        for (int i = 0; i < block.length; i += unit.length) {
            System.arraycopy(unit, 0, block, i, unit.length);
        }
        for (long written = 0; written < total; written += block.length) {
            out.write(block);
        }
    }

    private interface ZipWriter {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static Path write(Path jar, ZipWriter writer) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            writer.write(zip);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
