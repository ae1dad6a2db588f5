package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The check that the README shows a snippet of a test file as it is, so the compiled code and the README agree. */
final class ReadmeSnippets {
    private ReadmeSnippets() {}

    /** Asserts that README.md holds the lines of {@code testFile} between {@code // --- README: <name> ---} and the end mark. */
    static void assertShown(String testFile, String name) throws IOException {
        String source = Files.readString(Path.of("src/test/java/example/readme/" + testFile));
        String open = "// --- README: " + name + " ---\n";
        int from = source.indexOf(open) + open.length();
        int to = source.lastIndexOf('\n', source.indexOf("// --- end ---", from));

        assertThat(Files.readString(Path.of("../README.md")))
                .contains(source.substring(from, to).stripIndent());
    }
}
