package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.spi.Dvmc;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scan of a plugins directory: what is accepted, what is rejected and why, and that nothing spreads. */
class ScanTest extends LoaderTestSupport {

    @Test
    void aGoodPluginIsFoundByCodenameCreatedExecutedAndClosed() throws LoaderException {
        Path jar = PluginJarBuilder.fixturePlugin("scan_good").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(loader.pluginReports()).singleElement().satisfies(report -> {
                assertThat(report.jar()).isEqualTo(jar);
                assertThat(report.accepted()).isTrue();
                assertThat(report.rejection()).isEmpty();
                assertThat(report.pluginId()).contains("scan-good");
                assertThat(report.pluginVersion()).contains("1.0.0");
                assertThat(report.codenames()).containsExactly("scan_good");
            });
            VmEntry entry = loader.find("scan_good").orElseThrow();
            assertThat(entry.source()).isEqualTo(new VmSource.Plugin("scan-good", "1.0.0", jar));
            assertThat(entry.source().describe()).isEqualTo("plugin scan-good 1.0.0 (" + jar + ")");

            int closedBefore = FixtureVm.closeCount("scan_good");
            try (LoadedVm vm = loader.load("scan_good")) {
                assertThat(vm.vm().name()).isEqualTo("scan_good");
                assertThat(vm.entry()).isEqualTo(entry);
                try (Result result = run(vm)) {
                    assertThat(result.status()).isEqualTo(StatusCode.SUCCESS);
                    assertThat(outputOf(result)).isEqualTo("scan_good");
                }
            }
            assertThat(FixtureVm.closeCount("scan_good")).isEqualTo(closedBefore + 1);
        }
    }

    @Test
    void jarsWithAWrongMissingOrUnparsableAbiVersionAreRejectedBeforeAnyClassIsLoaded() throws LoaderException {
        Path abi11 = PluginJarBuilder.plugin("abi-eleven")
                .vm(FixtureVm.codename("abi_eleven").markStaticInit("dvmc.test.ran.abi_eleven"))
                .abiVersion(11).writeInto(plugins);
        Path none = PluginJarBuilder.plugin("abi-none")
                .vm(FixtureVm.codename("abi_none").markStaticInit("dvmc.test.ran.abi_none"))
                .withoutManifestAttribute("Dvmc-Abi-Version").writeInto(plugins);
        Path abc = PluginJarBuilder.plugin("abi-abc")
                .vm(FixtureVm.codename("abi_abc").markStaticInit("dvmc.test.ran.abi_abc"))
                .abiVersion("abc").writeInto(plugins);
        Path good = PluginJarBuilder.plugin("abi-good")
                .vm(FixtureVm.codename("abi_good").markStaticInit("dvmc.test.ran.abi_good"))
                .writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, abi11).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
                assertThat(e).hasMessageContaining(abi11.toString())
                        .hasMessageContaining("declares Dvmc-Abi-Version 11 but this host speaks 12")
                        .hasMessageContaining("rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI);
            });
            assertThat(reportOf(loader, none).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
                assertThat(e).hasMessageContaining(none.toString()).hasMessageContaining("declares no Dvmc-Abi-Version");
            });
            assertThat(reportOf(loader, abc).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
                assertThat(e).hasMessageContaining("'abc', which is not a plain decimal number");
            });
            // The rejected jars still say who they are.
            assertThat(reportOf(loader, abi11).pluginId()).contains("abi-eleven");

            assertThat(System.getProperty("dvmc.test.ran.abi_eleven")).isNull();
            assertThat(System.getProperty("dvmc.test.ran.abi_none")).isNull();
            assertThat(System.getProperty("dvmc.test.ran.abi_abc")).isNull();
            assertThat(System.getProperty("dvmc.test.ran.abi_good")).isEqualTo("ran");

            assertThat(reportOf(loader, good).accepted()).isTrue();
            assertThat(loader.entries()).extracting(VmEntry::codename).containsExactly("abi_good");
            try (LoadedVm vm = loader.load("abi_good")) {
                assertThat(run(vm).status()).isEqualTo(StatusCode.SUCCESS);
            }
            // The jar meant to provide the codename was rejected: that rejection, with its code, is the answer.
            LoaderException byCodename = failure(() -> loader.load("abi_eleven"));
            assertThat(byCodename.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
        }
    }

    @Test
    void corruptEmptyAndManifestlessJarsCannotBeOpenedAndHurtNobody() throws IOException, LoaderException {
        Path corrupt = Files.write(plugins.resolve("corrupt.jar"), "this is not a zip file".getBytes());
        Path empty = Files.createFile(plugins.resolve("empty.jar"));
        Path manifestless = PluginJarBuilder.plugin("bare").vm(FixtureVm.codename("bare"))
                .withoutManifest().writeTo(plugins.resolve("no-manifest.jar"));
        Path truncated = plugins.resolve("truncated.jar");
        byte[] whole = Files.readAllBytes(PluginJarBuilder.fixturePlugin("whole").writeTo(plugins.resolve("whole.tmp")));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(plugins.resolve("whole.tmp"));
        Path good = PluginJarBuilder.fixturePlugin("next_to_bad").writeInto(plugins);

        try (VmLoader loader = scan()) {
            for (Path bad : List.of(corrupt, empty, manifestless, truncated)) {
                PluginReport report = reportOf(loader, bad);
                assertThat(report.accepted()).as(bad.toString()).isFalse();
                assertThat(report.rejection()).get().satisfies(e -> {
                    assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                    assertThat(e).hasMessageContaining(bad.toString());
                });
            }
            assertThat(reportOf(loader, empty).rejection().orElseThrow()).hasMessageContaining("is an empty file");
            assertThat(reportOf(loader, manifestless).rejection().orElseThrow())
                    .hasMessageContaining("has no META-INF/MANIFEST.MF");
            assertThat(reportOf(loader, good).accepted()).isTrue();
            try (LoadedVm vm = loader.load("next_to_bad")) {
                assertThat(outputOf(run(vm))).isEqualTo("next_to_bad");
            }
        }
    }

    @Test
    void aJarWithoutPluginIdIsRejectedWithTheMissingEntryNamed() {
        Path noId = PluginJarBuilder.plugin("anonymous").vm(FixtureVm.codename("anonymous"))
                .withoutManifestAttribute("Plugin-Id").writeTo(plugins.resolve("anonymous.jar"));
        Path noVersion = PluginJarBuilder.plugin("unversioned").vm(FixtureVm.codename("unversioned"))
                .withoutManifestAttribute("Plugin-Version").writeTo(plugins.resolve("unversioned.jar"));

        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, noId).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                assertThat(e).hasMessageContaining("has no Plugin-Id");
            });
            assertThat(reportOf(loader, noVersion).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                assertThat(e).hasMessageContaining("has no Plugin-Version");
            });
            assertThat(loader.entries()).isEmpty();
        }
    }

    @Test
    void reportsCoverEveryJarSortedByFileNameAndIgnoreOtherFiles() throws IOException {
        PluginJarBuilder.fixturePlugin("zeta").writeTo(plugins.resolve("z.jar"));
        PluginJarBuilder.fixturePlugin("alpha").writeTo(plugins.resolve("a.JAR"));
        Files.writeString(plugins.resolve("README.md"), "not a plugin");
        Files.createDirectory(plugins.resolve("m.jar"));

        try (VmLoader loader = scan()) {
            assertThat(loader.pluginReports()).extracting(r -> r.jar().getFileName().toString())
                    .containsExactly("a.JAR", "m.jar", "z.jar");
            assertThat(reportOf(loader, plugins.resolve("m.jar")).rejection().orElseThrow())
                    .hasMessageContaining("is a directory");
            assertThat(loader.entries()).extracting(VmEntry::codename).containsExactly("alpha", "zeta");
        }
    }

    @Test
    void aMissingPluginsDirectoryGivesAnEmptyLoaderWhoseErrorsSaySo() {
        try (VmLoader loader = scan(plugins.resolve("nowhere"))) {
            assertThat(loader.pluginReports()).isEmpty();
            assertThat(loader.entries()).isEmpty();
            LoaderException e = failure(() -> loader.load("anything"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.SYMBOL_NOT_FOUND);
            assertThat(e).hasMessageContaining("there are no VMs").hasMessageContaining("does not exist");
        }
    }

    @Test
    void anUnknownCodenameListsTheAvailableOnesAndThePluginsDirectory() throws IOException {
        PluginJarBuilder.fixturePlugin("known_one").writeInto(plugins);
        PluginJarBuilder.fixturePlugin("known_two").writeInto(plugins);
        Files.createFile(plugins.resolve("broken.jar"));

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("nosuch"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.SYMBOL_NOT_FOUND);
            assertThat(e).hasMessageContaining("no VM with codename nosuch")
                    .hasMessageContaining("available: known_one, known_two")
                    .hasMessageContaining(plugins.toAbsolutePath().toString())
                    .hasMessageContaining("1 jar was rejected").hasMessageContaining("broken.jar is an empty file");
        }
    }

    @Test
    void duplicateCodenamesInTwoJarsAreAConflictNamingBothJars() {
        Path first = PluginJarBuilder.plugin("dup-first").vm(FixtureVm.codename("dup").packageName("first"))
                .writeInto(plugins);
        Path second = PluginJarBuilder.plugin("dup-second").vm(FixtureVm.codename("dup").packageName("second"))
                .writeInto(plugins);
        PluginJarBuilder.fixturePlugin("unique").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(loader.conflicts()).singleElement().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.SYMBOL_NOT_FOUND);
                assertThat(e).hasMessageContaining("codename dup").hasMessageContaining(first.toString())
                        .hasMessageContaining(second.toString());
            });
            assertThat(reportOf(loader, first).codenames()).containsExactly("dup");
            assertThat(reportOf(loader, second).codenames()).containsExactly("dup");
            assertThat(loader.find("dup")).isEmpty();
            assertThat(loader.entries()).extracting(VmEntry::codename).containsExactly("unique");

            LoaderException e = failure(() -> loader.load("dup"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.SYMBOL_NOT_FOUND);
            assertThat(e).hasMessageContaining(first.toString()).hasMessageContaining(second.toString());
        }
    }

    @Test
    void aDuplicatePluginIdRejectsTheSecondJarOnly() throws LoaderException {
        Path first = PluginJarBuilder.plugin("same-id").vm(FixtureVm.codename("same_a")).writeTo(plugins.resolve("a.jar"));
        Path second = PluginJarBuilder.plugin("same-id").vm(FixtureVm.codename("same_b")).writeTo(plugins.resolve("b.jar"));

        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, first).accepted()).isTrue();
            assertThat(reportOf(loader, second).rejection()).get().satisfies(e -> {
                assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                assertThat(e).hasMessageContaining("Plugin-Id same-id").hasMessageContaining(first.toString());
            });
            try (LoadedVm vm = loader.load("same_a")) {
                assertThat(vm.vm().name()).isEqualTo("same_a");
            }
        }
    }

    @Test
    void badServicesEntriesRejectTheirJarWithTheEntryNamedAndLeaveOthersAlone() {
        Path missingClass = PluginJarBuilder.plugin("missing-class").servicesFile("fixture.nowhere.Factory\n")
                .writeInto(plugins);
        Path notAFactory = PluginJarBuilder.plugin("not-a-factory")
                .source("fixture.plain.Thing", "package fixture.plain; public class Thing {}")
                .service("fixture.plain.Thing").writeInto(plugins);
        Path badCodename = PluginJarBuilder.plugin("bad-codename")
                .vm(FixtureVm.codename("bad_codename").factoryCodename("Bad-Name")).writeInto(plugins);
        Path noServices = PluginJarBuilder.plugin("no-services").writeInto(plugins);
        Path emptyServices = PluginJarBuilder.plugin("empty-services").servicesFile("# nothing here\n\n")
                .writeInto(plugins);
        Path throwingConstructor = PluginJarBuilder.plugin("throwing-ctor")
                .source("fixture.ctor.Factory", """
                        package fixture.ctor;
                        public final class Factory implements org.dvmc.spi.VmFactory {
                            public Factory() { throw new IllegalStateException("constructor broke"); }
                            public String codename() { return "ctor"; }
                            public org.dvmc.spi.Vm create() { return null; }
                        }
                        """).service("fixture.ctor.Factory").writeInto(plugins);
        Path good = PluginJarBuilder.fixturePlugin("services_ok").writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertRejected(loader, missingClass, LoaderErrorCode.SYMBOL_NOT_FOUND, "fixture.nowhere.Factory is not in the jar");
            assertRejected(loader, notAFactory, LoaderErrorCode.SYMBOL_NOT_FOUND, "does not implement org.dvmc.spi.VmFactory");
            assertRejected(loader, badCodename, LoaderErrorCode.SYMBOL_NOT_FOUND, "invalid codename 'Bad-Name'");
            assertRejected(loader, noServices, LoaderErrorCode.SYMBOL_NOT_FOUND, "has no META-INF/services/org.dvmc.spi.VmFactory");
            assertRejected(loader, emptyServices, LoaderErrorCode.SYMBOL_NOT_FOUND, "has an empty META-INF/services");
            assertRejected(loader, throwingConstructor, LoaderErrorCode.VM_CREATION_FAILURE, "constructor broke");
            assertThat(reportOf(loader, throwingConstructor).rejection().orElseThrow().getCause())
                    .isInstanceOf(IllegalStateException.class).hasMessage("constructor broke");
            assertThat(reportOf(loader, good).accepted()).isTrue();
            assertThat(loader.entries()).extracting(VmEntry::codename).containsExactly("services_ok");
        }
    }

    @Test
    void aPluginClassThatFailsRejectsTheJarWithTheRealCause() {
        Path failing = PluginJarBuilder.plugin("failing-plugin-class").vm(FixtureVm.codename("failing_plugin_class"))
                .manifestAttribute("Plugin-Class", "fixture.pc.BrokenPlugin")
                .source("fixture.pc.BrokenPlugin", """
                        package fixture.pc;
                        public class BrokenPlugin extends org.pf4j.Plugin {
                            public BrokenPlugin() { throw new IllegalStateException("plugin constructor broke"); }
                        }
                        """)
                .classpath(PluginJarBuilder.locationOf(org.pf4j.Plugin.class)).writeInto(plugins);
        Path working = PluginJarBuilder.plugin("working-plugin-class").vm(FixtureVm.codename("working_plugin_class"))
                .manifestAttribute("Plugin-Class", "fixture.pc2.FinePlugin")
                .source("fixture.pc2.FinePlugin", "package fixture.pc2; public class FinePlugin extends org.pf4j.Plugin {}")
                .classpath(PluginJarBuilder.locationOf(org.pf4j.Plugin.class)).writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = reportOf(loader, failing).rejection().orElseThrow();
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.VM_CREATION_FAILURE);
            assertThat(e).hasMessageContaining("plugin constructor broke").hasMessageContaining("Plugin-Class");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("plugin constructor broke");
            assertThat(reportOf(loader, working).accepted()).isTrue();
        }
    }

    @Test
    void unresolvableOrMalformedPluginDependenciesRejectOnlyThatJar() throws LoaderException {
        Path missingDependency = PluginJarBuilder.plugin("needs-other").vm(FixtureVm.codename("needs_other"))
                .manifestAttribute("Plugin-Dependencies", "not-there@>=1.0.0").writeInto(plugins);
        Path cycleA = PluginJarBuilder.plugin("cycle-a").vm(FixtureVm.codename("cycle_a"))
                .manifestAttribute("Plugin-Dependencies", "cycle-b").writeInto(plugins);
        Path cycleB = PluginJarBuilder.plugin("cycle-b").vm(FixtureVm.codename("cycle_b"))
                .manifestAttribute("Plugin-Dependencies", "cycle-a").writeInto(plugins);
        Path good = PluginJarBuilder.fixturePlugin("independent").writeInto(plugins);

        try (VmLoader loader = scan()) {
            for (Path bad : List.of(missingDependency, cycleA, cycleB)) {
                assertThat(reportOf(loader, bad).rejection()).as(bad.toString()).get().satisfies(e -> {
                    assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
                    assertThat(e).hasMessageContaining(bad.toString()).hasMessageContaining("Plugin-Dependencies");
                });
            }
            assertThat(reportOf(loader, good).accepted()).isTrue();
            try (LoadedVm vm = loader.load("independent")) {
                assertThat(outputOf(run(vm))).isEqualTo("independent");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", " 12 "})
    void theAbiVersionMayBeSurroundedByWhiteSpace(String declared) {
        PluginJarBuilder.plugin("spaced").vm(FixtureVm.codename("spaced")).abiVersion(declared).writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(loader.find("spaced")).isPresent();
        }
    }

    private static void assertRejected(VmLoader loader, Path jar, LoaderErrorCode code, String reason) {
        PluginReport report = reportOf(loader, jar);
        assertThat(report.accepted()).as(jar.toString()).isFalse();
        assertThat(report.codenames()).isEmpty();
        assertThat(report.rejection()).get().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e).hasMessageContaining(jar.toString()).hasMessageContaining(reason);
        });
    }
}
