package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.LoaderErrorCode;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.TrustedDigests;
import org.dvmc.host.loader.VmEntry;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Capability;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading native VMs through {@link VmLoader}, with the reference loader's rules and every error code, each from
 * a real library gcc builds from src/test/c/probe_vm.c.
 */
class NativeLoadingTest {

    @TempDir
    Path plugins;

    private VmLoader loader() {
        return VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false).build();
    }

    private static LoaderException failure(VmLoader loader, String config) {
        return assertThrows(LoaderException.class, () -> loader.load(config).close());
    }

    /** Fails with the whole of {@code actual} unless it contains every one of {@code expectedParts}. */
    private static void assertContains(String actual, String... expectedParts) {
        assertNotNull(actual, () -> "expected a text containing " + List.of(expectedParts) + ", got null");
        for (String part : expectedParts) {
            assertTrue(actual.contains(part), () -> "expected \"" + part + "\" in:\n" + actual);
        }
    }

    private static Result echo(LoadedVm vm) {
        return vm.execute(new MockedHost(), Revision.CANCUN, Message.builder().gas(100).input(Bytes.fromHex("0102")).build(),
                Bytes.of((byte) 0));
    }

    @Test
    void byPathTheCreateFunctionIsNamedAfterTheFile() throws Exception {
        Path library = NativeTestLibraries.probe();
        try (VmLoader loader = loader(); LoadedVm vm = loader.load(library.toString())) {
            assertTrue(vm.entry().isNative());
            assertEquals("probe", vm.vm().name());
            assertEquals("0.1.0", vm.vm().version());
            assertEquals(12, vm.vm().abiVersion());
            assertEquals(Set.of(Capability.DVM1, Capability.PRECOMPILES), vm.vm().capabilities());
            Result result = echo(vm);
            assertEquals(StatusCode.SUCCESS, result.status());
            assertEquals(99, result.gasLeft());
            assertEquals(7, result.gasRefund());
            assertEquals(Bytes.fromHex("0102"), result.output());
        }
    }

    @Test
    void theFileNameLosesLibItsSuffixesAndDashes() throws Exception {
        Path library = NativeTestLibraries.probe("libmy-probe.so.1", "PROBE_CREATE=dvmc_create_my_probe");
        try (VmLoader loader = loader(); LoadedVm vm = loader.load(library.toString())) {
            assertEquals(StatusCode.SUCCESS, echo(vm).status());
        }
    }

    @Test
    void thenDvmcCreateThenTheReferencePrefixes() throws Exception {
        for (Path library : new Path[] {
            NativeTestLibraries.probe("libgeneric.so", "PROBE_CREATE=dvmc_create"),
            NativeTestLibraries.probe("libref.so", "PROBE_CREATE=evmc_create_ref"),
            NativeTestLibraries.probe("libref_generic.so", "PROBE_CREATE=evmc_create")}) {
            try (VmLoader loader = loader(); LoadedVm vm = loader.load(library.toString())) {
                assertEquals(StatusCode.SUCCESS, echo(vm).status(), library.toString());
            }
        }
    }

    @Test
    void optionsGoThroughSetOption() throws Exception {
        Path library = NativeTestLibraries.probe();
        try (VmLoader loader = loader(); LoadedVm vm = loader.load(library + ",verbose=2")) {
            assertEquals(StatusCode.SUCCESS, echo(vm).status());
        }
        try (VmLoader loader = loader()) {
            LoaderException name = failure(loader, library + ",colour=red");
            assertEquals(LoaderErrorCode.INVALID_OPTION_NAME, name.errorCode());
            assertContains(name.getMessage(), "colour");
            LoaderException value = failure(loader, library + ",verbose=9");
            assertEquals(LoaderErrorCode.INVALID_OPTION_VALUE, value.errorCode());
            assertContains(value.getMessage(), "verbose", "9");
        }
    }

    @Test
    void aMissingFileOrANonLibraryCannotBeOpened() throws IOException {
        Path text = plugins.resolve("libtext.so");
        Files.writeString(text, "not a shared library");
        try (VmLoader loader = loader()) {
            LoaderException missing = failure(loader, plugins.resolve("libnone.so").toString());
            assertEquals(LoaderErrorCode.CANNOT_OPEN, missing.errorCode());
            assertContains(missing.getMessage(), "libnone.so", "does not exist");
            LoaderException notElf = failure(loader, text.toString());
            assertEquals(LoaderErrorCode.CANNOT_OPEN, notElf.errorCode());
            // The system's own reason, from dlerror().
            String reason = notElf.getMessage();
            assertContains(reason, "libtext.so");
            assertTrue(reason.contains("invalid ELF header") || reason.contains("file too short"),
                    () -> "expected \"invalid ELF header\" or \"file too short\" in:\n" + reason);
        }
    }

    @Test
    void anUndefinedSymbolIsRefusedWhenOpening() {
        Path library = NativeTestLibraries.probe("libundefined.so", "PROBE_UNDEFINED");
        try (VmLoader loader = loader()) {
            LoaderException e = failure(loader, library.toString());
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertContains(e.getMessage(), "probe_function_nobody_defines");
        }
    }

    @Test
    void noCreateFunctionIsSymbolNotFound() {
        Path library = NativeTestLibraries.probe("libnothing.so", "PROBE_CREATE=make_a_vm");
        try (VmLoader loader = loader()) {
            LoaderException e = failure(loader, library.toString());
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, e.errorCode());
            assertContains(e.getMessage(), "dvmc_create_nothing", "dvmc_create", "evmc_create_nothing");
        }
    }

    @Test
    void nullFromCreateIsVmCreationFailure() {
        Path library = NativeTestLibraries.probe("libnull.so", "PROBE_NULL", "PROBE_CREATE=dvmc_create_null");
        try (VmLoader loader = loader()) {
            LoaderException e = failure(loader, library.toString());
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            assertContains(e.getMessage(), "dvmc_create_null", "NULL");
        }
    }

    @Test
    void anotherAbiVersionIsAMismatchAndTheInstanceIsDestroyed() {
        Path library = NativeTestLibraries.probe("libabi.so", "PROBE_ABI=11", "PROBE_CREATE=dvmc_create_abi");
        NativeTestLibraries.hold(library);
        try (VmLoader loader = loader()) {
            LoaderException e = failure(loader, library.toString());
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, e.errorCode());
            assertContains(e.getMessage(), "11", "12");
        }
        assertEquals(1, NativeTestLibraries.counter(library, "probe_created"));
        assertEquals(1, NativeTestLibraries.counter(library, "probe_destroyed"));
    }

    @Test
    void withPinningALibraryByPathLoadsOnlyWhenItsDigestIsTrustedAndFromTheCheckedCopy() throws Exception {
        Path library = NativeTestLibraries.probe();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(library)));
        try (VmLoader pinned = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false)
                .trustedDigests(TrustedDigests.of(List.of(digest))).build();
                LoadedVm vm = pinned.load(library.toString())) {
            assertEquals(StatusCode.SUCCESS, echo(vm).status());
        }
        try (VmLoader other = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false)
                .trustedDigests(TrustedDigests.of(List.of("00".repeat(32)))).build()) {
            LoaderException e = failure(other, library.toString());
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertContains(e.getMessage(), "is not trusted", digest);
        }
    }

    @Test
    void closeDestroysExactlyOnce() throws Exception {
        Path library = NativeTestLibraries.probe("libonce.so", "PROBE_CREATE=dvmc_create_once");
        NativeTestLibraries.hold(library);
        try (VmLoader loader = loader()) {
            LoadedVm vm = loader.load(library.toString());
            vm.close();
            vm.close();
            vm.vm().close();
        }
        assertEquals(1, NativeTestLibraries.counter(library, "probe_created"));
        assertEquals(1, NativeTestLibraries.counter(library, "probe_destroyed"));
    }

    private Path nativePluginJar(String platform, Path library) throws IOException {
        return PluginJarBuilder.plugin("probe-native")
                .withoutServicesFile()
                .manifestAttribute("Dvmc-Native-Codename", "probe_native")
                .manifestAttribute("Dvmc-Native-Library", "libprobe.so")
                .manifestAttribute("Dvmc-Native-Create", "dvmc_create_probe")
                .resource("native/" + platform + "/libprobe.so", Files.readAllBytes(library))
                .writeInto(plugins);
    }

    @Test
    void aNativePluginJarIsSelectedByCodenameAndExtractedPrivately() throws Exception {
        Path jar = nativePluginJar(platform(), NativeTestLibraries.probe());
        try (VmLoader loader = loader()) {
            PluginReport report = loader.pluginReports().get(0);
            assertTrue(report.accepted(), () -> report.rejection().orElseThrow().getMessage());
            VmEntry entry = loader.find("probe_native").orElseThrow();
            assertTrue(entry.isNative());
            try (LoadedVm vm = loader.load("probe_native,verbose=1")) {
                assertEquals(StatusCode.SUCCESS, echo(vm).status());
            }
        }
        assertTrue(Files.exists(jar));
    }

    @Test
    void anExtractedLibraryIsNamedByItsHashInAnOwnerOnlyDirectory() throws Exception {
        Path cache = plugins.resolve("cache");
        nativePluginJar(platform(), NativeTestLibraries.probe());
        String previous = System.getProperty("dvmc.native.dir");
        System.setProperty("dvmc.native.dir", cache.toString());
        try (VmLoader loader = loader(); LoadedVm vm = loader.load("probe_native")) {
            assertEquals(StatusCode.SUCCESS, echo(vm).status());
            try (var files = Files.list(cache)) {
                Path extracted = files.findFirst().orElseThrow();
                String fileName = extracted.getFileName().toString();
                assertTrue(fileName.matches("[0-9a-f]{64}\\.so"), () -> "extracted as " + fileName);
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(cache);
            for (PosixFilePermission forbidden : List.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)) {
                assertFalse(permissions.contains(forbidden), () -> cache + " has " + permissions);
            }
        } finally {
            restore(previous);
        }
    }

    @Test
    void aWorldWritableExtractionDirectoryIsRefused() throws Exception {
        Path shared = Files.createDirectory(plugins.resolve("shared"));
        Files.setPosixFilePermissions(shared, Set.of(PosixFilePermission.values()));
        nativePluginJar(platform(), NativeTestLibraries.probe());
        String previous = System.getProperty("dvmc.native.dir");
        System.setProperty("dvmc.native.dir", shared.toString());
        try (VmLoader loader = loader()) {
            LoaderException e = failure(loader, "probe_native");
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertContains(e.getMessage(), "not a private directory");
        } finally {
            restore(previous);
        }
    }

    @Test
    void theManifestAbiGateComesBeforeAnything() throws Exception {
        PluginJarBuilder.plugin("old-native").abiVersion(11).withoutServicesFile()
                .manifestAttribute("Dvmc-Native-Codename", "old_native")
                .manifestAttribute("Dvmc-Native-Library", "libprobe.so")
                .resource("native/" + platform() + "/libprobe.so", Files.readAllBytes(NativeTestLibraries.probe()))
                .writeInto(plugins);
        try (VmLoader loader = loader()) {
            PluginReport report = loader.pluginReports().get(0);
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, report.rejection().orElseThrow().errorCode());
            assertTrue(loader.find("old_native").isEmpty());
        }
    }

    @Test
    void aJarWithoutThisPlatformsLibraryIsRejected() throws Exception {
        nativePluginJar("plan9-mips", NativeTestLibraries.probe());
        try (VmLoader loader = loader()) {
            PluginReport report = loader.pluginReports().get(0);
            assertEquals(LoaderErrorCode.CANNOT_OPEN, report.rejection().orElseThrow().errorCode());
            assertContains(report.rejection().get().getMessage(), "native/" + platform() + "/libprobe.so");
        }
    }

    @Test
    void aMalformedNativeManifestIsRejectedWithTheAttribute() throws Exception {
        PluginJarBuilder.plugin("bad-native").withoutServicesFile()
                .manifestAttribute("Dvmc-Native-Codename", "Bad-Name")
                .manifestAttribute("Dvmc-Native-Library", "libprobe.so")
                .writeInto(plugins);
        try (VmLoader loader = loader()) {
            LoaderException rejection = loader.pluginReports().get(0).rejection().orElseThrow();
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, rejection.errorCode());
            assertContains(rejection.getMessage(), "Dvmc-Native-Codename", "Bad-Name");
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch");
        String os = System.getProperty("os.name").toLowerCase().startsWith("mac") ? "macos" : "linux";
        return os + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : "aarch64");
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("dvmc.native.dir");
        } else {
            System.setProperty("dvmc.native.dir", previous);
        }
    }
}
