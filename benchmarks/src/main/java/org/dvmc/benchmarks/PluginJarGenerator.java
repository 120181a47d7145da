package org.dvmc.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.dvmc.spi.Dvmc;

/**
 * Generates plugin jars for the loading benchmarks: each a copy of the real trans_log plugin jar with its own
 * {@code Plugin-Id} and its own factory class whose codename is distinct ({@code bench_vm_0000},
 * {@code bench_vm_0001}, …), and either the host's ABI version or {@value #REJECTED_ABI_VERSION} in the
 * manifest.
 *
 * <p>The factory is compiled once with the JDK's compiler; every jar gets a copy in which the placeholder
 * codename is replaced by its own (same length, so the class file stays valid). Its static initializer sets
 * the system property {@link #initializedProperty(String)}, so a run can prove which factories were ever
 * initialized — a rejected plugin's never is.
 *
 * <p>Not thread-safe; used from benchmark setup only.
 */
public final class PluginJarGenerator {

    /** The ABI version a rejected jar declares. */
    public static final int REJECTED_ABI_VERSION = Dvmc.ABI_VERSION - 1;

    private static final String PLACEHOLDER = "bench_vm_0000";
    private static final String FACTORY_CLASS = "org.dvmc.benchmarks.generated.GeneratedVmFactory";
    private static final String FACTORY_ENTRY = FACTORY_CLASS.replace('.', '/') + ".class";
    private static final String SERVICES_ENTRY = "META-INF/services/org.dvmc.spi.VmFactory";
    private static final String FACTORY_SOURCE = """
            package org.dvmc.benchmarks.generated;

            public final class GeneratedVmFactory implements org.dvmc.spi.VmFactory {
                private static final String CODENAME = "%s";
                static {
                    System.setProperty("%s" + CODENAME, "true");
                }
                @Override
                public String codename() {
                    return CODENAME;
                }
                @Override
                public org.dvmc.spi.Vm create() {
                    return new org.dvmc.vm.translog.TransLogVmFactory().create();
                }
            }
            """;
    private static final String INITIALIZED_PREFIX = "dvmc.bench.initialized.";

    private final Map<String, byte[]> transLogEntries;
    private final byte[] factoryTemplate;

    private PluginJarGenerator(Map<String, byte[]> transLogEntries, byte[] factoryTemplate) {
        this.transLogEntries = transLogEntries;
        this.factoryTemplate = factoryTemplate;
    }

    /**
     * Reads the trans_log plugin jar and compiles the factory template.
     *
     * @param workDirectory an existing scratch directory (the compiler writes into it)
     * @return a generator
     * @throws IllegalStateException if no Java compiler is available (a JRE instead of a JDK) or it fails
     */
    public static PluginJarGenerator create(Path workDirectory) {
        return new PluginJarGenerator(readEntries(TransLogPluginJar.bytes()), compileFactory(workDirectory));
    }

    /**
     * The codename of the jar with the given index.
     *
     * @param index 0..9999
     * @return {@code bench_vm_} and the index in four digits
     */
    public static String codename(int index) {
        if (index < 0 || index > 9999) {
            throw new IllegalArgumentException("plugin index must be 0..9999 but was " + index);
        }
        return String.format("bench_vm_%04d", index);
    }

    /**
     * The system property a generated factory sets when its class is initialized.
     *
     * @param codename the factory's codename
     * @return the property name
     */
    public static String initializedProperty(String codename) {
        return INITIALIZED_PREFIX + codename;
    }

    /**
     * Writes {@code accepted + rejected} jars into a directory: indices {@code 0..accepted-1} declare the host's
     * ABI version, the next {@code rejected} ones {@value #REJECTED_ABI_VERSION}.
     *
     * @param directory an existing directory
     * @param accepted  number of jars the ABI gate accepts
     * @param rejected  number of jars it rejects
     * @return the codenames of the accepted jars, in index order
     */
    public List<String> writeLayout(Path directory, int accepted, int rejected) {
        List<String> acceptedCodenames = new ArrayList<>();
        for (int index = 0; index < accepted + rejected; index++) {
            boolean accept = index < accepted;
            String codename = codename(index);
            write(directory.resolve((accept ? "accepted-" : "rejected-") + codename + ".jar"), codename,
                    accept ? Dvmc.ABI_VERSION : REJECTED_ABI_VERSION);
            if (accept) {
                acceptedCodenames.add(codename);
            }
        }
        return acceptedCodenames;
    }

    /**
     * Writes one plugin jar.
     *
     * @param jar        the file to write
     * @param codename   the factory's codename, as made by {@link #codename(int)}
     * @param abiVersion the {@code Dvmc-Abi-Version} to declare
     */
    public void write(Path jar, String codename, int abiVersion) {
        if (codename.length() != PLACEHOLDER.length()) {
            throw new IllegalArgumentException("codename must have " + PLACEHOLDER.length() + " characters: "
                    + codename);
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", codename);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "DVMC benchmarks");
        main.putValue("Plugin-Description", "A copy of trans_log under codename " + codename);
        main.putValue(Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE, Integer.toString(abiVersion));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : transLogEntries.entrySet()) {
                put(out, entry.getKey(), entry.getValue());
            }
            put(out, FACTORY_ENTRY, replace(factoryTemplate, PLACEHOLDER, codename));
            put(out, SERVICES_ENTRY, (FACTORY_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plugin jar " + jar, e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** Every entry of the trans_log jar but its manifest and services file, which each copy replaces. */
    private static Map<String, byte[]> readEntries(byte[] jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                if (!entry.isDirectory() && !name.equals(SERVICES_ENTRY) && !name.startsWith("META-INF/MANIFEST")) {
                    entries.put(name, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trans_log plugin jar", e);
        }
        return entries;
    }

    private static byte[] compileFactory(Path workDirectory) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        try {
            Path sourceFile = workDirectory.resolve("GeneratedVmFactory.java");
            Files.writeString(sourceFile, String.format(FACTORY_SOURCE, PLACEHOLDER, INITIALIZED_PREFIX));
            Path classes = Files.createDirectories(workDirectory.resolve("classes"));
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int exit = compiler.run(null, diagnostics, diagnostics, "-proc:none", "--release", "17", "-nowarn",
                    "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), sourceFile.toString());
            if (exit != 0) {
                throw new IllegalStateException("compiling the generated factory failed (exit " + exit + ")"
                        + ":\n" + diagnostics.toString(StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(classes.resolve(FACTORY_ENTRY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the generated factory in " + workDirectory, e);
        }
    }

    /** Replaces every occurrence of an ASCII string of the same length in a class file's bytes. */
    private static byte[] replace(byte[] content, String from, String to) {
        byte[] target = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        byte[] result = content.clone();
        int replaced = 0;
        for (int i = 0; i + target.length <= result.length; i++) {
            if (regionMatches(result, i, target)) {
                System.arraycopy(replacement, 0, result, i, replacement.length);
                replaced++;
            }
        }
        if (replaced == 0) {
            throw new IllegalStateException("the generated factory does not hold the placeholder " + from);
        }
        return result;
    }

    private static boolean regionMatches(byte[] content, int offset, byte[] target) {
        for (int j = 0; j < target.length; j++) {
            if (content[offset + j] != target[j]) {
                return false;
            }
        }
        return true;
    }
}
