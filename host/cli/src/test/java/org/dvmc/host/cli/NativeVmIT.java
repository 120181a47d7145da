package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the packaged dvmc.jar runs native VMs — a library by path and a native plugin jar by codename —
 * on the JDK 22+ the build was given, lists them as native, prints no FFM warning, and on Java 17 fails with
 * the message that says which Java is needed. The native VMs are the native trans_log (its plugin jar, and its
 * library by path) and the bridge's test probe (built here with gcc from host/bridge/src/test/c/probe_vm.c),
 * whose options and errors are known. Runs only in a build
 * with the native bridge (-Ddvmc.jdk22.home, which ./run-tests passes); ./run-tests fails when there is none.
 */
class NativeVmIT {

    private static final Path JAR = Path.of(System.getProperty("dvmc.jar"));
    private static final String JDK22_JAVA = System.getProperty("dvmc.jdk22.java");
    private static final String JAVA17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path directory;
    private static Path library;
    private static Path plugins;

    private record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void buildProbe() throws Exception {
        assumeTrue(JDK22_JAVA != null && !JDK22_JAVA.startsWith("${"), "built without the native bridge");
        Path sources = Path.of(System.getProperty("dvmc.test.c.dir"));
        library = directory.resolve("libprobe.so");
        Process gcc = new ProcessBuilder("gcc", "-std=c99", "-O2", "-shared", "-fPIC", "-I",
                System.getProperty("dvmc.native.include"), sources.resolve("probe_vm.c").toString(), "-o",
                library.toString()).inheritIO().start();
        assertEquals(0, gcc.waitFor(), "gcc failed");
        plugins = Files.createDirectory(directory.resolve("plugins"));
        writeNativePluginJar(plugins.resolve("probe-native-1.0.0.jar"), Files.readAllBytes(library));
        // The real native trans_log: its plugin jar, and its library by path.
        Path translogJar = Path.of(System.getProperty("translog.native.plugin.jar"));
        Files.copy(translogJar, plugins.resolve("trans-log-native.jar"));
        Files.copy(Path.of(System.getProperty("translog.plugin.jar")), plugins.resolve("trans-log.jar"));
        translogLibrary = directory.resolve("libtrans_log_vm.so");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(translogJar.toFile())) {
            String platform = System.getProperty("os.arch").equals("aarch64") ? "linux-aarch64" : "linux-x86_64";
            Files.copy(jar.getInputStream(jar.getJarEntry("native/" + platform + "/libtrans_log_vm.so")), translogLibrary);
        }
    }

    private static Path translogLibrary;

    @Test
    void runsTheNativeTransLogByCodenameAndByPathLikeTheJavaOne() throws Exception {
        Run java = dvmc(JDK22_JAVA, "--vm", "trans_log", "run", "30600052596000f3", "--gas", "99");
        Run byCodename = dvmc(JDK22_JAVA, "--vm", "trans_log_native", "run", "30600052596000f3", "--gas", "99");
        Run byPath = dvmc(JDK22_JAVA, "--vm", translogLibrary.toString(), "run", "30600052596000f3", "--gas", "99");
        assertEquals(0, java.status(), java.toString());
        String javaOutput = java.out().substring(java.out().indexOf('\n') + 1);
        assertEquals(new Run(0, "Config: trans_log_native\n" + javaOutput, ""), byCodename);
        assertEquals(new Run(0, "Config: " + translogLibrary + "\n" + javaOutput, ""), byPath);
    }

    @Test
    void testVmPassesOnTheNativeTransLog() throws Exception {
        Run run = dvmc(JDK22_JAVA, "--vm", "trans_log_native", "test-vm");
        assertEquals(0, run.status(), run.toString());
        assertContains(run.out(), "passed, 0 failed");
    }

    /** A native plugin jar as docs/NATIVE_VMS.md describes it: manifest attributes and native/<platform>/<library>. */
    private static void writeNativePluginJar(Path jar, byte[] library) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "probe-native");
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "DVMC tests");
        main.putValue("Dvmc-Abi-Version", "12");
        main.putValue("Dvmc-Native-Codename", "probe_native");
        main.putValue("Dvmc-Native-Library", "libprobe.so");
        main.putValue("Dvmc-Native-Create", "dvmc_create_probe");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String platform : new String[] {"linux-x86_64", "linux-aarch64"}) {
                out.putNextEntry(new JarEntry("native/" + platform + "/libprobe.so"));
                out.write(library);
                out.closeEntry();
            }
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
        }
    }

    private static Run dvmc(String java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "--plugins-dir", plugins.toString()));
        command.addAll(List.of(args));
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DVMC_VM");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dvmc did not finish in 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsANativeLibraryByPathWithoutAnyWarning() throws Exception {
        Run run = dvmc(JDK22_JAVA, "--vm", library + ",verbose=1", "run", "00", "--input", "0102", "--gas", "99");
        assertEquals(new Run(0, "Config: " + library + ",verbose=1\nExecuting on Cancun with 99 gas limit\n\n"
                + "Result:   success\nGas used: 1\nOutput:   0102\n", ""), run);
    }

    @Test
    void runsANativePluginByCodename() throws Exception {
        Run run = dvmc(JDK22_JAVA, "--vm", "probe_native", "run", "00", "--input", "ff", "--gas", "10");
        assertEquals(0, run.status(), run.toString());
        assertContains(run.out(), "Result:   success", "Output:   ff");
        assertEquals("", run.err());
    }

    @Test
    void vmsMarksNativeVms() throws Exception {
        Run text = dvmc(JDK22_JAVA, "vms");
        assertEquals(0, text.status(), text.toString());
        assertTrue(Pattern.compile("probe_native +probe +0\\.1\\.0 +12 +DVM1,PRECOMPILES +probe-native 1\\.0\\.0"
                + " \\(native\\)").matcher(text.out()).find(), text.out());
        Run json = dvmc(JDK22_JAVA, "vms", "--json");
        assertContains(json.out(), "\"codename\": \"probe_native\", \"name\": \"probe\"", "\"native\": true");
    }

    @Test
    void badOptionsAndLibrariesKeepTheLoaderCodes() throws Exception {
        assertEquals(6, dvmc(JDK22_JAVA, "--vm", library + ",colour=red", "run", "00").status());
        assertEquals(7, dvmc(JDK22_JAVA, "--vm", library + ",verbose=9", "run", "00").status());
        Run missing = dvmc(JDK22_JAVA, "--vm", directory.resolve("libmissing.so").toString(), "run", "00");
        assertEquals(1, missing.status(), missing.toString());
        assertContains(missing.err(), "libmissing.so", "does not exist");
    }

    @Test
    void onJava17ANativeVmFailsWithWhatToDo() throws Exception {
        Run run = dvmc(JAVA17, "--vm", library.toString(), "run", "00");
        assertEquals(4, run.status(), run.toString());
        assertEquals("", run.out());
        assertContains(run.err(), "native VM", "Java 22 or newer", "this is Java 17", "JAVA_HOME");
        // Everything else still works on 17: vms lists the native plugin with the same reason.
        Run vms = dvmc(JAVA17, "vms");
        assertEquals(0, vms.status(), vms.toString());
        assertContains(vms.out(), "probe_native", "(not created, see below)", "Java 22 or newer");
    }
}
