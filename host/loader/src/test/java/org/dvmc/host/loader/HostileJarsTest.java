package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dvmc.host.loader.testing.HostileJars;
import org.dvmc.host.loader.testing.HostileVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.spi.Result;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus of the loader (issue 11): jars and VMs built to exhaust, hang, crash or fool the
 * host. Each test reproduces one way the host used to fail and shows that it holds now; each is bounded in
 * time, and the jars inflate to megabytes only, far past the caps.
 */
class HostileJarsTest extends LoaderTestSupport {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void aManifestThatInflatesPastTheCapIsRejectedWithoutReadingIt() {
        Path jar = HostileJars.hugeManifest(plugins.resolve("big-manifest.jar"), "big-manifest", 8L << 20);
        PluginJarBuilder.fixturePlugin("good_one").writeInto(plugins);

        try (VmLoader loader = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<VmLoader>) () -> scan())) {
            LoaderException e = rejectionOf(loader, jar);
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertMessageContains(e, jar.toString(), "its manifest is larger than 64 KiB");
            assertTrue(loader.find("good_one").isPresent(), () -> "no good_one among " + loader.pluginReports());
        }
    }

    @Test
    void aServicesFileThatInflatesPastTheCapOrNamesTooManyClassesIsRejected() {
        Path big = HostileJars.hugeServicesFile(plugins.resolve("big-services.jar"), "big-services", 8L << 20);
        Path many = HostileJars.servicesNaming(plugins.resolve("many-services.jar"), "many-services", 1000);

        try (VmLoader loader = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<VmLoader>) () -> scan())) {
            assertMessageContains(rejectionOf(loader, big), "META-INF/services/org.dvmc.spi.VmFactory is larger than 64 KiB");
            assertMessageContains(rejectionOf(loader, many), "names more than 100 classes");
        }
    }

    @Test
    void aHugeCodenameIsRefusedBeforeItIsMatchedOrPrinted() {
        Path jar = HostileVm.codename("long_name").codenameBody("return \"a\".repeat(1_000_000);")
                .addTo(PluginJarBuilder.plugin("long-name")).writeInto(plugins);

        try (VmLoader loader = scan()) {
            String message = rejectionOf(loader, jar).getMessage();
            assertContains(message, "has a codename of 1000000 characters, more than the 64");
            assertTrue(message.length() < 1000, () -> "a message of " + message.length() + " characters");
        }
    }

    @Test
    void aFifoNamedLikeAJarIsReportedAndSkippedWithoutBeingOpened() throws Exception {
        Path fifo = plugins.resolve("fifo.jar");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        PluginJarBuilder.fixturePlugin("beside_fifo").writeInto(plugins);

        try (VmLoader loader = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<VmLoader>) () -> scan())) {
            assertMessageContains(rejectionOf(loader, fifo), "is not a regular file (a FIFO, device or socket)");
            assertTrue(loader.find("beside_fifo").isPresent(), () -> "no beside_fifo among " + loader.pluginReports());
        }
        // By path too.
        try (VmLoader loader = scan()) {
            LoaderException e = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<LoaderException>) () -> failure(() -> loader.load(fifo.toString())));
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
        }
    }

    @Test
    void errorsOfEveryKindFromPluginCodeAreContainedPerPlugin() throws LoaderException {
        Path staticOom = HostileVm.codename("static_oom").staticInit("if (true) throw new OutOfMemoryError(\"static\");")
                .addTo(PluginJarBuilder.plugin("static-oom")).writeInto(plugins);
        Path staticFails = HostileVm.codename("static_fails")
                .staticInit("if (true) throw new IllegalStateException(\"the real cause\");")
                .addTo(PluginJarBuilder.plugin("static-fails")).writeInto(plugins);
        HostileVm.codename("create_oom").create("throw new OutOfMemoryError(\"create\");")
                .addTo(PluginJarBuilder.plugin("create-oom")).writeInto(plugins);
        HostileVm.codename("name_asserts").name("throw new AssertionError(\"name\");")
                .addTo(PluginJarBuilder.plugin("name-asserts")).writeInto(plugins);
        HostileVm.codename("release_throws")
                .execute("return Result.success(0, Bytes.EMPTY).withRelease(() -> { throw new OutOfMemoryError(\"release\"); });")
                .close("throw new StackOverflowError();")
                .addTo(PluginJarBuilder.plugin("release-throws")).writeInto(plugins);
        PluginJarBuilder.fixturePlugin("still_good").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertMessageContains(rejectionOf(loader, staticOom),
                    "hostile.static_oom.Factory cannot be created (java.lang.OutOfMemoryError: static)");
            assertMessageContains(rejectionOf(loader, staticFails),
                    "failed in its static initializer (java.lang.IllegalStateException: the real cause)");

            LoaderException create = failure(() -> loader.load("create_oom"));
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, create.errorCode());
            assertMessageContains(create, "OutOfMemoryError: create");

            try (LoadedVm vm = loader.load("name_asserts")) {
                LoaderException name = failure(vm::name);
                assertMessageContains(name, "failed in name(): java.lang.AssertionError: name");
            }
            try (LoadedVm vm = loader.load("release_throws"); Result result = run(vm)) {
                assertTrue(result.isSuccess(), result::toString);
            }
            try (LoadedVm vm = loader.load("still_good"); Result result = run(vm)) {
                assertEquals("still_good", outputOf(result));
            }
        }
    }

    @Test
    void resultsThatBreakTheContractBecomeInternalErrorsNamingTheRule() {
        HostileVm.codename("gas_grows").execute("return Result.success(message.gas() + 1000, Bytes.EMPTY);")
                .addTo(PluginJarBuilder.plugin("gas-grows")).writeInto(plugins);
        HostileVm.codename("failure_keeps_gas").execute("return Result.of(StatusCode.FAILURE, 5, 0, Bytes.EMPTY);")
                .addTo(PluginJarBuilder.plugin("failure-keeps-gas")).writeInto(plugins);
        HostileVm.codename("revert_refunds").execute("return Result.of(StatusCode.REVERT, 5, 7, Bytes.EMPTY);")
                .addTo(PluginJarBuilder.plugin("revert-refunds")).writeInto(plugins);
        HostileVm.codename("failure_outputs").execute("return Result.of(StatusCode.FAILURE, 0, 0, Bytes.of((byte) 1));")
                .addTo(PluginJarBuilder.plugin("failure-outputs")).writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertContains(causeOf(loader, "gas_grows"), "broke the result contract: gas left 2000 is not within 0..1000");
            assertContains(causeOf(loader, "failure_keeps_gas"), "gas left must be 0 unless success or revert");
            assertContains(causeOf(loader, "revert_refunds"), "the refund must be 0 unless success");
            assertContains(causeOf(loader, "failure_outputs"), "the output must be empty unless success or revert");
        }
    }

    private static String causeOf(VmLoader loader, String codename) {
        try (LoadedVm vm = loader.load(codename); Result result = run(vm)) {
            assertEquals(org.dvmc.spi.StatusCode.INTERNAL_ERROR, result.status());
            return result.cause().orElseThrow().getMessage();
        } catch (LoaderException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @SuppressWarnings("try") // closes the loader inside its own try on purpose: the private copies go with it
    void theBytesLoadedAreThePrivateCopyThatWasCheckedAndHashed() throws Exception {
        Path jar = PluginJarBuilder.fixturePlugin("copied").writeInto(plugins);
        String digest = sha256(jar);

        try (VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false).computeDigests(true)
                .build(); LoadedVm vm = loader.load("copied")) {
            assertEquals(Optional.of(digest), reportOf(loader, jar).sha256());
            Path loadedFrom = Path.of(vm.vm().getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            assertNotEquals(jar.toAbsolutePath(), loadedFrom);
            assertEquals(digest, sha256(loadedFrom));
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(loadedFrom.getParent())));
            // Replacing the jar in the plugins directory now changes nothing that is loaded.
            PluginJarBuilder.fixturePlugin("copied").abiVersion(11).writeTo(jar);
            try (LoadedVm again = loader.load("copied"); Result result = run(again)) {
                assertEquals("copied", outputOf(result));
            }
            loader.close();
            assertTrue(Files.notExists(loadedFrom.getParent()), () -> loadedFrom.getParent() + " still exists");
        }
    }

    @Test
    void withPinningOnlyTrustedJarsLoadAndOthersRunNoCode() throws Exception {
        Path trusted = PluginJarBuilder.fixturePlugin("pinned").writeInto(plugins);
        Path other = PluginJarBuilder.plugin("unpinned")
                .vm(org.dvmc.host.loader.testing.FixtureVm.codename("unpinned").markStaticInit("dvmc.test.ran.unpinned"))
                .writeInto(plugins);
        Path trustFile = Files.writeString(plugins.getParent().resolve("trust-" + System.nanoTime()),
                "# trusted plugins\n" + sha256(trusted).toUpperCase() + "  " + trusted + "\n");
        try {
            TrustedDigests digests = TrustedDigests.read(trustFile);
            try (VmLoader loader = VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false)
                    .trustedDigests(digests).build()) {
                assertTrue(loader.find("pinned").isPresent(), () -> "no pinned among " + loader.pluginReports());
                assertMessageContains(rejectionOf(loader, other),
                        "is not trusted: its SHA-256 " + sha256(other) + " is not in trust file");
                assertNull(System.getProperty("dvmc.test.ran.unpinned"));
                LoaderException byPath = failure(() -> loader.load(other.toString()));
                assertMessageContains(byPath, "is not trusted");
            }
        } finally {
            Files.delete(trustFile);
        }
    }

    @Test
    void aTrustFileWithABadLineIsAnInvalidArgumentNamingTheLine() throws IOException {
        Path trustFile = Files.writeString(plugins.resolve("trust.txt"), "# ok\nnot-a-digest\n");
        LoaderException e = failure(() -> TrustedDigests.read(trustFile));
        assertEquals(LoaderErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertMessageContains(e, "line 2: 'not-a-digest' does not start with a SHA-256 digest");
    }

    @Test
    void anAbiVersionMustBePlainAsciiDecimal() {
        List<Path> jars = List.of(
                PluginJarBuilder.fixturePlugin("abi_plus").abiVersion("+12").writeInto(plugins),
                PluginJarBuilder.fixturePlugin("abi_zero").abiVersion("012").writeInto(plugins),
                PluginJarBuilder.fixturePlugin("abi_arabic").abiVersion("\u0661\u0662").writeInto(plugins));
        try (VmLoader loader = scan()) {
            for (Path jar : jars) {
                LoaderException e = rejectionOf(loader, jar);
                assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, e.errorCode(), jar.toString());
                assertMessageContains(e, "not a plain decimal number");
            }
        }
    }

    @Test
    void selectingTheCodenameOfARejectedJarGivesThatRejectionAndItsCode() throws LoaderException {
        PluginJarBuilder.fixturePlugin("old_vm").abiVersion(11).writeInto(plugins);
        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("old_vm"));
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, e.errorCode());
            assertMessageContains(e, "VM old_vm is not available: plugin jar", "declares Dvmc-Abi-Version 11");
        }
    }

    @Test
    void aPluginsDirectoryThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(plugins.resolve("passwd"), "root:x:0:0\n");
        try (VmLoader loader = scan(file)) {
            assertEquals(Optional.of("is not a directory"), loader.pluginsDirectoryProblem());
        }
    }

    @Test
    void anUnreadableJarOrDirectoryIsReportedAsSuchNotAsMissing() throws Exception {
        // Root reads anything, so this can only be shown as another user.
        assumeTrue(!"root".equals(System.getProperty("user.name")), "running as root");
        Path jar = PluginJarBuilder.fixturePlugin("unreadable").writeInto(plugins);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("---------"));
        try (VmLoader loader = scan()) {
            assertMessageContains(rejectionOf(loader, jar), "cannot be read: permission denied");
            assertMessageContains(failure(() -> loader.load(jar.toString())), "permission denied");
        }
        Path closed = Files.createDirectory(plugins.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try (VmLoader loader = scan(closed)) {
            assertContains(loader.pluginsDirectoryProblem().orElseGet(() -> fail("expected a problem with " + closed)),
                    "permission denied");
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void blankEnvironmentVariableMeansNotSet() {
        assertEquals(Optional.empty(),
                VmLoader.pluginsDirectoryFromEnvironment(java.util.Map.of(VmLoader.PLUGINS_DIR_ENV, "  ")));
        assertEquals(Optional.of(Path.of("x")),
                VmLoader.pluginsDirectoryFromEnvironment(java.util.Map.of(VmLoader.PLUGINS_DIR_ENV, "x")));
    }

    static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
