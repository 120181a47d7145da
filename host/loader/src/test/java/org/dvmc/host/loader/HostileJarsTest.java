package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
            assertThat(reportOf(loader, jar).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                assertThat(e).hasMessageContaining(jar.toString()).hasMessageContaining("its manifest is larger than 64 KiB");
            });
            assertThat(loader.find("good_one")).isPresent();
        }
    }

    @Test
    void aServicesFileThatInflatesPastTheCapOrNamesTooManyClassesIsRejected() {
        Path big = HostileJars.hugeServicesFile(plugins.resolve("big-services.jar"), "big-services", 8L << 20);
        Path many = HostileJars.servicesNaming(plugins.resolve("many-services.jar"), "many-services", 1000);

        try (VmLoader loader = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<VmLoader>) () -> scan())) {
            assertThat(reportOf(loader, big).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("META-INF/services/org.dvmc.spi.VmFactory is larger than 64 KiB"));
            assertThat(reportOf(loader, many).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("names more than 100 classes"));
        }
    }

    @Test
    void aHugeCodenameIsRefusedBeforeItIsMatchedOrPrinted() {
        Path jar = HostileVm.codename("long_name").codenameBody("return \"a\".repeat(1_000_000);")
                .addTo(PluginJarBuilder.plugin("long-name")).writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, jar).rejection()).get().satisfies(e -> assertThat(e.getMessage())
                    .contains("has a codename of 1000000 characters, more than the 64").hasSizeLessThan(1000));
        }
    }

    @Test
    void aFifoNamedLikeAJarIsReportedAndSkippedWithoutBeingOpened() throws Exception {
        Path fifo = plugins.resolve("fifo.jar");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        PluginJarBuilder.fixturePlugin("beside_fifo").writeInto(plugins);

        try (VmLoader loader = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<VmLoader>) () -> scan())) {
            assertThat(reportOf(loader, fifo).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("is not a regular file (a FIFO, device or socket)"));
            assertThat(loader.find("beside_fifo")).isPresent();
        }
        // By path too.
        try (VmLoader loader = scan()) {
            LoaderException e = assertTimeoutPreemptively(BOUND, (org.junit.jupiter.api.function.ThrowingSupplier<LoaderException>) () -> failure(() -> loader.load(fifo.toString())));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
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
            assertThat(reportOf(loader, staticOom).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("hostile.static_oom.Factory cannot be created (java.lang.OutOfMemoryError: static)"));
            assertThat(reportOf(loader, staticFails).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("failed in its static initializer (java.lang.IllegalStateException: the real cause)"));

            LoaderException create = failure(() -> loader.load("create_oom"));
            assertThat(create.errorCode()).isEqualTo(LoaderErrorCode.VM_CREATION_FAILURE);
            assertThat(create).hasMessageContaining("OutOfMemoryError: create");

            try (LoadedVm vm = loader.load("name_asserts")) {
                LoaderException name = failure(vm::name);
                assertThat(name).hasMessageContaining("failed in name(): java.lang.AssertionError: name");
            }
            try (LoadedVm vm = loader.load("release_throws"); Result result = run(vm)) {
                assertThat(result.isSuccess()).isTrue();
            }
            try (LoadedVm vm = loader.load("still_good"); Result result = run(vm)) {
                assertThat(outputOf(result)).isEqualTo("still_good");
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
            assertThat(causeOf(loader, "gas_grows")).contains("broke the result contract: gas left 2000 is not within 0..1000");
            assertThat(causeOf(loader, "failure_keeps_gas")).contains("gas left must be 0 unless success or revert");
            assertThat(causeOf(loader, "revert_refunds")).contains("the refund must be 0 unless success");
            assertThat(causeOf(loader, "failure_outputs")).contains("the output must be empty unless success or revert");
        }
    }

    private static String causeOf(VmLoader loader, String codename) {
        try (LoadedVm vm = loader.load(codename); Result result = run(vm)) {
            assertThat(result.status()).isEqualTo(org.dvmc.spi.StatusCode.INTERNAL_ERROR);
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
            assertThat(reportOf(loader, jar).sha256()).contains(digest);
            Path loadedFrom = Path.of(vm.vm().getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(loadedFrom).isNotEqualTo(jar.toAbsolutePath());
            assertThat(sha256(loadedFrom)).isEqualTo(digest);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loadedFrom.getParent())))
                    .isEqualTo("rwx------");
            // Replacing the jar in the plugins directory now changes nothing that is loaded.
            PluginJarBuilder.fixturePlugin("copied").abiVersion(11).writeTo(jar);
            try (LoadedVm again = loader.load("copied"); Result result = run(again)) {
                assertThat(outputOf(result)).isEqualTo("copied");
            }
            loader.close();
            assertThat(loadedFrom.getParent()).doesNotExist();
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
                assertThat(loader.find("pinned")).isPresent();
                assertThat(reportOf(loader, other).rejection()).get().satisfies(e -> assertThat(e)
                        .hasMessageContaining("is not trusted: its SHA-256 " + sha256(other) + " is not in trust file"));
                assertThat(System.getProperty("dvmc.test.ran.unpinned")).isNull();
                LoaderException byPath = failure(() -> loader.load(other.toString()));
                assertThat(byPath).hasMessageContaining("is not trusted");
            }
        } finally {
            Files.delete(trustFile);
        }
    }

    @Test
    void aTrustFileWithABadLineIsAnInvalidArgumentNamingTheLine() throws IOException {
        Path trustFile = Files.writeString(plugins.resolve("trust.txt"), "# ok\nnot-a-digest\n");
        LoaderException e = failure(() -> TrustedDigests.read(trustFile));
        assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_ARGUMENT);
        assertThat(e).hasMessageContaining("line 2: 'not-a-digest' does not start with a SHA-256 digest");
    }

    @Test
    void anAbiVersionMustBePlainAsciiDecimal() {
        List<Path> jars = List.of(
                PluginJarBuilder.fixturePlugin("abi_plus").abiVersion("+12").writeInto(plugins),
                PluginJarBuilder.fixturePlugin("abi_zero").abiVersion("012").writeInto(plugins),
                PluginJarBuilder.fixturePlugin("abi_arabic").abiVersion("\u0661\u0662").writeInto(plugins));
        try (VmLoader loader = scan()) {
            for (Path jar : jars) {
                assertThat(reportOf(loader, jar).rejection()).get().satisfies(e -> {
                    assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
                    assertThat(e).hasMessageContaining("not a plain decimal number");
                });
            }
        }
    }

    @Test
    void selectingTheCodenameOfARejectedJarGivesThatRejectionAndItsCode() throws LoaderException {
        PluginJarBuilder.fixturePlugin("old_vm").abiVersion(11).writeInto(plugins);
        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("old_vm"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
            assertThat(e).hasMessageContaining("VM old_vm is not available: plugin jar")
                    .hasMessageContaining("declares Dvmc-Abi-Version 11");
        }
    }

    @Test
    void aPluginsDirectoryThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(plugins.resolve("passwd"), "root:x:0:0\n");
        try (VmLoader loader = scan(file)) {
            assertThat(loader.pluginsDirectoryProblem()).contains("is not a directory");
        }
    }

    @Test
    void anUnreadableJarOrDirectoryIsReportedAsSuchNotAsMissing() throws Exception {
        // Root reads anything, so this can only be shown as another user.
        assumeTrue(!"root".equals(System.getProperty("user.name")), "running as root");
        Path jar = PluginJarBuilder.fixturePlugin("unreadable").writeInto(plugins);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("---------"));
        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, jar).rejection()).get().satisfies(e -> assertThat(e)
                    .hasMessageContaining("cannot be read: permission denied"));
            assertThat(failure(() -> loader.load(jar.toString()))).hasMessageContaining("permission denied");
        }
        Path closed = Files.createDirectory(plugins.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try (VmLoader loader = scan(closed)) {
            assertThat(loader.pluginsDirectoryProblem()).get().asString().contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void blankEnvironmentVariableMeansNotSet() {
        assertThat(VmLoader.pluginsDirectoryFromEnvironment(java.util.Map.of(VmLoader.PLUGINS_DIR_ENV, "  "))).isEmpty();
        assertThat(VmLoader.pluginsDirectoryFromEnvironment(java.util.Map.of(VmLoader.PLUGINS_DIR_ENV, "x")))
                .contains(Path.of("x"));
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
