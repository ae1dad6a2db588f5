package dev.tgdialog.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.internal.text.Markup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final String FAMILY = "👨‍👩‍👧‍👦"; // four people joined by ZWJ: 11 UTF-16 units, one grapheme

    private static String visible(String text, @Nullable String parseMode) {
        return Markup.parse(text, parseMode).visible();
    }

    /** Cuts, then checks what every cut must be: valid in its mode, within the limit, whole characters, "…" last. */
    private static String cut(String text, @Nullable String parseMode, int limit) {
        String cut = Limits.cut(text, parseMode, limit);
        String shown = visible(cut, parseMode); // throws when the markup is broken
        assertThat(shown.length()).isLessThanOrEqualTo(limit);
        assertThat(shown).endsWith("…");
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1)))
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("lone low surrogate at %d", i)
                        .isFalse();
            }
        }
        return cut;
    }

    @Test
    void aTextThatFits_isReturnedUnchanged_countingOnlyWhatIsShown() {
        assertThat(Limits.cut("hello", null, 5)).isEqualTo("hello");
        String html = "<b>" + "a".repeat(4000) + "</b>" + "&amp;".repeat(96);
        assertThat(html.length()).isGreaterThan(Limits.MESSAGE_TEXT);
        assertThat(Limits.cut(html, "HTML", Limits.MESSAGE_TEXT)).isSameAs(html);
        String v2 = "\\.".repeat(4096);
        assertThat(Limits.cut(v2, "MarkdownV2", Limits.MESSAGE_TEXT)).isSameAs(v2);
    }

    @Test
    void threeThousandEmoji_areCutBetweenTwoEmoji() {
        String cut = cut("😀".repeat(3000), null, Limits.MESSAGE_TEXT);

        assertThat(cut).isEqualTo("😀".repeat(2047) + "…");
    }

    @Test
    void anOddLimit_neverSplitsASurrogatePair() {
        assertThat(cut("😀".repeat(10), null, 6)).isEqualTo("😀😀…");
        assertThat(cut("😀".repeat(10), null, 7)).isEqualTo("😀😀😀…");
    }

    @Test
    void aZwjFamily_isKeptWholeOrLeftOut() {
        String text = ("ab" + FAMILY).repeat(20);

        // "ab" + 11 units + "ab" = 15; a limit of 20 leaves 19 for text, which ends inside the second family.
        assertThat(cut(text, null, 20)).isEqualTo("ab" + FAMILY + "ab…");
        assertThat(cut(text, null, 27)).isEqualTo("ab" + FAMILY + "ab" + FAMILY + "…");
        assertThat(cut(FAMILY.repeat(3), null, 5)).isEqualTo("…");
    }

    @Test
    void combiningAccents_stayWithTheirLetter() {
        String text = "e\u0301\u0323".repeat(10); // e with acute and dot below: three units, one grapheme

        assertThat(cut(text, null, 8)).isEqualTo("e\u0301\u0323".repeat(2) + "…");
    }

    @Test
    void flagsAndSkinTones_stayWhole() {
        assertThat(cut("🇺🇸🇫🇷🇩🇪🇯🇵", null, 7)).isEqualTo("🇺🇸…");
        assertThat(cut("👍🏽👍🏽👍🏽", null, 6)).isEqualTo("👍🏽…");
    }

    @Test
    void html_closesNestedTagsAfterTheCut() {
        String text = "<b>bold <i>italic <a href=\"https://x.example/?a=1&amp;b=2\">link text</a> more</i></b> tail";

        assertThat(cut(text, "HTML", 17))
                .isEqualTo("<b>bold <i>italic <a href=\"https://x.example/?a=1&amp;b=2\">link…</a></i></b>");
        assertThat(cut(text, "HTML", 20))
                .isEqualTo("<b>bold <i>italic <a href=\"https://x.example/?a=1&amp;b=2\">link te…</a></i></b>");
        // The italic tag right at the cut would hold only the "…", so it is left out.
        assertThat(cut(text, "html", 6)).isEqualTo("<b>bold …</b>");
    }

    @Test
    void html_neverSplitsAnEntity_andCountsItAsOneCharacter() {
        String text = "a&amp;b&lt;c&#128512;d&quot;e" + "x".repeat(20);

        // Visible: a & b < c 😀 d " e: the limit falls inside the emoji reference, which is dropped whole.
        assertThat(cut(text, "HTML", 7)).isEqualTo("a&amp;b&lt;c…");
        assertThat(cut(text, "HTML", 8)).isEqualTo("a&amp;b&lt;c&#128512;…");
        assertThat(cut(text, "HTML", 9)).isEqualTo("a&amp;b&lt;c&#128512;d…");
        assertThat(cut(text, "HTML", 4)).isEqualTo("a&amp;b…");
    }

    @Test
    void html_preWithCode_andATagOpenedRightAtTheCut() {
        String text = "<pre><code class=\"language-java\">int x = 1;</code></pre><b>" + "y".repeat(20) + "</b>";

        assertThat(cut(text, "HTML", 6)).isEqualTo("<pre><code class=\"language-java\">int x…</code></pre>");
        // The cut falls right after the pre block: the bold tag would hold only the "…", so it is left out.
        assertThat(cut(text, "HTML", 11)).isEqualTo("<pre><code class=\"language-java\">int x = 1;…</code></pre>");
    }

    @Test
    void markdownV2_neverSplitsAnEscape_andClosesNestedMarkers() {
        String text = "*bold \\. _italic ~strike \\* ||spoiler " + "z".repeat(30) + "||~_*";

        String cut = cut(text, "MarkdownV2", 27);
        assertThat(cut).isEqualTo("*bold \\. _italic ~strike \\* ||spo…||~_*");
        assertThat(cut(text, "MarkdownV2", 7)).isEqualTo("*bold \\.…*");
        assertThat(cut(text, "MarkdownV2", 6)).isEqualTo("*bold …*");
    }

    @Test
    void markdownV2_italicInsideUnderline_isClosedUnambiguously() {
        String text = "__under _italic " + "q".repeat(30) + "_\r__";

        assertThat(cut(text, "MarkdownV2", 13)).isEqualTo("__under _italic…_**__");
    }

    @Test
    void markdownV2_linkAndCodeAndBlockQuote() {
        assertThat(cut("[a link text](https://x.example/\\)) after", "MarkdownV2", 5))
                .isEqualTo("[a li…](https://x.example/\\))");
        assertThat(cut("`code \\` " + "c".repeat(20) + "`", "MarkdownV2", 8)).isEqualTo("`code \\` …`");
        assertThat(cut("```java\nint x;\n" + "c".repeat(20) + "```", "MarkdownV2", 5))
                .isEqualTo("```java\nint …```");
        assertThat(cut(">quote *bold\n>more " + "m".repeat(20) + "*", "MarkdownV2", 12))
                .isEqualTo(">quote *bold\n>…*");
    }

    @Test
    void legacyMarkdown_closesItsEntity() {
        assertThat(cut("*bold " + "b".repeat(20) + "* tail", "Markdown", 5)).isEqualTo("*bold…*");
        assertThat(cut("[link " + "l".repeat(20) + "](https://x.example) tail", "Markdown", 4))
                .isEqualTo("[lin…](https://x.example)");
        assertThat(cut("a\\_b\\_c" + "d".repeat(20), "Markdown", 4)).isEqualTo("a\\_b…");
    }

    @Test
    void brokenMarkup_isReturnedUnchanged_soTelegramNamesTheMistake() {
        String broken = "<b>" + "x".repeat(5000);

        assertThat(Limits.cut(broken, "HTML", Limits.MESSAGE_TEXT)).isSameAs(broken);
    }

    @Test
    void aLimitBelowOne_isRefused() {
        assertThatThrownBy(() -> Limits.cut("abc", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
