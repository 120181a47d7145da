package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.nio.file.Path;
import org.dvmc.host.loader.testing.FixtureVm;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.Test;

/** Each plugin has its own classes; the spi is the host's for all. */
class IsolationTest extends LoaderTestSupport {

    /** A VM whose output says whether its class loader can see {@code probe}. */
    private static String probingFactory(String codename, String probe) {
        return """
                package shared.names;
                import java.nio.charset.StandardCharsets;
                import java.util.Set;
                import org.dvmc.spi.*;
                public final class Factory implements VmFactory {
                    public String codename() { return "%1$s"; }
                    public Vm create() {
                        return new Vm() {
                            public int abiVersion() { return Dvmc.ABI_VERSION; }
                            public String name() { return Helper.NAME; }
                            public String version() { return "1.0.0"; }
                            public Set<Capability> capabilities() { return Set.of(Capability.DVM1); }
                            public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
                                String seen;
                                try {
                                    Class.forName("%2$s", false, Factory.class.getClassLoader());
                                    seen = "sees %2$s";
                                } catch (ClassNotFoundException e) {
                                    seen = "blind";
                                }
                                return Result.success(0, Bytes.of(seen.getBytes(StandardCharsets.UTF_8)));
                            }
                        };
                    }
                }
                """.formatted(codename, probe);
    }

    @Test
    void twoPluginsWhoseClassesShareNamesDoNotSeeEachOthersClasses() throws LoaderException {
        PluginJarBuilder.plugin("left")
                .source("shared.names.Factory", probingFactory("left", "shared.names.OnlyRight"))
                .source("shared.names.Helper", "package shared.names; final class Helper { static final String NAME = \"left\"; }")
                .source("shared.names.OnlyLeft", "package shared.names; final class OnlyLeft {}")
                .service("shared.names.Factory").writeInto(plugins);
        PluginJarBuilder.plugin("right")
                .source("shared.names.Factory", probingFactory("right", "shared.names.OnlyLeft"))
                .source("shared.names.Helper", "package shared.names; final class Helper { static final String NAME = \"right\"; }")
                .source("shared.names.OnlyRight", "package shared.names; final class OnlyRight {}")
                .service("shared.names.Factory").writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm left = loader.load("left"); LoadedVm right = loader.load("right")) {
            assertEquals(List.of(), loader.conflicts());
            assertEquals("left", left.vm().name());
            assertEquals("right", right.vm().name());
            assertNotSame(right.entry().factory().getClass(), left.entry().factory().getClass());
            assertEquals(right.entry().factory().getClass().getName(), left.entry().factory().getClass().getName());
            assertEquals("blind", outputOf(run(left)));
            assertEquals("blind", outputOf(run(right)));
        }
    }

    @Test
    void aPluginThatBundlesItsOwnSpiCopyStillWorksWithTheHostsSpi() throws LoaderException {
        Path jar = PluginJarBuilder.fixturePlugin("bundles_spi").bundleSpi().writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertTrue(reportOf(loader, jar).accepted());
            try (LoadedVm vm = loader.load("bundles_spi")) {
                assertInstanceOf(Vm.class, vm.vm());
                Class<?> factoryInterface = vm.entry().factory().getClass().getInterfaces()[0];
                assertSame(VmFactory.class, factoryInterface);
                assertEquals("bundles_spi", outputOf(run(vm)));
            }
        }
    }

    @Test
    void pluginClassesComeFromTheirOwnJarNotTheHost() throws LoaderException {
        PluginJarBuilder.fixturePlugin("own_loader").writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("own_loader")) {
            ClassLoader pluginLoader = vm.vm().getClass().getClassLoader();
            assertInstanceOf(org.pf4j.PluginClassLoader.class, pluginLoader);
            assertNotSame(VmLoader.class.getClassLoader(), pluginLoader);
        }
    }
}
