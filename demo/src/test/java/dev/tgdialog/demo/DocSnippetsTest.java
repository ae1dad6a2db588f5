package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every Java snippet of README.md and docs/ is code a test compiles and runs: each must appear, as it is shown, in a
 * region of some module's sources (a test, or main code a test runs, such as the demo's) marked {@code // --- README: <name> ---} ... {@code // --- end ---} (or, part
 * by part between its blank lines, in several). A snippet edited in the docs alone, or a test's code changed without
 * its snippet, fails here.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern REGION =
            Pattern.compile("(?m)^[ \\t]*// --- README: [^\\n]*---\\n(.*?)^[ \\t]*// --- end ---", Pattern.DOTALL);

    @Test
    void everyJavaSnippetOfTheDocs_isInAMarkedRegionOfATest() throws IOException {
        List<String> regions = new ArrayList<>();
        List<Path> sources = new ArrayList<>(files("/src/test/java/", ".java"));
        sources.addAll(files("/src/main/java/", ".java"));
        for (Path test : sources) {
            Matcher m = REGION.matcher(Files.readString(test));
            while (m.find()) {
                // Without its last line break: stripIndent counts an empty last line as one of no indentation.
                regions.add(m.group(1).stripTrailing().stripIndent());
            }
        }
        List<Path> docs = new ArrayList<>(files("/docs/", ".md"));
        docs.add(ROOT.resolve("README.md"));
        List<String> unmatched = new ArrayList<>();
        int snippets = 0;
        for (Path doc : docs) {
            String text = Files.readString(doc);
            Matcher m = SNIPPET.matcher(text);
            while (m.find()) {
                snippets++;
                String snippet = m.group(1).stripTrailing();
                // A snippet may join regions at its blank lines (the README's first dialog: its imports, the
                // dialog, the bot), so each part between blank lines is looked for on its own.
                boolean shown = Stream.of(snippet.split("\n\n"))
                        .allMatch(part -> regions.stream().anyMatch(r -> r.contains(part)));
                if (!shown) {
                    int line = (int) text.substring(0, m.start()).lines().count() + 1;
                    unmatched.add(ROOT.relativize(doc) + ":" + line + " "
                            + snippet.lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(snippets).as("Java snippets found in the docs").isGreaterThan(15);
        assertThat(unmatched).as("snippets no test region holds as shown").isEmpty();
    }

    /** The project's files under a folder named like {@code part} that end with {@code suffix}, build output aside. */
    static List<Path> files(String part, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> {
                        String s = p.toString();
                        return s.endsWith(suffix)
                                && s.contains(part)
                                && !s.contains("/target/")
                                && !s.contains("/.git/");
                    })
                    .toList();
        }
    }
}
