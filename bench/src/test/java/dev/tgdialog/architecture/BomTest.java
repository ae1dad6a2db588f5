package dev.tgdialog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code dialog-bom} against the build: it has no parent (a project importing it must not get the parent's pins of
 * Gson, OkHttp or JUnit), so nothing but this test keeps its version and its list of modules in step with the build.
 * Read from the poms on disk; the bench runs with its own folder as the working directory.
 */
class BomTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theBom_hasNoParent_andTheBuildsVersion() throws Exception {
        Element bom = pom(ROOT.resolve("dialog-bom/pom.xml"));
        Element parent = pom(ROOT.resolve("pom.xml"));

        assertThat(child(bom, "parent")).isNull();
        assertThat(text(bom, "packaging")).isEqualTo("pom");
        assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
    }

    @Test
    void theBom_managesEveryPublishedModule_andNoOther() throws Exception {
        Map<String, String> managed = managed(pom(ROOT.resolve("dialog-bom/pom.xml")));
        Set<String> published = new TreeSet<>();
        Set<String> unpublished = new TreeSet<>();
        for (Element module : children(child(pom(ROOT.resolve("pom.xml")), "modules"), "module")) {
            Element pom = pom(ROOT.resolve(module.getTextContent().strip()).resolve("pom.xml"));
            String artifactId = text(pom, "artifactId");
            if (artifactId.equals("dialog-bom")) {
                continue;
            }
            (deploySkipped(pom) ? unpublished : published).add(artifactId);
        }

        assertThat(published).contains("dialog-core", "dialog-widgets");
        assertThat(unpublished).contains("dialog-demo", "dialog-bench");
        // Modules of branches not merged yet may be listed before they exist; a published module must be listed.
        assertThat(managed.keySet()).containsAll(published).doesNotContainAnyElementsOf(unpublished);
        assertThat(managed)
                .allSatisfy((artifactId, coordinates) ->
                        assertThat(coordinates).as(artifactId).isEqualTo("dev.tgdialog:${project.version}"));
    }

    /** Each managed artifact with its groupId and version; scope, type and classifier would show as extra parts. */
    private static Map<String, String> managed(Element bom) {
        Map<String, String> managed = new TreeMap<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            StringBuilder rest = new StringBuilder(text(dependency, "groupId") + ":" + text(dependency, "version"));
            for (String extra : List.of("scope", "type", "classifier", "exclusions")) {
                if (child(dependency, extra) != null) {
                    rest.append(" ").append(extra);
                }
            }
            managed.put(text(dependency, "artifactId"), rest.toString());
        }
        return managed;
    }

    private static boolean deploySkipped(Element pom) {
        Element properties = child(pom, "properties");
        Element skip = properties == null ? null : child(properties, "maven.deploy.skip");
        return skip != null && skip.getTextContent().strip().equals("true");
    }

    private static Element pom(Path file) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        assertThat(e).as(name).isNotNull();
        return e.getTextContent().strip();
    }
}
