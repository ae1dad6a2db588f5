package dev.tgdialog.engine;

import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.RichText;
import dev.tgdialog.StartMode;
import dev.tgdialog.Window;
import dev.tgdialog.WindowId;
import dev.tgdialog.internal.text.Markup;
import dev.tgdialog.kit.TextInput;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Values a user controls (a name, typed text) put into a window's text are escaped for its parse mode: Telegram (and
 * FakeTelegram) accepts the message, the user sees the value as typed, and it adds no markup.
 */
class SafeFormattingTest {
    enum W implements WindowId {
        ONLY
    }

    static final Key<String> NAME = Key.of("name", String.class);
    static final Key<String> TYPED = Key.of("typed", String.class);

    static final String HOSTILE = "<b>Bob</b> & _Al_ *[x](http://e.vil)* `c` 1.5!";

    private final List<Throwable> errors = new ArrayList<>();

    /** A user named {@link #HOSTILE} opens a one-window dialog; returns the user. */
    private FakeUser open(Consumer<Window.Builder> window) {
        Dialog d = Dialog.builder("safe")
                .getter(ctx -> ctx.provide(NAME, ctx.user().firstName()))
                .window(W.ONLY, window)
                .build();
        BotHarness h = BotHarness.of(bot -> bot.dialogs(d)
                .command("go", (ctx, args) -> start(d, StartMode.RESET_STACK))
                .onError(Exception.class, (ctx, e) -> errors.add(e)));
        FakeUser user = h.user(1001, HOSTILE);
        user.send("/go");
        return user;
    }

    private static String visible(FakeMessage message) {
        return Markup.parse(message.text(), message.parseMode()).visible();
    }

    @Test
    void html_aHostileNameInAFormat_isEscaped_andShownAsTyped() {
        FakeUser bob = open(w -> w.parseMode("HTML").format("Hello, <b>{name}</b>!"));

        assertThat(errors).isEmpty();
        assertThat(bob.lastMessage().text())
                .isEqualTo("Hello, <b>&lt;b&gt;Bob&lt;/b&gt; &amp; _Al_ *[x](http://e.vil)* " + "`c` 1.5!</b>!");
        assertThat(visible(bob.lastMessage())).isEqualTo("Hello, " + HOSTILE + "!");
    }

    @Test
    void markdownV2_aHostileNameInAFormat_isEscaped_andShownAsTyped() {
        FakeUser bob = open(w -> w.parseMode("MarkdownV2").format("*Hello*, {name}"));

        assertThat(errors).isEmpty();
        assertThat(bob.lastMessage().text())
                .isEqualTo(
                        "*Hello*, <b\\>Bob</b\\> & \\_Al\\_ \\*\\[x\\]\\(http://e\\.vil\\)\\*" + " \\`c\\` 1\\.5\\!");
        assertThat(visible(bob.lastMessage())).isEqualTo("Hello, " + HOSTILE);
    }

    @Test
    void legacyMarkdown_aHostileNameInAFormat_isEscaped_andShownAsTyped() {
        FakeUser bob = open(w -> w.parseMode("Markdown").format("*Hello*, {name}"));

        assertThat(errors).isEmpty();
        assertThat(visible(bob.lastMessage())).isEqualTo("Hello, " + HOSTILE);
    }

    @Test
    void typedText_repeatedInAFormat_isEscaped() {
        Dialog d = Dialog.builder("echo")
                .window(
                        W.ONLY,
                        w -> w.parseMode("HTML")
                                .format("You typed <i>{typed}</i>")
                                .add(TextInput.text("in", (ctx, text) -> stay().with(TYPED, text))))
                .onStart(ctx -> stay().with(TYPED, "nothing"))
                .build();
        BotHarness h = BotHarness.of(bot -> bot.dialogs(d)
                .command("go", (ctx, args) -> start(d, StartMode.RESET_STACK))
                .onError(Exception.class, (ctx, e) -> errors.add(e)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");

        ann.send("</i><a href=\"http://e.vil\">win</a>");

        assertThat(errors).isEmpty();
        assertThat(visible(ann.lastMessage())).isEqualTo("You typed </i><a href=\"http://e.vil\">win</a>");
    }

    @Test
    void richText_inHtml_writesEachStyle_andEscapesEveryPart() {
        FakeUser bob = open(w -> w.parseMode("HTML")
                .rich(ctx -> RichText.of("Hi ")
                        .bold(ctx.require(NAME))
                        .text(" ")
                        .italic("<i>")
                        .text(" ")
                        .code("a<b")
                        .text(" ")
                        .link("docs & more", "https://example.org/?a=1&b=\"2\"")
                        .text(" ")
                        .customEmoji("👍", 5368324170671202286L)));

        assertThat(errors).isEmpty();
        assertThat(bob.lastMessage().text())
                .isEqualTo("Hi <b>&lt;b&gt;Bob&lt;/b&gt; &amp; _Al_ *[x](http://e.vil)* `c` "
                        + "1.5!</b> <i>&lt;i&gt;</i> <code>a&lt;b</code> "
                        + "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">docs &amp; more</a> "
                        + "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");
        assertThat(visible(bob.lastMessage())).isEqualTo("Hi " + HOSTILE + " <i> a<b docs & more 👍");
    }

    @Test
    void richText_inMarkdownV2_writesEachStyle_andEscapesEveryPart() {
        FakeUser bob = open(w -> w.parseMode("MarkdownV2")
                .rich(ctx -> RichText.of("Hi ")
                        .bold(ctx.require(NAME))
                        .text(" ")
                        .italic("a_b")
                        .italic("c")
                        .text(" ")
                        .code("x`\\y")
                        .text(" ")
                        .link("docs (1)", "https://example.org/a_(b)")
                        .text(" ")
                        .customEmoji("👍", 5368324170671202286L)));

        assertThat(errors).isEmpty();
        assertThat(visible(bob.lastMessage())).isEqualTo("Hi " + HOSTILE + " a_bc x`\\y docs (1) 👍");
    }

    @Test
    void richText_inAWindowWithoutParseMode_failsNamingTheWindow() {
        open(w -> w.rich(ctx -> RichText.of("Hi ").bold("there")));

        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .hasMessageContaining("dialog safe, window ONLY shows a rich text but has no parse mode"));
    }

    @Test
    void aLambdaText_escapesWhatItPutsIn_withRichTextEscape() {
        FakeUser bob = open(w ->
                w.parseMode("HTML").text(ctx -> "<u>Name</u>: " + RichText.escape(ctx.require(NAME), ctx.parseMode())));

        assertThat(errors).isEmpty();
        assertThat(visible(bob.lastMessage())).isEqualTo("Name: " + HOSTILE);
    }
}
