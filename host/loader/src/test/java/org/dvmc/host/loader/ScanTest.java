package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
            PluginReport report = only(loader.pluginReports());
            assertEquals(jar, report.jar());
            assertTrue(report.accepted());
            assertEquals(Optional.empty(), report.rejection());
            assertEquals(Optional.of("scan-good"), report.pluginId());
            assertEquals(Optional.of("1.0.0"), report.pluginVersion());
            assertEquals(List.of("scan_good"), report.codenames());
            VmEntry entry = loader.find("scan_good").orElseThrow();
            assertEquals(new VmSource.Plugin("scan-good", "1.0.0", jar), entry.source());
            assertEquals("plugin scan-good 1.0.0 (" + jar + ")", entry.source().describe());

            int closedBefore = FixtureVm.closeCount("scan_good");
            try (LoadedVm vm = loader.load("scan_good")) {
                assertEquals("scan_good", vm.vm().name());
                assertEquals(entry, vm.entry());
                try (Result result = run(vm)) {
                    assertEquals(StatusCode.SUCCESS, result.status());
                    assertEquals("scan_good", outputOf(result));
                }
            }
            assertEquals(closedBefore + 1, FixtureVm.closeCount("scan_good"));
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
            LoaderException eleven = rejectionOf(loader, abi11);
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, eleven.errorCode());
            assertMessageContains(eleven, abi11.toString(), "declares Dvmc-Abi-Version 11 but this host speaks 12",
                    "rebuild the plugin against " + Dvmc.SPI_OF_THIS_ABI);
            LoaderException undeclared = rejectionOf(loader, none);
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, undeclared.errorCode());
            assertMessageContains(undeclared, none.toString(), "declares no Dvmc-Abi-Version");
            LoaderException unparsable = rejectionOf(loader, abc);
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, unparsable.errorCode());
            assertMessageContains(unparsable, "'abc', which is not a plain decimal number");
            // The rejected jars still say who they are.
            assertEquals(Optional.of("abi-eleven"), reportOf(loader, abi11).pluginId());

            assertNull(System.getProperty("dvmc.test.ran.abi_eleven"));
            assertNull(System.getProperty("dvmc.test.ran.abi_none"));
            assertNull(System.getProperty("dvmc.test.ran.abi_abc"));
            assertEquals("ran", System.getProperty("dvmc.test.ran.abi_good"));

            assertTrue(reportOf(loader, good).accepted());
            assertEquals(List.of("abi_good"), codenamesOf(loader));
            try (LoadedVm vm = loader.load("abi_good")) {
                assertEquals(StatusCode.SUCCESS, run(vm).status());
            }
            // The jar meant to provide the codename was rejected: that rejection, with its code, is the answer.
            LoaderException byCodename = failure(() -> loader.load("abi_eleven"));
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, byCodename.errorCode());
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
                assertFalse(report.accepted(), bad.toString());
                LoaderException e = rejectionOf(loader, bad);
                assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode(), bad.toString());
                assertMessageContains(e, bad.toString());
            }
            assertMessageContains(rejectionOf(loader, empty), "is an empty file");
            assertMessageContains(rejectionOf(loader, manifestless), "has no META-INF/MANIFEST.MF");
            assertTrue(reportOf(loader, good).accepted());
            try (LoadedVm vm = loader.load("next_to_bad")) {
                assertEquals("next_to_bad", outputOf(run(vm)));
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
            LoaderException withoutId = rejectionOf(loader, noId);
            assertEquals(LoaderErrorCode.CANNOT_OPEN, withoutId.errorCode());
            assertMessageContains(withoutId, "has no Plugin-Id");
            LoaderException withoutVersion = rejectionOf(loader, noVersion);
            assertEquals(LoaderErrorCode.CANNOT_OPEN, withoutVersion.errorCode());
            assertMessageContains(withoutVersion, "has no Plugin-Version");
            assertEquals(List.of(), loader.entries());
        }
    }

    @Test
    void reportsCoverEveryJarSortedByFileNameAndIgnoreOtherFiles() throws IOException {
        PluginJarBuilder.fixturePlugin("zeta").writeTo(plugins.resolve("z.jar"));
        PluginJarBuilder.fixturePlugin("alpha").writeTo(plugins.resolve("a.JAR"));
        Files.writeString(plugins.resolve("README.md"), "not a plugin");
        Files.createDirectory(plugins.resolve("m.jar"));

        try (VmLoader loader = scan()) {
            assertEquals(List.of("a.JAR", "m.jar", "z.jar"),
                    loader.pluginReports().stream().map(r -> r.jar().getFileName().toString()).toList());
            assertMessageContains(rejectionOf(loader, plugins.resolve("m.jar")), "is a directory");
            assertEquals(List.of("alpha", "zeta"), codenamesOf(loader));
        }
    }

    @Test
    void aMissingPluginsDirectoryGivesAnEmptyLoaderWhoseErrorsSaySo() {
        try (VmLoader loader = scan(plugins.resolve("nowhere"))) {
            assertEquals(List.of(), loader.pluginReports());
            assertEquals(List.of(), loader.entries());
            LoaderException e = failure(() -> loader.load("anything"));
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, e.errorCode());
            assertMessageContains(e, "there are no VMs", "does not exist");
        }
    }

    @Test
    void anUnknownCodenameListsTheAvailableOnesAndThePluginsDirectory() throws IOException {
        PluginJarBuilder.fixturePlugin("known_one").writeInto(plugins);
        PluginJarBuilder.fixturePlugin("known_two").writeInto(plugins);
        Files.createFile(plugins.resolve("broken.jar"));

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("nosuch"));
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, e.errorCode());
            assertMessageContains(e, "no VM with codename nosuch", "available: known_one, known_two",
                    plugins.toAbsolutePath().toString(), "1 jar was rejected", "broken.jar is an empty file");
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
            LoaderException conflict = only(loader.conflicts());
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, conflict.errorCode());
            assertMessageContains(conflict, "codename dup", first.toString(), second.toString());
            assertEquals(List.of("dup"), reportOf(loader, first).codenames());
            assertEquals(List.of("dup"), reportOf(loader, second).codenames());
            assertEquals(Optional.empty(), loader.find("dup"));
            assertEquals(List.of("unique"), codenamesOf(loader));

            LoaderException e = failure(() -> loader.load("dup"));
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, e.errorCode());
            assertMessageContains(e, first.toString(), second.toString());
        }
    }

    @Test
    void aDuplicatePluginIdRejectsTheSecondJarOnly() throws LoaderException {
        Path first = PluginJarBuilder.plugin("same-id").vm(FixtureVm.codename("same_a")).writeTo(plugins.resolve("a.jar"));
        Path second = PluginJarBuilder.plugin("same-id").vm(FixtureVm.codename("same_b")).writeTo(plugins.resolve("b.jar"));

        try (VmLoader loader = scan()) {
            assertTrue(reportOf(loader, first).accepted());
            LoaderException e = rejectionOf(loader, second);
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertMessageContains(e, "Plugin-Id same-id", first.toString());
            try (LoadedVm vm = loader.load("same_a")) {
                assertEquals("same_a", vm.vm().name());
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
            Throwable cause = rejectionOf(loader, throwingConstructor).getCause();
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals("constructor broke", cause.getMessage());
            assertTrue(reportOf(loader, good).accepted());
            assertEquals(List.of("services_ok"), codenamesOf(loader));
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
            LoaderException e = rejectionOf(loader, failing);
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            assertMessageContains(e, "plugin constructor broke", "Plugin-Class");
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("plugin constructor broke", e.getCause().getMessage());
            assertTrue(reportOf(loader, working).accepted());
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
                LoaderException e = rejectionOf(loader, bad);
                assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode(), bad.toString());
                assertMessageContains(e, bad.toString(), "Plugin-Dependencies");
            }
            assertTrue(reportOf(loader, good).accepted());
            try (LoadedVm vm = loader.load("independent")) {
                assertEquals("independent", outputOf(run(vm)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", " 12 "})
    void theAbiVersionMayBeSurroundedByWhiteSpace(String declared) {
        PluginJarBuilder.plugin("spaced").vm(FixtureVm.codename("spaced")).abiVersion(declared).writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertTrue(loader.find("spaced").isPresent(), () -> "no spaced among " + loader.pluginReports());
        }
    }

    private static void assertRejected(VmLoader loader, Path jar, LoaderErrorCode code, String reason) {
        PluginReport report = reportOf(loader, jar);
        assertFalse(report.accepted(), jar.toString());
        assertEquals(List.of(), report.codenames(), jar.toString());
        LoaderException e = rejectionOf(loader, jar);
        assertEquals(code, e.errorCode(), jar.toString());
        assertMessageContains(e, jar.toString(), reason);
    }
}
