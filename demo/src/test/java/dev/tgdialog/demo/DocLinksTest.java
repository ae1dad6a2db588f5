package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The links of README.md and docs/*.md lead somewhere: a {@code #section} to a heading of the same page (as GitHub
 * names its anchors), a relative path to a file of the repository. Moving or renaming a section breaks no link
 * silently.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyLinkOfTheDocs_leadsToAHeadingOrAFile() throws Exception {
        List<Path> pages = new ArrayList<>(DocSnippetsTest.files("/docs/", ".md"));
        pages.add(Path.of("../README.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            String text = FENCE.matcher(Files.readString(page)).replaceAll("");
            Set<String> anchors =
                    HEADING.matcher(text).results().map(m -> anchor(m.group(1))).collect(Collectors.toSet());
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (SCHEME.matcher(target).lookingAt()) {
                    continue; // a web address, tg://, mailto: - not a place in this repository
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                if (file.isEmpty()) {
                    if (!anchors.contains(target.substring(1))) {
                        broken.add(page + ": " + target + " (no such heading)");
                    }
                } else if (!Files.exists(page.getParent().resolve(file))) {
                    broken.add(page + ": " + target + " (no such file)");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(40);
        assertThat(broken).isEmpty();
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }
}
