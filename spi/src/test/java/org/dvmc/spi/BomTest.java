package org.dvmc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The BOM ({@code bom/pom.xml}) pins every published jar of the build at the project's version: every module
 * that packages a jar and is deployed is listed, and nothing else; and every such jar names its module.
 */
class BomTest {

    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern PACKAGING = Pattern.compile("<packaging>([^<]+)</packaging>");

    private static Path root() {
        return Path.of(System.getProperty("dvmc.root"));
    }

    /** The module's own artifactId: the first one after its parent section. */
    private static String artifactIdOf(String pom) {
        int parentEnd = pom.indexOf("</parent>");
        Matcher matcher = ARTIFACT_ID.matcher(pom);
        assertTrue(matcher.find(Math.max(parentEnd, 0)), "an artifactId in " + pom);
        return matcher.group(1);
    }

    /** The artifactIds of the published jars; fails naming any whose pom gives its jar no Automatic-Module-Name. */
    private static Set<String> publishedJars() throws IOException {
        Set<String> published = new TreeSet<>();
        try (Stream<Path> poms = Files.walk(root())) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                String relative = root().relativize(pom).toString();
                if (relative.contains("target/") || relative.startsWith("docs/") || relative.contains("archetype-resources")) {
                    continue;
                }
                String text = Files.readString(pom);
                Matcher packaging = PACKAGING.matcher(text);
                boolean jar = !packaging.find() || packaging.group(1).equals("jar");
                if (jar && !text.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                    published.add(artifactIdOf(text));
                    assertTrue(text.contains("<Automatic-Module-Name>"), relative + " publishes a jar without an"
                            + " Automatic-Module-Name in its manifest");
                }
            }
        }
        return published;
    }

    @Test
    void theBomListsEveryPublishedJarAtTheProjectVersion() throws IOException {
        String bom = Files.readString(root().resolve("bom/pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
        Set<String> listed = new TreeSet<>();
        Matcher matcher = ARTIFACT_ID.matcher(managed);
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        assertEquals(publishedJars(), listed, "bom/pom.xml must list exactly the published jars");
        assertTrue(publishedJars().containsAll(Set.of("dvmc-spi", "dvmc-testkit", "dvmc-testkit-junit", "dvmc-loader")));
        assertTrue(bom.contains("<artifactId>dvmc-bom</artifactId>\n  <version>" + System.getProperty("dvmc.spi.version")
                + "</version>"), "the BOM's version must be the project's, " + System.getProperty("dvmc.spi.version"));
    }
}
