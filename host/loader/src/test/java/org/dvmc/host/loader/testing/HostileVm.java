package org.dvmc.host.loader.testing;

import java.util.Map;
import java.util.Objects;

/**
 * Java source of a VM plugin that misbehaves where a test says: each piece of plugin code the host calls
 * (static initializer, factory constructor, {@code codename()}, {@code create()}, {@code name()},
 * {@code retrieveDescVx}, the result's release hook, {@code close()}) is a Java snippet, well-behaved by
 * default. Add it to a jar with {@link #addTo(PluginJarBuilder)}.
 *
 * <pre>{@code
 * HostileVm.codename("spin").create("while (true) { Thread.onSpinWait(); }")
 *         .addTo(PluginJarBuilder.plugin("spin")).writeInto(plugins);
 * }</pre>
 *
 * <p>Classes: {@code hostile.<codename>.Factory} and {@code hostile.<codename>.HostileVmImpl}. Immutable.
 */
public final class HostileVm {

    private final String codename;
    private final Map<String, String> snippets;

    private HostileVm(String codename, Map<String, String> snippets) {
        this.codename = codename;
        this.snippets = Map.copyOf(snippets);
    }

    /** A well-behaved VM {@code codename}: success, all gas left, output its codename. */
    public static HostileVm codename(String codename) {
        return new HostileVm(Objects.requireNonNull(codename, "codename"), Map.of(
                "static", "",
                "constructor", "",
                "codename", "return \"" + codename + "\";",
                "create", "return new HostileVmImpl();",
                "name", "return \"" + codename + "\";",
                "execute", "return Result.success(message.gas(), Bytes.of(\"" + codename + "\".getBytes()));",
                "close", ""));
    }

    private HostileVm with(String key, String snippet) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(snippets);
        copy.put(key, snippet);
        return new HostileVm(codename, copy);
    }

    /** Statements of the factory's static initializer. */
    public HostileVm staticInit(String statements) {
        return with("static", statements);
    }

    /** Statements of the factory's constructor. */
    public HostileVm constructor(String statements) {
        return with("constructor", statements);
    }

    /** The body of {@code codename()} (must return a String). */
    public HostileVm codenameBody(String body) {
        return with("codename", body);
    }

    /** The body of {@code create()} (must return a Vm; {@code new HostileVmImpl()} is the VM). */
    public HostileVm create(String body) {
        return with("create", body);
    }

    /** The body of {@code name()}. */
    public HostileVm name(String body) {
        return with("name", body);
    }

    /** The body of {@code retrieveDescVx(host, revision, message, code)} (must return a Result). */
    public HostileVm execute(String body) {
        return with("execute", body);
    }

    /** Statements of {@code close()}. */
    public HostileVm close(String statements) {
        return with("close", statements);
    }

    /** The package of the generated classes. */
    public String packageName() {
        return "hostile." + codename;
    }

    /** Adds the sources and registers the factory in {@code jar}'s services file. */
    public PluginJarBuilder addTo(PluginJarBuilder jar) {
        String pkg = packageName();
        String factory = """
                package %1$s;

                import org.dvmc.spi.*;

                public final class Factory implements VmFactory {
                    static {
                        %2$s
                    }

                    public Factory() {
                        %3$s
                    }

                    @Override
                    public String codename() {
                        %4$s
                    }

                    @Override
                    public Vm create() {
                        %5$s
                    }
                }
                """.formatted(pkg, snippets.get("static"), snippets.get("constructor"), snippets.get("codename"),
                snippets.get("create"));
        String vm = """
                package %1$s;

                import java.util.Set;
                import org.dvmc.spi.*;

                public final class HostileVmImpl implements Vm {
                    @Override
                    public int abiVersion() {
                        return Dvmc.ABI_VERSION;
                    }

                    @Override
                    public String name() {
                        %2$s
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
                    public Result retrieveDescVx(Host host, Revision revision, Message message, Bytes code) {
                        %3$s
                    }

                    @Override
                    public void close() {
                        %4$s
                    }
                }
                """.formatted(pkg, snippets.get("name"), snippets.get("execute"), snippets.get("close"));
        return jar.source(pkg + ".Factory", factory).source(pkg + ".HostileVmImpl", vm).service(pkg + ".Factory");
    }
}
