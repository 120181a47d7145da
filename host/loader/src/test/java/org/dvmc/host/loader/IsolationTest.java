package org.dvmc.host.loader;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(loader.conflicts()).isEmpty();
            assertThat(left.vm().name()).isEqualTo("left");
            assertThat(right.vm().name()).isEqualTo("right");
            assertThat(left.entry().factory().getClass()).isNotSameAs(right.entry().factory().getClass());
            assertThat(left.entry().factory().getClass().getName()).isEqualTo(right.entry().factory().getClass().getName());
            assertThat(outputOf(run(left))).isEqualTo("blind");
            assertThat(outputOf(run(right))).isEqualTo("blind");
        }
    }

    @Test
    void aPluginThatBundlesItsOwnSpiCopyStillWorksWithTheHostsSpi() throws LoaderException {
        Path jar = PluginJarBuilder.fixturePlugin("bundles_spi").bundleSpi().writeInto(plugins);

        try (VmLoader loader = scan()) {
            assertThat(reportOf(loader, jar).accepted()).isTrue();
            try (LoadedVm vm = loader.load("bundles_spi")) {
                assertThat(vm.vm()).isInstanceOf(Vm.class);
                Class<?> factoryInterface = vm.entry().factory().getClass().getInterfaces()[0];
                assertThat(factoryInterface).isSameAs(VmFactory.class);
                assertThat(outputOf(run(vm))).isEqualTo("bundles_spi");
            }
        }
    }

    @Test
    void pluginClassesComeFromTheirOwnJarNotTheHost() throws LoaderException {
        PluginJarBuilder.fixturePlugin("own_loader").writeInto(plugins);

        try (VmLoader loader = scan(); LoadedVm vm = loader.load("own_loader")) {
            ClassLoader pluginLoader = vm.vm().getClass().getClassLoader();
            assertThat(pluginLoader).isInstanceOf(org.pf4j.PluginClassLoader.class);
            assertThat(pluginLoader).isNotSameAs(VmLoader.class.getClassLoader());
        }
    }
}
