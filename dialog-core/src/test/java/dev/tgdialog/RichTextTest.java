package dev.tgdialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.internal.text.Markup;
import org.junit.jupiter.api.Test;

/** {@link RichText} written in each parse mode: what Telegram's parser makes of it, and what it refuses to write. */
class RichTextTest {
    private static final RichText SAMPLE = RichText.of("a_b *c* ")
            .bold("bold")
            .text(" ")
            .italic("it")
            .text(" ")
            .code("x")
            .text(" ")
            .link("here", "https://example.org/");

    @Test
    void legacyMarkdown_writesStylesAndEscapesPlainParts() {
        String written = SAMPLE.in("Markdown");

        assertThat(written).isEqualTo("a\\_b \\*c\\* *bold* _it_ `x` [here](https://example.org/)");
        assertThat(Markup.parse(written, "Markdown").visible()).isEqualTo("a_b *c* bold it x here");
    }

    @Test
    void legacyMarkdown_refusesWhatItCannotWrite_insteadOfBreakingTheMessage() {
        assertThatThrownBy(() -> RichText.of().bold("2*3").in("Markdown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"*\" in bold");
        assertThatThrownBy(() -> RichText.of().customEmoji("👍", 1).in("markdown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custom emoji");
    }

    @Test
    void plainText_isTheVisibleTextWithoutStyles() {
        assertThat(SAMPLE.in(null)).isEqualTo("a_b *c* bold it x here").isEqualTo(SAMPLE.toString());
    }

    @Test
    void isAValue() {
        assertThat(RichText.of("a").bold("b"))
                .isEqualTo(RichText.of().text("a").bold("b"))
                .isNotEqualTo(RichText.of("a").italic("b"));
    }
}
