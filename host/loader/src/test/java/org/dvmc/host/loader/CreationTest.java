package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
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
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            assertMessageContains(e, "VM create_throws from plugin create-throws 1.0.0", "no engine");
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("no engine", e.getCause().getMessage());
        }
    }

    @Test
    void aFactoryThatReturnsNullIsAVmCreationFailure() {
        PluginJarBuilder.plugin("create-null").vm(FixtureVm.codename("create_null").createReturnsNull()).writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("create_null"));
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            assertMessageContains(e, "create_null", "returned null");
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
            assertEquals(LoaderErrorCode.VM_CREATION_FAILURE, e.errorCode());
            assertMessageContains(e, "VM linkage", "NewerSpiThing", "built against another dvmc-spi");
            assertInstanceOf(NoClassDefFoundError.class, e.getCause());
        }
    }

    @Test
    void anInstanceReportingAbi11IsAMismatchAndIsClosed() {
        PluginJarBuilder.plugin("instance-abi").vm(FixtureVm.codename("instance_abi").abiVersion(11)).writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("instance_abi");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("instance_abi"));
            assertEquals(LoaderErrorCode.ABI_VERSION_MISMATCH, e.errorCode());
            assertMessageContains(e, "instance_abi", "reports ABI version 11", "this host speaks 12");
        }
        assertEquals(closedBefore + 1, FixtureVm.closeCount("instance_abi"));
    }

    @Test
    void aValidOptionIsApplied() throws LoaderException {
        PluginJarBuilder.fixturePlugin("opt_ok").writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("opt_ok,verbose=1")) {
            assertEquals(List.of(new VmOption("verbose", "1")), vm.config().options());
            assertEquals("opt_ok!", outputOf(run(vm)));
        }
    }

    @Test
    void anUnsupportedValueIsAnInvalidOptionValueNamingVmOptionAndValueAndClosesTheInstance() {
        PluginJarBuilder.fixturePlugin("opt_value").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("opt_value");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_value,verbose=x"));
            assertEquals(LoaderErrorCode.INVALID_OPTION_VALUE, e.errorCode());
            assertMessageContains(e, "opt_value", "'x'", "'verbose'");
        }
        assertEquals(closedBefore + 1, FixtureVm.closeCount("opt_value"));
    }

    @Test
    void anUnknownNameIsAnInvalidOptionNameNamingVmAndOptionAndClosesTheInstance() {
        PluginJarBuilder.fixturePlugin("opt_name").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("opt_name");

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_name,verbose=1,nosuch=1"));
            assertEquals(LoaderErrorCode.INVALID_OPTION_NAME, e.errorCode());
            assertMessageContains(e, "opt_name", "unknown option 'nosuch'", "'1'");
        }
        assertEquals(closedBefore + 1, FixtureVm.closeCount("opt_name"));
    }

    @Test
    void aBareOptionPassesTheEmptyValue() {
        PluginJarBuilder.fixturePlugin("opt_bare").writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_bare,verbose"));
            assertEquals(LoaderErrorCode.INVALID_OPTION_VALUE, e.errorCode());
            assertMessageContains(e, "unsupported value '' for option 'verbose'");
        }
    }

    @Test
    void aSetOptionThatThrowsIsAnInvalidOptionValueWithTheCause() {
        PluginJarBuilder.plugin("opt-throws").vm(FixtureVm.codename("opt_throws").setOptionThrows()).writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoaderException e = failure(() -> loader.load("opt_throws,verbose=1"));
            assertEquals(LoaderErrorCode.INVALID_OPTION_VALUE, e.errorCode());
            assertInstanceOf(UnsupportedOperationException.class, e.getCause());
            assertEquals("setOption broke", e.getCause().getMessage());
        }
    }

    @Test
    void anEmptyConfigurationIsAnInvalidArgument() {
        try (VmLoader loader = scan()) {
            assertEquals(LoaderErrorCode.INVALID_ARGUMENT, failure(() -> loader.load("")).errorCode());
            assertEquals(LoaderErrorCode.INVALID_ARGUMENT, failure(() -> loader.load(",verbose=1")).errorCode());
        }
    }

    @Test
    void aVmThatThrowsFromExecutionGivesAnInternalErrorCarryingTheCause() throws LoaderException {
        PluginJarBuilder.plugin("exec-throws").vm(FixtureVm.codename("exec_throws").executeThrows("stack smashed"))
                .writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("exec_throws")) {
            Result result = run(vm);
            assertEquals(StatusCode.INTERNAL_ERROR, result.status());
            assertEquals(0, result.gasLeft());
            Throwable cause = causeOf(result);
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals("stack smashed", cause.getMessage());
        }
    }

    @Test
    void aVmThatReturnsNoResultGivesAnInternalErrorSayingSo() throws LoaderException {
        PluginJarBuilder.plugin("exec-null").vm(FixtureVm.codename("exec_null").executeReturnsNull()).writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("exec_null")) {
            Result result = run(vm);
            assertEquals(StatusCode.INTERNAL_ERROR, result.status());
            assertMessageContains(causeOf(result), "exec_null", "returned no result");
        }
    }

    @Test
    void executeNeverThrowsForNullArgumentsOrAfterClose() throws LoaderException {
        PluginJarBuilder.fixturePlugin("exec_guard").writeInto(plugins);

        try (VmLoader loader = scan()) {
            LoadedVm vm = loader.load("exec_guard");
            Result noHost = vm.execute(null, Revision.LATEST_STABLE, Message.builder().build(), Bytes.EMPTY);
            assertEquals(StatusCode.INTERNAL_ERROR, noHost.status());
            assertMessageContains(causeOf(noHost), "host");

            vm.close();
            vm.close();
            assertTrue(vm.isClosed());
            Result afterClose = vm.execute(new MockedHost(), Revision.LATEST_STABLE, Message.builder().build(), Bytes.EMPTY);
            assertEquals(StatusCode.INTERNAL_ERROR, afterClose.status());
            assertMessageContains(causeOf(afterClose), "was closed");
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
        assertEquals(closedBefore + 1, FixtureVm.closeCount("close_once"));
    }

    @Test
    void closingTheLoaderClosesTheVmsItHandedOutAndRefusesFurtherLoads() throws LoaderException {
        PluginJarBuilder.fixturePlugin("outlived").writeInto(plugins);
        int closedBefore = FixtureVm.closeCount("outlived");

        VmLoader loader = scan();
        LoadedVm vm = loader.load("outlived");
        loader.close();

        assertTrue(vm.isClosed());
        assertEquals(closedBefore + 1, FixtureVm.closeCount("outlived"));
        assertEquals(StatusCode.INTERNAL_ERROR, run(vm).status());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loader.load("outlived"));
        assertMessageContains(e, "closed");
        loader.close();
    }

    /** The cause a failed result carries, failing when it carries none. */
    private static Throwable causeOf(Result result) {
        return result.cause().orElseGet(() -> fail("expected a cause in " + result));
    }
}
