package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(loader.entries()).isEmpty();
            assertThat(vm.entry().codename()).isEqualTo("inside_name");
            assertThat(vm.entry().source().jar()).contains(jar);
            assertThat(vm.config().target()).isEqualTo(jar.toString());
            assertThat(outputOf(run(vm))).isEqualTo("inside_name!");
        }
    }

    @Test
    void ofSeveralFactoriesTheOneNamedAfterTheJarIsChosen() throws LoaderException {
        Path jar = PluginJarBuilder.plugin("multi").vm(FixtureVm.codename("other_vm")).vm(FixtureVm.codename("multi_vm"))
                .writeTo(elsewhere.resolve("multi-vm-2.3.1.jar"));

        try (VmLoader loader = scan(); LoadedVm vm = loader.load(jar.toString())) {
            assertThat(vm.entry().codename()).isEqualTo("multi_vm");
        }
    }

    @Test
    void ofSeveralFactoriesNoneNamedAfterTheJarIsSymbolNotFoundListingThem() {
        Path jar = PluginJarBuilder.plugin("several").vm(FixtureVm.codename("first_vm")).vm(FixtureVm.codename("second_vm"))
                .writeTo(elsewhere.resolve("several.jar"));

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load(jar.toString()));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.SYMBOL_NOT_FOUND);
            assertThat(e).hasMessageContaining(jar.toString()).hasMessageContaining("first_vm, second_vm")
                    .hasMessageContaining("several");
        }
    }

    @Test
    void aMissingJarCannotBeOpenedAndIsNamed() {
        Path missing = elsewhere.resolve("missing-1.0.0.jar");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load(missing + ",verbose=1"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
            assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        }
    }

    @Test
    void aJarRejectedByTheScanFailsWithItsRejection() throws IOException {
        Path abi11 = PluginJarBuilder.fixturePlugin("path_abi").abiVersion(11).writeInto(elsewhere);
        Path empty = Files.createFile(elsewhere.resolve("empty.jar"));

        try (VmLoader loader = scan()) {
            assertThat(failure(() -> loader.load(abi11.toString())).errorCode())
                    .isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
            assertThat(failure(() -> loader.load(empty.toString())).errorCode()).isEqualTo(LoaderErrorCode.CANNOT_OPEN);
        }
    }

    @Test
    void aJarInThePluginsDirectoryIsScannedOnItsOwnSoAConflictThereDoesNotMatter() throws LoaderException {
        Path first = PluginJarBuilder.plugin("twin-a").vm(FixtureVm.codename("twin").packageName("twin.a")).writeInto(plugins);
        PluginJarBuilder.plugin("twin-b").vm(FixtureVm.codename("twin").packageName("twin.b")).writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load(first.toString())) {
            assertThat(loader.conflicts()).hasSize(1);
            assertThat(vm.entry().source().pluginId()).contains("twin-a");
        }
    }

    @Test
    void closingAPathLoadedVmReleasesItsJar() throws LoaderException, IOException {
        Path jar = PluginJarBuilder.fixturePlugin("released").writeInto(elsewhere);

        try (VmLoader loader = scan()) {
            LoadedVm vm = loader.load(jar.toString());
            ClassLoader pluginLoader = vm.entry().factory().getClass().getClassLoader();
            vm.close();
            assertThat(((org.pf4j.PluginClassLoader) pluginLoader).isClosed()).isTrue();
            Files.delete(jar);
            assertThat(jar).doesNotExist();
        }
    }
}
