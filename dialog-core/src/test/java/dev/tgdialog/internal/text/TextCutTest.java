package dev.tgdialog.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random well-formed texts in every parse mode, cut at every length: each cut parses and fits, without the net. */
class TextCutTest {
    private static final List<String> WORDS =
            List.of("a", "bc", "déf", "😀", "👨‍👩‍👧", "e\u0301", "🇫🇷", " ", "\n", "xyz");

    @Test
    void everyCutOfRandomHtml_parses_andFits() {
        Random random = new Random(12);
        for (int n = 0; n < 100; n++) {
            checkEveryCut(html(random, 3), "HTML");
        }
    }

    @Test
    void everyCutOfRandomMarkdownV2_parses_andFits() {
        Random random = new Random(34);
        for (int n = 0; n < 100; n++) {
            String text = switch (random.nextInt(6)) {
                case 0 -> ">" + v2(random, 3).replace("\n", "\n>") + "\nafter";
                case 1 -> "**>" + v2(random, 3).replace("\n", "\n>") + "||\nafter";
                default -> v2(random, 3);
            };
            checkEveryCut(text, "MarkdownV2");
        }
    }

    @Test
    void everyCutOfRandomLegacyMarkdown_parses_andFits() {
        Random random = new Random(56);
        for (int n = 0; n < 100; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                String inner = words(random)
                        .replace("_", "")
                        .replace("*", "")
                        .replace("`", "")
                        .replace("]", "");
                switch (random.nextInt(6)) {
                    case 0 -> text.append('*').append(inner).append('*');
                    case 1 -> text.append('_').append(inner).append('_');
                    case 2 -> text.append('`').append(inner).append('`');
                    case 3 -> text.append("```py\n").append(inner).append("```");
                    case 4 ->
                        text.append('[')
                                .append(inner)
                                .append("](https://x.example/")
                                .append(k)
                                .append(')');
                    default -> text.append(inner).append("\\_");
                }
            }
            checkEveryCut(text.toString(), "Markdown");
        }
    }

    private static void checkEveryCut(String text, String mode) {
        ParsedText parsed;
        try {
            parsed = Markup.parse(text, mode);
        } catch (MarkupException e) {
            throw new AssertionError(
                    "generated " + text.replace("\r", "\\r").replace("\n", "\\n") + ": " + e.getMessage());
        }
        String visible = parsed.visible();
        for (int limit = 1; limit < visible.length(); limit++) {
            int keep = TextCut.graphemeBoundary(visible, limit - 1);
            String cut = TextCut.rebuild(parsed, keep, mode);
            ParsedText again;
            try {
                again = Markup.parse(cut, mode);
            } catch (MarkupException e) {
                throw new AssertionError("cut of " + text + " at " + limit + " gave " + cut + ": " + e.getMessage());
            }
            assertThat(again.visible())
                    .as("cut of %s at %d: %s", text, limit, cut)
                    .isEqualTo(visible.substring(0, keep) + "…");
            assertThat(TextCut.cut(text, mode, limit)).isEqualTo(cut);
        }
    }

    private static String words(Random random) {
        StringBuilder out = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
            out.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return out.toString();
    }

    private static String html(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
            int choice = depth == 0 ? 0 : random.nextInt(9);
            switch (choice) {
                case 0 -> out.append(words(random));
                case 1 -> out.append("&amp;&lt;&#128512;&quot;");
                case 2 -> out.append("<b>").append(html(random, depth - 1)).append("</b>");
                case 3 -> out.append("<i>").append(html(random, depth - 1)).append("</I>");
                case 4 ->
                    out.append("<a href=\"https://x.example/?a=1&amp;b=2\">")
                            .append(html(random, depth - 1))
                            .append("</a>");
                case 5 ->
                    out.append("<pre><code class=\"language-java\">")
                            .append(words(random))
                            .append("</code></pre>");
                case 6 ->
                    out.append("<span class=\"tg-spoiler\">")
                            .append(html(random, depth - 1))
                            .append("</span>");
                case 7 -> out.append("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");
                default ->
                    out.append("<blockquote expandable>")
                            .append(html(random, depth - 1))
                            .append("</blockquote>");
            }
        }
        return out.toString();
    }

    private static String v2(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
            int choice = depth == 0 ? 0 : random.nextInt(10);
            switch (choice) {
                case 0 -> out.append(words(random));
                case 1 -> out.append("\\. \\\\ \\* \\_");
                // Spaces inside the markers keep "___" and "||||" out: Telegram reads those greedily.
                case 2 -> out.append("* ").append(v2(random, depth - 1)).append(" *");
                case 3 -> out.append("_ ").append(v2(random, depth - 1)).append(" _\r");
                case 4 -> out.append("__ ").append(v2(random, depth - 1)).append(" __");
                case 5 -> out.append("~ ").append(v2(random, depth - 1)).append(" ~");
                case 6 -> out.append("|| ").append(v2(random, depth - 1)).append(" ||");
                case 7 -> out.append('`').append(words(random)).append("\\``");
                case 8 -> out.append("[").append(v2(random, depth - 1)).append("](https://x.example/\\))");
                default -> out.append("```java\n").append(words(random)).append("```");
            }
        }
        return out.toString();
    }
}
