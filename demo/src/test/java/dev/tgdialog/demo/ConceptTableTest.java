package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/coming-from.md names tgdialog's API in its tables' second column; this fails when a name there is no longer in
 * the code (a class renamed, a method gone), so the page cannot drift from the API unnoticed.
 */
class ConceptTableTest {

    private static final Pattern NAME = Pattern.compile("@?([A-Z][A-Za-z0-9]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");

    @Test
    void everyTgdialogNameInTheConceptTable_isInTheCode() throws IOException {
        Map<String, String> sources = sources();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("../docs/coming-from.md"))) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| ") || cells.length < 4 || cells[2].isBlank() || cells[2].contains("---")) {
                continue;
            }
            Matcher code = Pattern.compile("`([^`]+)`").matcher(cells[2]);
            while (code.find()) {
                Matcher name = NAME.matcher(code.group(1));
                if (!name.lookingAt()) {
                    continue;
                }
                checked++;
                String source = sources.get(name.group(1));
                if (source == null) {
                    missing.add(name.group() + " (no class " + name.group(1) + ")");
                    continue;
                }
                for (String member : name.group(2).split("\\.")) {
                    if (!member.isEmpty()
                            && !Pattern.compile("\\b" + member + "\\b")
                                    .matcher(source)
                                    .find()) {
                        missing.add(name.group() + " (no " + member + " in " + name.group(1) + ")");
                    }
                }
            }
        }
        assertThat(checked).as("names checked").isGreaterThan(50);
        assertThat(missing)
                .as("names in docs/coming-from.md that the code does not have")
                .isEmpty();
    }

    /** Every main source file of the project's modules by its class name. */
    private static Map<String, String> sources() throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (Path f : DocSnippetsTest.files("/src/main/java/", ".java")) {
            String file = f.getFileName().toString();
            byName.merge(file.substring(0, file.length() - ".java".length()), Files.readString(f), String::concat);
        }
        return byName;
    }
}
