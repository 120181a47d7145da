package org.dvmc.host.loader.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source strings in memory with the JDK's compiler ({@link ToolProvider#getSystemJavaCompiler()}).
 *
 * <p>Results are cached per (sources, classpath), so tests that build the same fixture many times pay
 * for one compilation. Thread-safe.
 */
public final class InMemoryCompiler {

    private static final Map<String, Map<String, byte[]>> CACHE = new ConcurrentHashMap<>();

    private static StandardJavaFileManager sharedFileManager;

    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} against {@code classpath}.
     *
     * @param sources   binary class name → source text, e.g. {@code "fixture.Factory" → "package fixture; ..."}
     * @param classpath jars and class directories to compile against
     * @return binary class name → class file bytes, including nested and secondary classes; immutable
     * @throws IllegalStateException with the compiler's diagnostics if compilation fails, or if the
     *                               JVM has no compiler (a JRE rather than a JDK)
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, List<Path> classpath) {
        String key = new TreeMap<>(sources) + "|" + classpath;
        return CACHE.computeIfAbsent(key, unused -> doCompile(sources, classpath));
    }

    // Sharing one standard file manager keeps javac's cache of the JDK's own classes between
    // compilations, which is most of a small compilation's cost; it is not thread-safe, hence the lock.
    private static synchronized Map<String, byte[]> doCompile(Map<String, String> sources, List<Path> classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM; run the tests on a JDK");
        }
        if (sharedFileManager == null) {
            sharedFileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> output = new TreeMap<>();
        JavaFileManager manager = new CapturingFileManager(sharedFileManager, output);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SourceString(name, text)));
        List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-classpath",
                classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        boolean ok = compiler.getTask(null, manager, diagnostics, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("fixture sources do not compile:\n" + diagnostics.getDiagnostics()
                    .stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        Map<String, byte[]> classes = new TreeMap<>();
        output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return Map.copyOf(classes);
    }

    private static final class SourceString extends SimpleJavaFileObject {
        private final String text;

        SourceString(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassBytes extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes;

        ClassBytes(String className, ByteArrayOutputStream bytes) {
            super(URI.create("bytes:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.bytes = bytes;
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    private static final class CapturingFileManager extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ByteArrayOutputStream> output;

        CapturingFileManager(JavaFileManager delegate, Map<String, ByteArrayOutputStream> output) {
            super(delegate);
            this.output = output;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            output.put(className, bytes);
            return new ClassBytes(className, bytes);
        }
    }
}
