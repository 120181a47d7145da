package org.dvmc.host.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dvmc.host.loader.testing.InMemoryCompiler;
import org.dvmc.host.loader.testing.PluginJarBuilder;
import org.dvmc.host.testkit.MockedHost;
import org.junit.jupiter.api.Test;

/** docs/HOST_GUIDE.md's complete example compiles, and runs as the guide says, against the real trans_log jar. */
class HostGuideExampleTest extends LoaderTestSupport {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public final class (\\w+)");

    @Test
    void theCompleteExampleCompilesAndPrintsWhatTheGuideSays() throws Exception {
        String source = completeExample();
        Matcher className = CLASS_NAME.matcher(source);
        assertTrue(className.find(), "the example declares a public final class");

        Map<String, byte[]> classes = InMemoryCompiler.compile(Map.of(className.group(1), source), List.of(
                PluginJarBuilder.locationOf(VmLoader.class), PluginJarBuilder.spiLocation(),
                PluginJarBuilder.locationOf(MockedHost.class)));

        copyTransLogJar(plugins);
        String printed = runMain(classes, className.group(1), plugins.toString());

        assertEquals(List.of(
                "found trans_log in plugin trans_log 1.0.0 (" + plugins.resolve("trans-log-1.0.0.jar") + ")",
                "Result:   success",
                "Gas used: 6",
                "Output:   000000000000000000000000c9ea7ed000000000000000000000000000000001"), printed.lines().toList());
    }

    /** The one ```java block of the guide that is a whole class. */
    private static String completeExample() throws IOException {
        Path guide = Path.of(System.getProperty("dvmc.hostGuide", "../../docs/HOST_GUIDE.md"));
        String markdown = Files.readString(guide);
        Matcher block = JAVA_BLOCK.matcher(markdown);
        String found = null;
        while (block.find()) {
            if (block.group(1).contains("public static void main")) {
                assertNull(found, "only one complete example in " + guide);
                found = block.group(1);
            }
        }
        assertNotNull(found, "a ```java block with a main method in " + guide);
        return found;
    }

    private static String runMain(Map<String, byte[]> classes, String className, String argument) throws Exception {
        ClassLoader loader = new ClassLoader(HostGuideExampleTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method main = loader.loadClass(className).getMethod("main", String[].class);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[] {argument});
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
