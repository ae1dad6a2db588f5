package dev.tgdialog.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MarkupTest {

    private static String visible(String text, @Nullable String parseMode) {
        return Markup.parse(text, parseMode).visible();
    }

    private static void refused(String text, String parseMode, String description) {
        assertThatThrownBy(() -> Markup.parse(text, parseMode))
                .isInstanceOf(MarkupException.class)
                .hasMessage(description);
    }

    @Test
    void html_showsTextWithoutTags_andDecodesEntities() {
        assertThat(visible("<b>bold <I>it</I></b> &lt;&gt;&amp;&quot; &#65;&#x42; &copy; & x", "HTML"))
                .isEqualTo("bold it <>&\" AB &copy; & x");
        assertThat(visible(
                        "<a href='https://x.example/?a=1&amp;b=2'>link</a><tg-spoiler>s</tg-spoiler>"
                                + "<span class=\"tg-spoiler\">p</span><pre><code class=\"language-c\">x</code></pre>"
                                + "<blockquote expandable>q</blockquote><tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>",
                        "HTML"))
                .isEqualTo("linkspxq👍");
        assertThat(visible("<b>a</>", "HTML")).isEqualTo("a");
    }

    @Test
    void html_refusesBrokenMarkup_asTheServerWordsIt() {
        refused("<b>bold", "HTML", "Can't find end tag corresponding to start tag \"b\"");
        refused("é<foo>x</foo>", "HTML", "Unsupported start tag \"foo\" at byte offset 2");
        refused("a < b", "HTML", "Unsupported start tag \"\" at byte offset 2");
        refused("text <b", "HTML", "Unclosed start tag at byte offset 5");
        refused("</b>", "HTML", "Unexpected end tag at byte offset 0");
        refused("<b><i>x</b></i>", "HTML", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
        refused("<span>x</span>", "HTML", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0");
        refused("<b />", "HTML", "Empty attribute name in the tag \"b\" at byte offset 0");
        refused("<tg-emoji emoji-id=\"abc\">👍</tg-emoji>", "HTML", "Invalid custom emoji identifier specified");
        refused(
                "&#55357;",
                "HTML",
                "Text contains invalid Unicode characters after decoding HTML entities, check for "
                        + "unmatched surrogate code units");
    }

    @Test
    void markdownV2_showsTextWithoutMarkers_andUnescapes() {
        assertThat(visible("*b* _i_ __u__ ~s~ ||p|| `c\\`` [l](https://x.example/\\)) \\. \\\\", "MarkdownV2"))
                .isEqualTo("b i u s p c` l . \\");
        assertThat(visible("```java\nint x;\n```", "MarkdownV2")).isEqualTo("int x;\n");
        assertThat(visible(">quote\n>more\nafter", "MarkdownV2")).isEqualTo("quote\nmore\nafter");
        assertThat(visible("**>quote\n>more||\nafter", "MarkdownV2")).isEqualTo("quote\nmore\nafter");
        assertThat(visible("![👍](tg://emoji?id=5368324170671202286)", "MarkdownV2"))
                .isEqualTo("👍");
    }

    @Test
    void markdownV2_refusesBrokenMarkup_asTheServerWordsIt() {
        refused("Price: 5.00", "MarkdownV2", "Character '.' is reserved and must be escaped with the preceding '\\'");
        refused("a - b", "MarkdownV2", "Character '-' is reserved and must be escaped with the preceding '\\'");
        refused("ü *bold", "MarkdownV2", "Can't find end of Bold entity at byte offset 3");
        // "__" always reads as underline, so the italic's "_" and the underline's "__" run into a new underline.
        refused("__u _i__", "MarkdownV2", "Can't find end of Underline entity at byte offset 6");
        refused("[a](https://x", "MarkdownV2", "Can't find end of a URL at byte offset 4");
        refused("a > b", "MarkdownV2", "Character '>' is reserved and must be escaped with the preceding '\\'");
        refused(">q *b\nc*", "MarkdownV2", "Can't find end of Bold entity at byte offset 3");
        refused("![x](https://x.example)", "MarkdownV2", "Invalid tg://emoji or tg://time URL specified");
    }

    @Test
    void legacyMarkdown_showsTextWithoutMarkers_andRefusesAnUnclosedOne() {
        assertThat(visible("*b* _i_ `c` ```py\nx``` [l](https://x.example) \\_ 1.5 - (x)", "Markdown"))
                .isEqualTo("b i c x l _ 1.5 - (x)");
        assertThat(visible("*a_b*", "Markdown")).isEqualTo("a_b");
        refused("ü *bold", "Markdown", "Can't find end of the entity starting at byte offset 3");
    }

    @Test
    void plainText_andUnknownModes_areShownAsTheyAre() {
        assertThat(visible("<b>*x*</b>", null)).isEqualTo("<b>*x*</b>");
        assertThat(visible("<b>*x*</b>", "")).isEqualTo("<b>*x*</b>");
    }

    @Test
    void escape_makesAnyTextShowAsItIs() {
        String text = "a<b>&c *d_e* [f](g) `h` 1.5 - \\ ~|>#+={}!";
        for (String mode : new String[] {"HTML", "MarkdownV2"}) {
            assertThat(visible(Markup.escape(text, mode), mode)).isEqualTo(text);
        }
        assertThat(visible(Markup.escape("*d_e* [f `h", "Markdown"), "Markdown"))
                .isEqualTo("*d_e* [f `h");
    }
}
