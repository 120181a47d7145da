package org.dvmc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Dvmc#ABI_VERSION} is the one source of the ABI number: the build's {@code dvmc.abi.version}
 * property (which plugin manifests' {@code Dvmc-Abi-Version} is written from) must equal it, the project
 * version must be a {@code dvmc-spi} of {@link Dvmc#SPI_MAJOR_VERSION}, and every place the documents state
 * the number must state this one.
 */
class AbiVersionSourcesTest {

    /** The forms in which the documents state the ABI version of this spi (not the "11" of mismatch examples). */
    private static final List<Pattern> STATEMENTS = List.of(
            Pattern.compile("Dvmc-Abi-Version: (\\d+)"),
            Pattern.compile("<Dvmc-Abi-Version>(\\d+)</Dvmc-Abi-Version>"),
            Pattern.compile("ABI_VERSION`? \\((\\d+)"),
            Pattern.compile("speaks (?:ABI (?:version )?)?(\\d+)"),
            Pattern.compile("the spi of ABI version (\\d+)"),
            Pattern.compile("\\(ABI version (\\d+)"),
            Pattern.compile("ABI (\\d+) runs on every host speaking ABI (\\d+)"));

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), "system property " + name + " is set by the build (spi/pom.xml)");
        return value;
    }

    @Test
    void theBuildPropertyIsTheConstant() {
        assertEquals(Integer.toString(Dvmc.ABI_VERSION), property("dvmc.abi.version"),
                "the parent pom's dvmc.abi.version must equal Dvmc.ABI_VERSION");
        assertEquals("Dvmc-Abi-Version", Dvmc.ABI_VERSION_MANIFEST_ATTRIBUTE);
    }

    @Test
    void theSpiVersionFollowsTheVersioningRule() {
        String version = property("dvmc.spi.version");
        assertTrue(version.startsWith(Dvmc.SPI_MAJOR_VERSION + "."), "dvmc-spi " + version + " declares ABI version "
                + Dvmc.ABI_VERSION + ", which belongs to dvmc-spi " + Dvmc.SPI_MAJOR_VERSION + ".x");
        assertEquals("the spi of ABI version " + Dvmc.ABI_VERSION + " (dvmc-spi " + Dvmc.SPI_MAJOR_VERSION + ".x)",
                Dvmc.SPI_OF_THIS_ABI);
    }

    @Test
    void theDocumentsStateTheConstant() throws IOException {
        Path root = Path.of(property("dvmc.root"));
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CHANGELOG.md"),
                root.resolve("vms/trans_log/README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).forEach(documents::add);
        }
        List<String> wrong = new ArrayList<>();
        int statements = 0;
        for (Path document : documents) {
            String[] lines = Files.readString(document).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("reject")) {
                    continue; // examples of jars the host rejects state other numbers on purpose
                }
                for (Pattern statement : STATEMENTS) {
                    Matcher matcher = statement.matcher(lines[i]);
                    while (matcher.find()) {
                        for (int group = 1; group <= matcher.groupCount(); group++) {
                            statements++;
                            if (Integer.parseInt(matcher.group(group)) != Dvmc.ABI_VERSION) {
                                wrong.add(root.relativize(document) + ":" + (i + 1) + ": " + lines[i].strip());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "these lines state another ABI version than " + Dvmc.ABI_VERSION + ":\n"
                + String.join("\n", wrong));
        assertTrue(statements >= 10, "the documents state the ABI version " + statements + " times; the patterns"
                + " of this test no longer find them");
    }
}
