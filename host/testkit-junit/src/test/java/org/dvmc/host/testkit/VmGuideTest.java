package org.dvmc.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/VM_GUIDE.md honest: every {@code ```java} block compiles against the spi classes alone,
 * every {@code ```java testkit} block against the spi, the testkit, its JUnit adapter and JUnit, the
 * guide's minimal VM passes the conformance suite, and the guide's own tests pass.
 */
class VmGuideTest {

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:(?:final|abstract|sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final String MINIMAL_FACTORY = "com.example.minimal.MinimalVmFactory";

    /** A fenced block of the guide. */
    record Block(int line, String info, String text) {
        String sourceName() {
            Matcher type = TYPE.matcher(text);
            if (!type.find()) {
                fail("the ```" + info + " block at VM_GUIDE.md line " + line + " declares no top-level type; every"
                        + " ```java block must be a complete source file");
            }
            Matcher pkg = PACKAGE.matcher(text);
            return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
        }

        String className() {
            return sourceName().replace('/', '.').replaceFirst("\\.java$", "");
        }
    }

    static Path guide() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path guide = basedir.resolve("../../docs/VM_GUIDE.md").normalize();
        assertTrue(Files.isRegularFile(guide), "the VM guide should be at " + guide);
        return guide;
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i].stripTrailing());
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].stripTrailing().equals("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            blocks.add(new Block(start + 1, open.group(1).strip().toLowerCase(Locale.ROOT), text.toString()));
        }
        return blocks;
    }

    private static List<Block> blocksWithInfo(String info) throws IOException {
        return blocks(Files.readString(guide())).stream().filter(b -> b.info().equals(info)).toList();
    }

    /** Compiles {@code blocks} with exactly {@code classPath} into {@code output}; fails listing every error. */
    private static void compile(List<Block> blocks, List<Path> classPath, Path output) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> sources = blocks.stream().map(VmGuideTest::source).toList();
        String path = classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-classpath", path,
                "-d", output.toString());
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, sources).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(compiled && errors.isEmpty(), "VM_GUIDE.md code does not compile against " + path + ":\n"
                    + errors);
        }
    }

    private static JavaFileObject source(Block block) {
        URI uri = URI.create("string:///" + block.sourceName());
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                // Pad so compiler line numbers are the guide's line numbers.
                return "\n".repeat(block.line()) + block.text();
            }

            @Override
            public String getName() {
                return "VM_GUIDE.md[" + block.sourceName() + "]";
            }
        };
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> spiOnly() {
        return List.of(locationOf(Vm.class));
    }

    private static Path compileSpiBlocks(Path output) throws IOException {
        List<Block> java = blocksWithInfo("java");
        compile(java, spiOnly(), output);
        return output;
    }

    @Test
    void guideHoldsTheMinimalVmItsFactoryAndItsTests() throws IOException {
        List<String> spiClasses = blocksWithInfo("java").stream().map(Block::className).toList();
        assertTrue(spiClasses.contains("com.example.minimal.MinimalVm"), spiClasses.toString());
        assertTrue(spiClasses.contains(MINIMAL_FACTORY), spiClasses.toString());
        List<String> testClasses = blocksWithInfo("java testkit").stream().map(Block::className).toList();
        assertTrue(testClasses.contains("com.example.minimal.MinimalVmConformanceTest"), testClasses.toString());
    }

    @Test
    void javaBlocksCompileAgainstTheSpiAlone(@TempDir Path output) throws IOException {
        compileSpiBlocks(output);
        assertTrue(Files.isRegularFile(output.resolve("com/example/minimal/MinimalVm.class")));
    }

    @Test
    void servicesFileBlockNamesTheFactory() throws IOException {
        String guide = Files.readString(guide());
        assertTrue(guide.contains("META-INF/services/org.dvmc.spi.VmFactory"));
        assertTrue(blocksWithInfo("text").stream().anyMatch(b -> b.text().strip().equals(MINIMAL_FACTORY)),
                "a ```text block holding exactly the services file line " + MINIMAL_FACTORY);
    }

    @Test
    void minimalVmPassesTheConformanceSuite(@TempDir Path output) throws Exception {
        compileSpiBlocks(output);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
                getClass().getClassLoader())) {
            VmFactory factory = (VmFactory) loader.loadClass(MINIMAL_FACTORY).getConstructor().newInstance();
            assertEquals("minimal_vm", factory.codename());
            List<CheckResult> results = ConformanceSuite.forFactory(factory).run();
            assertTrue(CheckResult.allPassed(results),
                    results.stream().map(CheckResult::line).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void testkitBlocksCompileAndPass(@TempDir Path output) throws Throwable {
        compileSpiBlocks(output);
        List<Path> classPath = new ArrayList<>(spiOnly());
        classPath.add(output);
        classPath.add(locationOf(ConformanceSuite.class));
        classPath.add(locationOf(VmConformanceTest.class));
        classPath.add(locationOf(Test.class));
        classPath.add(locationOf(org.opentest4j.AssertionFailedError.class));
        classPath.add(locationOf(org.apiguardian.api.API.class));
        List<Block> tests = blocksWithInfo("java testkit");
        compile(tests, classPath, output);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
                getClass().getClassLoader())) {
            int ran = 0;
            for (Block block : tests) {
                ran += runTests(loader.loadClass(block.className()));
            }
            assertTrue(ran >= 3, "the guide's tests ran " + ran + " tests");
        }
    }

    /** Runs the {@code @Test} and {@code @TestFactory} methods of {@code type}, as JUnit would; returns how many. */
    private static int runTests(Class<?> type) throws Throwable {
        int ran = 0;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    method.setAccessible(true);
                    invoke(method, newInstance(type));
                    ran++;
                } else if (method.isAnnotationPresent(TestFactory.class)) {
                    method.setAccessible(true);
                    @SuppressWarnings("unchecked")
                    Stream<DynamicTest> dynamic = (Stream<DynamicTest>) invoke(method, newInstance(type));
                    for (DynamicTest test : dynamic.toList()) {
                        test.getExecutable().execute();
                        ran++;
                    }
                }
            }
        }
        return ran;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static Object invoke(Method method, Object target) throws Throwable {
        try {
            return method.invoke(target);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
