package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference loader's naming rules, and native VMs on a Java without the bridge (these tests run on 17). */
class NativeLibraryNamesTest {

    @TempDir
    Path directory;

    @Test
    void libraryTargetsAreRecognisedByTheirFileName() {
        for (String target : List.of("libevmone.so", "/opt/libevmone.so", "./libx.so.1", "lib/x.so.0.12", "x.dylib",
                "C:\\vms\\x.dll", "LIBX.SO")) {
            assertTrue(NativeLibraryNames.isNativeLibrary(target), target);
        }
        for (String target : List.of("trans_log", "plugins/trans-log-1.0.0.jar", "/opt/so/x.jar", "sonic")) {
            assertFalse(NativeLibraryNames.isNativeLibrary(target), target);
        }
    }

    @Test
    void theCreateFunctionsFollowTheReferenceRule() {
        assertEquals(List.of("dvmc_create_trans_log_vm", "dvmc_create", "evmc_create_trans_log_vm", "evmc_create"),
                NativeLibraryNames.createFunctions(Path.of("/x/libtrans_log_vm.so")));
        assertEquals("my_vm", NativeLibraryNames.vmName(Path.of("/x/libmy-vm.so.1.2")));
        assertEquals("evmone", NativeLibraryNames.vmName(Path.of("libevmone.so")));
        assertEquals("vm", NativeLibraryNames.vmName(Path.of("vm.dll")));
        assertEquals(List.of("dvmc_create", "evmc_create"), NativeLibraryNames.createFunctions(Path.of("lib.so")));
    }

    @Test
    void aLibraryPathIsAPathConfiguration() throws LoaderException {
        assertTrue(VmConfig.parse("libevmone.so,advanced").isPath());
    }

    @Test
    void onJavaOlderThan22ANativeVmSaysWhichJavaItNeeds() throws Exception {
        assumeTrue(Runtime.version().feature() < 22, "runs on a Java without the Foreign Function & Memory API");
        Path library = Files.writeString(directory.resolve("libx.so"), "any");
        try (VmLoader loader = VmLoader.builder().pluginsDirectory(directory).includeClasspath(false).build()) {
            LoaderException e = assertThrows(LoaderException.class, () -> loader.load(library.toString()));
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            LoaderTestSupport.assertMessageContains(e, "libx.so", "Java 22 or newer",
                    "this is Java " + Runtime.version().feature(), "JAVA_HOME");
            LoaderException missing = assertThrows(LoaderException.class,
                    () -> loader.load(directory.resolve("libnone.so").toString()));
            assertEquals(LoaderErrorCode.CANNOT_OPEN, missing.errorCode());
        }
    }

    @Test
    void theJdkFinderPicksTheNewestJdk22OrNone() throws Exception {
        Path jvms = Files.createDirectory(directory.resolve("jvm"));
        fakeJdk(jvms.resolve("jdk-17"), "17.0.9");
        fakeJdk(jvms.resolve("jdk-22"), "22.0.1");
        fakeJdk(jvms.resolve("jdk-25"), "25");
        Path script = Path.of(System.getProperty("dvmc.repository", "../.."), "tools", "jdk22.sh");
        assertEquals(jvms.resolve("jdk-25").toString(), find(script, jvms, ""));
        assertEquals(jvms.resolve("jdk-22").toString(), find(script, jvms, "JAVA_HOME=" + jvms.resolve("jdk-22")));
        Path only17 = Files.createDirectory(directory.resolve("old"));
        fakeJdk(only17.resolve("jdk-17"), "17.0.9");
        assertEquals("none", find(script, only17, ""));
    }

    private static void fakeJdk(Path home, String version) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    private static String find(Path script, Path searchPath, String environment) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "unset JAVA_HOME DVMC_JDK22_HOME; " + environment
                + " DVMC_JDK_SEARCH_PATH='" + searchPath + "'; export DVMC_JDK_SEARCH_PATH " + environment.replaceAll("=.*", "")
                + "; source '" + script + "'; if dvmc_find_jdk22; then echo \"$dvmc_jdk22_home\"; else echo none; fi")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), out);
        return out;
    }
}
