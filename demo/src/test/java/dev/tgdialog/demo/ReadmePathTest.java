package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md reads as a newcomer's path (issue 21): what tgdialog is, then a first bot and its test, widgets, stores,
 * receiving updates and the platform features, with performance, reliability and status at the end; no figure of the
 * benchmark before the first bot.
 */
class ReadmePathTest {
    private static final List<String> PATH = List.of(
            "Your first bot",
            "Testing it",
            "Widgets at a glance",
            "A widget of your own",
            "Stores: in memory, then Redis",
            "Receiving updates",
            "Spring Boot",
            "Commands",
            "Deep links",
            "Payments",
            "Inline mode",
            "Mini Apps, website login, stickers and albums",
            "Reliability",
            "Performance",
            "Status");

    @Test
    void theSections_comeInTheNewcomersOrder_andNoFigureComesBeforeTheFirstBot() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> headings = Pattern.compile("(?m)^## (.+)$")
                .matcher(readme)
                .results()
                .map(m -> m.group(1).strip())
                .toList();

        assertThat(headings).containsSubsequence(PATH);
        String opening = readme.substring(0, readme.indexOf("\n## "));
        assertThat(opening).doesNotContainPattern("updates/s|µs|× Telegraf|\\d+(\\.\\d+)?k\\b");
    }
}
