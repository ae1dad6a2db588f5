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
 * facts. Also the regeneration entry point (see dialog-core/CODEGEN.md):
 * {@code -Dtgdialog.regenerate=true} writes the files instead, and {@code -Dtgdialog.importSpec=<api.json>} first
 * re-imports the facts from an upstream spec.
 */
class GeneratedModelIsCurrentTest {

    private static final Path SRC_MAIN_JAVA = Path.of("src/main/java");
    private static final Path FACTS = Path.of("src/main/resources").resolve(BotApiGenerator.FACTS_RESOURCE);

    @Test
    void committedModel_equalsGeneratorOutput() throws IOException {
        String importSpec = System.getProperty("tgdialog.importSpec", "");
        boolean regenerate = Boolean.getBoolean("tgdialog.regenerate");
        if (!importSpec.isBlank()) {
            Path api = Path.of(importSpec);
            if (!api.isAbsolute() && !Files.exists(api)) {
                // Maven runs tests in the module folder; the command is typed in the project root.
                api = Path.of("..").resolve(importSpec);
            }
            Files.writeString(FACTS, BotApiGenerator.importSpec(api), StandardCharsets.UTF_8);
        }
        Map<String, String> files = BotApiGenerator.generate(Files.readString(FACTS, StandardCharsets.UTF_8));
        if (regenerate) {
            BotApiGenerator.write(files, SRC_MAIN_JAVA);
        }
        List<String> problems = BotApiGenerator.compare(files, SRC_MAIN_JAVA);
        assertThat(problems)
                .as("generated model is stale; regenerate with: mvn -pl dialog-core test"
                        + " -Dtest=GeneratedModelIsCurrentTest -Dtgdialog.regenerate=true")
                .isEmpty();
    }

    @Test
    void javaKeywordFieldNames_getATrailingUnderscore() {
        assertThat(BotApiGenerator.javaName("class")).isEqualTo("class_");
        assertThat(BotApiGenerator.javaName("default")).isEqualTo("default_");
        assertThat(BotApiGenerator.javaName("is_video")).isEqualTo("isVideo");
    }
}
