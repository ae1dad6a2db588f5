package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.internal.text.Markup;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** Texts over Telegram's limits reach the user cut, whole characters only, with valid markup (issue 12, defect 8). */
class LongTextTest {
    enum W implements WindowId {
        ONE
    }

    static final Key<String> BODY = Key.of("body", String.class);

    private static BotHarness start(Dialog dialog) {
        return BotHarness.of(bot ->
                bot.dialogs(dialog).command("go", (ctx, args) -> Transition.start(dialog, StartMode.RESET_STACK)));
    }

    private static Dialog window(String body, @org.jspecify.annotations.Nullable String parseMode) {
        return Dialog.builder("long")
                .getter(ctx -> ctx.provide(BODY, body))
                .window(W.ONE, w -> {
                    // The body is the author's markup: a lambda writes it as it is (a format would escape it).
                    w.text(ctx -> ctx.require(BODY));
                    if (parseMode != null) {
                        w.parseMode(parseMode);
                    }
                })
                .build();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void threeThousandEmoji_areCutBetweenTwoEmoji_andTelegramAcceptsTheMessage() {
        BotHarness h = start(window("😀".repeat(3000), null));
        FakeUser ann = h.user(1001, "Ann");

        try (LogCapture logs = new LogCapture()) {
            ann.send("/go");
            assertThat(logs.at(Level.WARN)).anyMatch(l -> l.contains("over Telegram's 4096; it is cut"));
        }

        String text = ann.lastMessage().text();
        assertThat(text).doesNotContain("?").endsWith("…");
        assertThat(hasLoneSurrogate(text)).isFalse();
        // 2047 emoji (4094 units) and the ellipsis: the 2048th emoji would leave no room for it.
        assertThat(text).isEqualTo("😀".repeat(2047) + "…");
        assertThat(h.telegram().callCount("sendMessage")).isEqualTo(1);
    }

    @Test
    void anHtmlWindowOverTheLimit_isCutToValidHtml_withItsTagsClosed() {
        // 800 times 8 visible characters: 6,400 on screen, 17,607 in the source.
        String body = "<b>" + "<i>x</i> &amp; y&lt;z ".repeat(800) + "</b>";
        BotHarness h = start(window(body, "HTML"));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        String text = ann.lastMessage().text();
        String visible = Markup.parse(text, "HTML").visible();
        assertThat(visible.length()).isLessThanOrEqualTo(Limits.MESSAGE_TEXT).isGreaterThan(Limits.MESSAGE_TEXT - 10);
        assertThat(visible).startsWith("x & y<z x & y<z").endsWith("…");
        assertThat(text).startsWith("<b><i>x</i> &amp; y&lt;z").endsWith("…</b>");
    }

    @Test
    void anHtmlTextLongOnlyInItsSource_isSentWhole() {
        // 5,000 characters of source, 4,000 on screen: Telegram takes it as it is.
        String body = "<b>" + "a".repeat(4000) + "</b>" + "<i></i>".repeat(140) + "<code></code>";
        assertThat(body.length()).isEqualTo(5000);
        BotHarness h = start(window(body, "HTML"));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        assertThat(ann.lastMessage().text()).isEqualTo(body);
    }

    @Test
    void aMarkdownV2WindowOverTheLimit_isCutToValidMarkdownV2() {
        String body = "*bold \\. _it ~x~_* \\!\n".repeat(300);
        BotHarness h = start(window(body, "MarkdownV2"));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        String text = ann.lastMessage().text();
        String visible = Markup.parse(text, "MarkdownV2").visible();
        assertThat(visible.length()).isLessThanOrEqualTo(Limits.MESSAGE_TEXT).isGreaterThan(Limits.MESSAGE_TEXT - 10);
        assertThat(visible).startsWith("bold . it x !\nbold . it x !\n").endsWith("…");
    }

    @Test
    void aLongToast_isCutBetweenTwoEmoji() {
        Dialog d = Dialog.builder("toast")
                .window(
                        W.ONE,
                        w -> w.text("Hi").add(Button.of("go", "Go", ctx -> {
                            ctx.toast("😀".repeat(150));
                            return stay();
                        })))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");

        ann.click("Go");

        String toast = ann.lastAnswer().text();
        assertThat(toast).isEqualTo("😀".repeat(99) + "…");
        assertThat(hasLoneSurrogate(toast)).isFalse();
    }
}
