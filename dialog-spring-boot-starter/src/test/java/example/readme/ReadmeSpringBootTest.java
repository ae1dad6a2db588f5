package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" section shows the example application's beans and test and the boot-parent
 * application's POM as they are, and the versions it tells Spring Boot users to set are the build's own.
 */
class ReadmeSpringBootTest {
    private static final Path EXAMPLE = Path.of("../../dev/tgdialog/spring/example");
    private static final Path BOOT_PARENT_POM = Path.of("src/it/boot-parent-app/pom.xml");

    @Test
    void theReadmeShowsTheExamplesDialogBeans_andItsTest() throws IOException {
        ReadmeSnippets.assertShown(EXAMPLE.resolve("PizzaDialogs.java").toString(), "dialog beans");
        ReadmeSnippets.assertShown(EXAMPLE.resolve("PizzaConversationTest.java").toString(), "test slice");
    }

    @Test
    void theReadmeShowsTheBootParentApplicationsDependencies_andVersions() throws IOException {
        String pom = Files.readString(BOOT_PARENT_POM);
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme)
                .contains(xmlSnippet(pom, "bom"))
                .contains(xmlSnippet(pom, "dependencies"))
                .contains(xmlSnippet(pom, "versions"));
    }

    @Test
    void theVersionsSpringBootUsersSet_areTheBuilds_andTheBootParentApplicationChecksThem() throws IOException {
        String build = Files.readString(Path.of("../pom.xml"));
        String pom = Files.readString(BOOT_PARENT_POM);
        String test = Files.readString(
                Path.of("src/it/boot-parent-app/src/test/java/example/bootparent/GreeterApplicationTest.java"));

        for (String property : new String[] {"jedis.version", "kotlin.version"}) {
            String version = property(build, property);
            assertThat(property(pom, property)).as(property).isEqualTo(version);
            assertThat(test).as(property).contains("\"" + version + "\"");
        }
        assertThat(test).contains("\"" + property(build, "okhttp.version") + "\"");
    }

    /** The lines between {@code <!-- README: name -->} and the next end mark, without their indentation. */
    private static String xmlSnippet(String xml, String name) {
        String open = "<!-- README: " + name + " -->\n";
        int from = xml.indexOf(open) + open.length();
        int to = xml.lastIndexOf('\n', xml.indexOf("<!-- end -->", from));
        return xml.substring(from, to).stripIndent();
    }

    private static String property(String pom, String name) {
        Matcher value =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(value.find()).as(name + " in the POM").isTrue();
        return value.group(1);
    }
}
