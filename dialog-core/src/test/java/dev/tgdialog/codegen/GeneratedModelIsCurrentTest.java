package dev.tgdialog.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when the committed generated model differs from what {@link BotApiGenerator} makes of the committed spec
 * facts. It only reads: regeneration is dialog-core's {@code regenerate} Maven profile (see dialog-core/CODEGEN.md).
 */
class GeneratedModelIsCurrentTest {

    private static final Path SRC_MAIN_JAVA = Path.of("src/main/java");
    private static final Path FACTS = Path.of("src/main/resources").resolve(BotApiGenerator.FACTS_RESOURCE);

    @Test
    void committedModel_equalsGeneratorOutput() throws IOException {
        Map<String, String> files = BotApiGenerator.generate(Files.readString(FACTS, StandardCharsets.UTF_8));

        List<String> problems = BotApiGenerator.compare(files, SRC_MAIN_JAVA);

        assertThat(problems)
                .as("generated model is stale; regenerate with: mvn -pl dialog-core -Pregenerate process-test-classes")
                .isEmpty();
    }

    @Test
    void javaKeywordFieldNames_getATrailingUnderscore() {
        assertThat(BotApiGenerator.javaName("class")).isEqualTo("class_");
        assertThat(BotApiGenerator.javaName("default")).isEqualTo("default_");
        assertThat(BotApiGenerator.javaName("is_video")).isEqualTo("isVideo");
    }
}
