package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;

/** Step 6 of loading (create, ABI check, options) and the guard around execution. */
class CreationTest extends LoaderTestSupport {

    @Test
    void aFactoryThatThrowsIsAVmCreationFailureWithTheCause() {
        PluginJarBuilder.plugin("create-throws").vm(FixtureVm.codename("create_throws").createThrows("no engine"))
                .writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("create_throws"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.VM_CREATION_FAILURE);
            assertThat(e).hasMessageContaining("VM create_throws from plugin create-throws 1.0.0")
                    .hasMessageContaining("no engine");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("no engine");
        }
    }

    @Test
    void aFactoryThatReturnsNullIsAVmCreationFailure() {
        PluginJarBuilder.plugin("create-null").vm(FixtureVm.codename("create_null").createReturnsNull()).writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("create_null"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.VM_CREATION_FAILURE);
            assertThat(e).hasMessageContaining("create_null").hasMessageContaining("returned null");
        }
    }

    @Test
    void aLinkageErrorInCreateIsAVmCreationFailurePointingAtTheSpi() {
        PluginJarBuilder.plugin("linkage")
                .vm(FixtureVm.codename("linkage").createWith("return org.dvmc.spi.NewerSpiThing.vm();"))
                .source("org.dvmc.spi.NewerSpiThing",
                        "package org.dvmc.spi; public final class NewerSpiThing { public static Vm vm() { return null; } }")
                .omitClass("org.dvmc.spi.NewerSpiThing").writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("linkage"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.VM_CREATION_FAILURE);
            assertThat(e).hasMessageContaining("VM linkage").hasMessageContaining("NewerSpiThing")
                    .hasMessageContaining("built against another dvmc-spi");
            assertThat(e.getCause()).isInstanceOf(NoClassDefFoundError.class);
        }
    }

    @Test
    void anInstanceReportingAbi11IsAMismatchAndIsClosed() {
        PluginJarBuilder.plugin("instance-abi").vm(FixtureVm.codename("instance_abi").abiVersion(11)).writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("instance_abi");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("instance_abi"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.ABI_VERSION_MISMATCH);
            assertThat(e).hasMessageContaining("instance_abi").hasMessageContaining("reports ABI version 11")
                    .hasMessageContaining("this host speaks 12");
        }
        assertThat(FixtureVm.closeCount("instance_abi")).isEqualTo(closedBefore + 1);
    }

    @Test
    void aValidOptionIsApplied() throws LoaderException {
        PluginJarBuilder.fixturePlugin("opt_ok").writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("opt_ok,verbose=1")) {
            assertThat(vm.config().options()).containsExactly(new VmOption("verbose", "1"));
            assertThat(outputOf(run(vm))).isEqualTo("opt_ok!");
        }
    }

    @Test
    void anUnsupportedValueIsAnInvalidOptionValueNamingVmOptionAndValueAndClosesTheInstance() {
        PluginJarBuilder.fixturePlugin("opt_value").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("opt_value");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_value,verbose=x"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_OPTION_VALUE);
            assertThat(e).hasMessageContaining("opt_value").hasMessageContaining("'x'").hasMessageContaining("'verbose'");
        }
        assertThat(FixtureVm.closeCount("opt_value")).isEqualTo(closedBefore + 1);
    }

    @Test
    void anUnknownNameIsAnInvalidOptionNameNamingVmAndOptionAndClosesTheInstance() {
        PluginJarBuilder.fixturePlugin("opt_name").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("opt_name");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_name,verbose=1,nosuch=1"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_OPTION_NAME);
            assertThat(e).hasMessageContaining("opt_name").hasMessageContaining("unknown option 'nosuch'")
                    .hasMessageContaining("'1'");
        }
        assertThat(FixtureVm.closeCount("opt_name")).isEqualTo(closedBefore + 1);
    }

    @Test
    void aBareOptionPassesTheEmptyValue() {
        PluginJarBuilder.fixturePlugin("opt_bare").writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_bare,verbose"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_OPTION_VALUE);
            assertThat(e).hasMessageContaining("unsupported value '' for option 'verbose'");
        }
    }

    @Test
    void aSetOptionThatThrowsIsAnInvalidOptionValueWithTheCause() {
        PluginJarBuilder.plugin("opt-throws").vm(FixtureVm.codename("opt_throws").setOptionThrows()).writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_throws,verbose=1"));
            assertThat(e.errorCode()).isEqualTo(LoaderErrorCode.INVALID_OPTION_VALUE);
            assertThat(e.getCause()).isInstanceOf(UnsupportedOperationException.class).hasMessage("setOption broke");
        }
    }

    @Test
    void anEmptyConfigurationIsAnInvalidArgument() {
        try (VmLoader loader = scan()) {
            assertThat(failure(() -> loader.load("")).errorCode()).isEqualTo(LoaderErrorCode.INVALID_ARGUMENT);
            assertThat(failure(() -> loader.load(",verbose=1")).errorCode()).isEqualTo(LoaderErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void aVmThatThrowsFromExecutionGivesAnInternalErrorCarryingTheCause() throws LoaderException {
        PluginJarBuilder.plugin("exec-throws").vm(FixtureVm.codename("exec_throws").executeThrows("stack smashed"))
                .writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("exec_throws")) {
            Result result = run(vm);
            assertThat(result.status()).isEqualTo(StatusCode.INTERNAL_ERROR);
            assertThat(result.gasLeft()).isZero();
            assertThat(result.cause()).get().isInstanceOf(IllegalStateException.class)
                    .hasFieldOrPropertyWithValue("message", "stack smashed");
        }
    }

    @Test
    void aVmThatReturnsNoResultGivesAnInternalErrorSayingSo() throws LoaderException {
        PluginJarBuilder.plugin("exec-null").vm(FixtureVm.codename("exec_null").executeReturnsNull()).writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("exec_null")) {
            Result result = run(vm);
            assertThat(result.status()).isEqualTo(StatusCode.INTERNAL_ERROR);
            assertThat(result.cause()).get().extracting(Throwable::getMessage).asString()
                    .contains("exec_null").contains("returned no result");
        }
    }

    @Test
    void executeNeverThrowsForNullArgumentsOrAfterClose() throws LoaderException {
        PluginJarBuilder.fixturePlugin("exec_guard").writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoadedVm vm = loader.load("exec_guard");
            Result noHost = vm.execute(null, Revision.LATEST_STABLE, Message.builder().build(), Bytes.EMPTY);
            assertThat(noHost.status()).isEqualTo(StatusCode.INTERNAL_ERROR);
            assertThat(noHost.cause()).get().extracting(Throwable::getMessage).asString().contains("host");

            vm.close();
            vm.close();
            assertThat(vm.isClosed()).isTrue();
            Result afterClose = vm.execute(new MockedHost(), Revision.LATEST_STABLE, Message.builder().build(), Bytes.EMPTY);
            assertThat(afterClose.status()).isEqualTo(StatusCode.INTERNAL_ERROR);
            assertThat(afterClose.cause()).get().extracting(Throwable::getMessage).asString().contains("was closed");
        }
    }

    @Test
    void closingAHandleTwiceClosesTheVmOnce() throws LoaderException {
        PluginJarBuilder.fixturePlugin("close_once").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("close_once");

        try (VmLoader loader = scan()) {
            LoadedVm vm = loader.load("close_once");
            vm.close();
            vm.close();
        }
        assertThat(FixtureVm.closeCount("close_once")).isEqualTo(closedBefore + 1);
    }

    @Test
    void closingTheLoaderClosesTheVmsItHandedOutAndRefusesFurtherLoads() throws LoaderException {
        PluginJarBuilder.fixturePlugin("outlived").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("outlived");

        VmLoader loader = scan();
        LoadedVm vm = loader.load("outlived");
        loader.close();

        assertThat(vm.isClosed()).isTrue();
        assertThat(FixtureVm.closeCount("outlived")).isEqualTo(closedBefore + 1);
        assertThat(run(vm).status()).isEqualTo(StatusCode.INTERNAL_ERROR);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> loader.load("outlived"))
                .withMessageContaining("closed");
        loader.close();
    }
}
