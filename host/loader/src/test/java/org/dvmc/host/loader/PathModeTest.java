package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading by the path of a jar: that jar alone, wherever it is. */
class PathModeTest extends LoaderTestSupport {

    @TempDir
    Path elsewhere;

    @Test
    void aJarOutsideThePluginsDirectoryLoadsItsSingleFactory() throws LoaderException {
        Path jar = PluginJarBuilder.plugin("outside").vm(FixtureVm.codename("inside_name")).writeInto(elsewhere);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load(jar + ",verbose=1")) {
            assertEquals(List.of(), loader.entries());
            assertEquals("inside_name", vm.entry().codename());
            assertEquals(Optional.of(jar), vm.entry().source().jar());
            assertEquals(jar.toString(), vm.config().target());
            assertEquals("inside_name!", outputOf(run(vm)));
        }
    }

    @Test
    void ofSeveralFactoriesTheOneNamedAfterTheJarIsChosen() throws LoaderException {
        Path jar = PluginJarBuilder.plugin("multi").vm(FixtureVm.codename("other_vm")).vm(FixtureVm.codename("multi_vm"))
                .writeTo(elsewhere.resolve("multi-vm-2.3.1.jar"));

        try (VmLoader loader = scan(); LoadedVm vm = loader.load(jar.toString())) {
            assertEquals("multi_vm", vm.entry().codename());
        }
    }

    @Test
    void ofSeveralFactoriesNoneNamedAfterTheJarIsSymbolNotFoundListingThem() {
        Path jar = PluginJarBuilder.plugin("several").vm(FixtureVm.codename("first_vm")).vm(FixtureVm.codename("second_vm"))
                .writeTo(elsewhere.resolve("several.jar"));

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load(jar.toString()));
            assertEquals(LoaderErrorCode.SYMBOL_NOT_FOUND, e.errorCode());
            assertMessageContains(e, jar.toString(), "first_vm, second_vm", "several");
        }
    }

    @Test
    void aMissingJarCannotBeOpenedAndIsNamed() {
        Path missing = elsewhere.resolve("missing-1.0.0.jar");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load(missing + ",verbose=1"));
            assertEquals(LoaderErrorCode.CANNOT_OPEN, e.errorCode());
            assertMessageContains(e, missing.toString(), "does not exist");
        }
    }

    @Test
    void aJarRejectedByTheScanFailsWithItsRejection() throws IOException {
        Path abi11 = PluginJarBuilder.fixturePlugin("path_abi").abiVersion(11).writeInto(elsewhere);
        Path empty = Files.createFile(elsewhere.resolve("empty.jar"));

        try (VmLoader loader = scan()) {
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, failure(() -> loader.load(abi11.toString())).errorCode());
            assertEquals(LoaderErrorCode.CANNOT_OPEN, failure(() -> loader.load(empty.toString())).errorCode());
        }
    }

    @Test
    void aJarInThePluginsDirectoryIsScannedOnItsOwnSoAConflictThereDoesNotMatter() throws LoaderException {
        Path first = PluginJarBuilder.plugin("twin-a").vm(FixtureVm.codename("twin").packageName("twin.a")).writeInto(plugins);
        PluginJarBuilder.plugin("twin-b").vm(FixtureVm.codename("twin").packageName("twin.b")).writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load(first.toString())) {
            assertEquals(1, loader.conflicts().size(), () -> loader.conflicts().toString());
            assertEquals(Optional.of("twin-a"), vm.entry().source().pluginId());
        }
    }

    @Test
    void closingAPathLoadedVmReleasesItsJar() throws LoaderException, IOException {
        Path jar = PluginJarBuilder.fixturePlugin("released").writeInto(elsewhere);

        try (VmLoader loader = scan()) {
            LoadedVm vm = loader.load(jar.toString());
            ClassLoader pluginLoader = vm.entry().factory().getClass().getClassLoader();
            vm.close();
            assertTrue(((org.pf4j.PluginClassLoader) pluginLoader).isClosed());
            Files.delete(jar);
            assertTrue(Files.notExists(jar), () -> jar + " still exists");
        }
    }
}
