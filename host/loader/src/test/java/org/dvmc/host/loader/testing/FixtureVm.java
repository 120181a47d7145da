package org.dvmc.host.loader.testing;

import java.util.Map;
import java.util.Objects;

/**
 * Java source of a small VM and its factory, with switches for the ways a VM can misbehave; feed it to
 * {@link PluginJarBuilder#vm(FixtureVm)}.
 *
 * <p>The VM is named after its codename, has version {@code 1.0.0} and capability DVM1, accepts the
 * option {@code verbose} with value {@code 0} or {@code 1}, and executes any code as success, keeping all
 * gas and returning its codename in UTF-8 as output ({@code "!"} appended when verbose). Its
 * {@code close()} counts up the system property {@link #closedProperty(String)}, so a test can see a
 * VM closed across class loaders. The generated classes are {@code <package>.Factory} (public) and
 * {@code <package>.FixtureVmImpl}.
 *
 * <p>Immutable: every switch returns a new description. Thread-safe.
 */
public final class FixtureVm {

    private final String codename;
    private final String packageName;
    private final String factoryCodename;
    private final int abiVersion;
    private final String createBody;
    private final String executeBody;
    private final String setOptionPrefix;
    private final String staticInit;

    private FixtureVm(String codename, String packageName, String factoryCodename, int abiVersion, String createBody,
            String executeBody, String setOptionPrefix, String staticInit) {
        this.codename = codename;
        this.packageName = packageName;
        this.factoryCodename = factoryCodename;
        this.abiVersion = abiVersion;
        this.createBody = createBody;
        this.executeBody = executeBody;
        this.setOptionPrefix = setOptionPrefix;
        this.staticInit = staticInit;
    }

    /** A well-behaved VM {@code codename} in package {@code fixture.<codename>}. */
    public static FixtureVm codename(String codename) {
        Objects.requireNonNull(codename, "codename");
        return new FixtureVm(codename, "fixture." + codename.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"),
                codename, 12, "return new FixtureVmImpl();",
                "return Result.success(message.gas(), Bytes.of(output()));", "", "");
    }

    /** The system property a fixture VM {@code codename} counts its {@code close()} calls in. */
    public static String closedProperty(String codename) {
        return "dvmc.fixture.closed." + codename;
    }

    /** How often fixture VMs named {@code codename} were closed in this JVM. */
    public static int closeCount(String codename) {
        return Integer.getInteger(closedProperty(codename), 0);
    }

    /** The same VM in another package, e.g. to give two plugins classes of the same names. */
    public FixtureVm packageName(String packageName) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, executeBody,
                setOptionPrefix, staticInit);
    }

    /** What the factory's {@code codename()} returns, e.g. an invalid codename; the VM keeps its name. */
    public FixtureVm factoryCodename(String factoryCodename) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, executeBody,
                setOptionPrefix, staticInit);
    }

    /** What the instance's {@code abiVersion()} returns (default 12). */
    public FixtureVm abiVersion(int abiVersion) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, executeBody,
                setOptionPrefix, staticInit);
    }

    /** {@code create()} throws an IllegalStateException with {@code message}. */
    public FixtureVm createThrows(String message) {
        return withCreate("throw new IllegalStateException(" + literal(message) + ");");
    }

    /**
     * {@code create()} runs {@code javaStatements} instead of returning a new instance; they may use the
     * spi's types and {@code FixtureVmImpl}, and must return a {@code Vm} or throw.
     */
    public FixtureVm createWith(String javaStatements) {
        return withCreate(javaStatements);
    }

    /** {@code create()} returns null. */
    public FixtureVm createReturnsNull() {
        return withCreate("return null;");
    }

    /** {@code retrieveDescVx} throws an IllegalStateException with {@code message}. */
    public FixtureVm executeThrows(String message) {
        return withExecute("throw new IllegalStateException(" + literal(message) + ");");
    }

    /** {@code retrieveDescVx} returns null. */
    public FixtureVm executeReturnsNull() {
        return withExecute("return null;");
    }

    /** {@code setOption} throws for every option. */
    public FixtureVm setOptionThrows() {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, executeBody,
                "if (true) throw new UnsupportedOperationException(\"setOption broke\");", staticInit);
    }

    /** The factory's static initializer sets {@code systemProperty} to {@code "ran"}, proving the class was initialized. */
    public FixtureVm markStaticInit(String systemProperty) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, executeBody,
                setOptionPrefix, "static { System.setProperty(" + literal(systemProperty) + ", \"ran\"); }");
    }

    /** The codename the VM is named after. */
    public String codename() {
        return codename;
    }

    /** The binary name of the factory class, for a services file. */
    public String factoryClassName() {
        return packageName + ".Factory";
    }

    /** Binary class name → source, for {@link InMemoryCompiler} or {@link PluginJarBuilder#source}. */
    public Map<String, String> sources() {
        String factory = """
                package %1$s;

                import org.dvmc.spi.*;

                public final class Factory implements VmFactory {
                    %2$s

                    @Override
                    public String codename() {
                        return %3$s;
                    }

                    @Override
                    public Vm create() {
                        %4$s
                    }
                }
                """.formatted(packageName, staticInit, literal(factoryCodename), createBody);
        String vm = """
                package %1$s;

                import java.nio.charset.StandardCharsets;
                import java.util.Set;
                import org.dvmc.spi.*;

                final class FixtureVmImpl implements Vm {
                    private volatile boolean verbose;

                    @Override
                    public int abiVersion() {
                        return %2$d;
                    }

                    @Override
                    public String name() {
                        return %3$s;
                    }

                    @Override
                    public String version() {
                        return "1.0.0";
                    }

                    @Override
                    public Set<Capability> capabilities() {
                        return Set.of(Capability.DVM1);
                    }

                    @Override
                    public SetOptionResult setOption(String name, String value) {
                        %4$s
                        if (!"verbose".equals(name)) {
                            return SetOptionResult.INVALID_NAME;
                        }
                        if ("0".equals(value) || "1".equals(value)) {
                            verbose = "1".equals(value);
                            return SetOptionResult.SUCCESS;
                        }
                        return SetOptionResult.INVALID_VALUE;
                    }

                    @Override
                    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
                        %5$s
                    }

                    private byte[] output() {
                        return (name() + (verbose ? "!" : "")).getBytes(StandardCharsets.UTF_8);
                    }

                    @Override
                    public void close() {
                        synchronized (System.class) {
                            String key = %6$s;
                            System.setProperty(key, Integer.toString(Integer.getInteger(key, 0) + 1));
                        }
                    }
                }
                """.formatted(packageName, abiVersion, literal(codename), setOptionPrefix, executeBody,
                literal(closedProperty(codename)));
        return Map.of(factoryClassName(), factory, packageName + ".FixtureVmImpl", vm);
    }

    private FixtureVm withCreate(String body) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, body, executeBody, setOptionPrefix,
                staticInit);
    }

    private FixtureVm withExecute(String body) {
        return new FixtureVm(codename, packageName, factoryCodename, abiVersion, createBody, body, setOptionPrefix,
                staticInit);
    }

    private static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
