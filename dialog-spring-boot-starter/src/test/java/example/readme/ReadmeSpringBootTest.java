package example.readme;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Spring Boot" section shows the example application's beans and test as they are. */
class ReadmeSpringBootTest {
    private static final Path EXAMPLE = Path.of("../../dev/tgdialog/spring/example");

    @Test
    void theReadmeShowsTheExamplesDialogBeans_andItsTest() throws IOException {
        ReadmeSnippets.assertShown(EXAMPLE.resolve("PizzaDialogs.java").toString(), "dialog beans");
        ReadmeSnippets.assertShown(EXAMPLE.resolve("PizzaConversationTest.java").toString(), "test slice");
    }
}
