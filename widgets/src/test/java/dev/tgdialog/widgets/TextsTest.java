package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Getter;
import dev.tgdialog.Key;
import dev.tgdialog.RichText;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.TextWidget;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextsTest {
    enum Step implements WindowId {
        ONLY
    }

    enum Status {
        OPEN,
        PAID,
        SHIPPED
    }

    static final Key<Status> STATUS = Key.of("status", Status.class);
    static final Key<Integer> SCORE = Key.of("score", Integer.class);
    static final Key<Double> SHARE = Key.of("share", Double.class);
    static final Key<List<String>> NAMES = Key.listOf("names", String.class);
    static final Key<Integer> PAGE = Key.of("page", Integer.class);

    /** What {@code text} renders in a window whose getter is {@code getter}. */
    static String show(TextWidget text, Getter getter) {
        Dialog dialog = Dialog.builder("texts")
                .window(Step.ONLY, w -> w.getter(getter).text("»").text(text))
                .build();
        String shown = new WidgetBot(dialog).start().text();
        return shown.equals("»") ? "" : shown.substring(2);
    }

    static String show(TextWidget text) {
        return show(text, ctx -> {});
    }

    @Test
    void multi_joinsItsTexts_leavingOutEmptyOnes() {
        TextWidget none = Text.of("");
        assertThat(show(Multi.of(Text.of("a"), none, Text.of("b")))).isEqualTo("a\nb");
        assertThat(show(
                        Multi.joining(" · ", Text.of("a"), Text.of("b"), none, Text.format("{score}")),
                        ctx -> ctx.provide(SCORE, 3)))
                .isEqualTo("a · b · 3");
        assertThat(show(Multi.of(none, none))).isEmpty();
    }

    @Test
    void case_picksTheTextOfTheSelectorsValue_elseTheDefault() {
        Case<Status> status = Case.by(STATUS)
                .on(Status.OPEN, "Awaiting payment")
                .on(Status.PAID, Text.format("Paid: {score} €"))
                .otherwise("Unknown")
                .build();

        assertThat(show(status, ctx -> ctx.provide(STATUS, Status.OPEN))).isEqualTo("Awaiting payment");
        assertThat(show(status, ctx -> {
                    ctx.provide(STATUS, Status.PAID);
                    ctx.provide(SCORE, 12);
                }))
                .isEqualTo("Paid: 12 €");
        assertThat(show(status, ctx -> ctx.provide(STATUS, Status.SHIPPED))).isEqualTo("Unknown");
        assertThat(show(status)).isEqualTo("Unknown");
        assertThat(show(Case.by(ctx -> ctx.get(SCORE, 0) > 10).on(true, "many").build(), ctx -> ctx.provide(SCORE, 1)))
                .isEmpty();
    }

    @Test
    void case_refusesTwoTextsForOneValue() {
        assertThatThrownBy(() -> Case.by(STATUS).on(Status.OPEN, "a").on(Status.OPEN, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPEN");
    }

    @Test
    void progress_drawsABarAndAPercentage_roundingDown() {
        assertThat(show(Progress.builder(SCORE).max(5).width(5).build(), ctx -> ctx.provide(SCORE, 3)))
                .isEqualTo("▰▰▰▱▱ 60%");
        assertThat(show(Progress.of(SCORE, 10), ctx -> ctx.provide(SCORE, 10))).isEqualTo("▰".repeat(10) + " 100%");
        assertThat(show(Progress.of(SHARE, 1), ctx -> ctx.provide(SHARE, 0.999)))
                .isEqualTo("▰".repeat(9) + "▱ 99%");
        assertThat(show(Progress.of(SCORE, 10))).isEqualTo("▱".repeat(10) + " 0%");
        assertThat(show(Progress.of(SCORE, 10), ctx -> ctx.provide(SCORE, 40))).isEqualTo("▰".repeat(10) + " 100%");
        assertThat(show(Progress.of(SCORE, 10), ctx -> ctx.provide(SCORE, -4))).isEqualTo("▱".repeat(10) + " 0%");
        assertThat(show(Progress.builder(ctx -> 1)
                        .max(ctx -> 4)
                        .width(4)
                        .cells("#", ".")
                        .percent(false)
                        .build()))
                .isEqualTo("#...");
        assertThatThrownBy(() -> Progress.builder(SCORE).max(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listText_showsOneLinePerItem_orTheEmptyText() {
        Getter three = ctx -> ctx.provide(NAMES, List.of("Ann", "Bob", "Cy"));
        assertThat(show(ListText.of(NAMES, name -> "• " + name), three)).isEqualTo("• Ann\n• Bob\n• Cy");
        assertThat(show(
                        ListText.builder(NAMES)
                                .line((name, n) -> n + ". " + name)
                                .separator("; ")
                                .build(),
                        three))
                .isEqualTo("1. Ann; 2. Bob; 3. Cy");
        assertThat(show(ListText.builder(NAMES).empty("Nobody yet").build())).isEqualTo("Nobody yet");
        assertThat(show(ListText.of(NAMES, name -> name))).isEmpty();
    }

    @Test
    void listTextsDefaultLine_isEscapedForTheWindowsParseMode_anAuthorsLineIsMarkup() {
        Getter risky = ctx -> ctx.provide(NAMES, List.of("<b>Ann</b>", "snake_case & co."));
        ListText<String> plain = ListText.builder(NAMES).build();

        assertThat(shownIn("HTML", plain, risky)).isEqualTo("&lt;b&gt;Ann&lt;/b&gt;\nsnake_case &amp; co.");
        assertThat(shownIn("MarkdownV2", plain, risky)).isEqualTo("<b\\>Ann</b\\>\nsnake\\_case & co\\.");
        assertThat(show(plain, risky)).isEqualTo("<b>Ann</b>\nsnake_case & co.");
        assertThat(shownIn(
                        "HTML",
                        ListText.builder(NAMES)
                                .line(name -> "<i>" + RichText.escape(name, "HTML") + "</i>")
                                .build(),
                        risky))
                .isEqualTo("<i>&lt;b&gt;Ann&lt;/b&gt;</i>\n<i>snake_case &amp; co.</i>");
    }

    /** What a window of this parse mode shows (its raw text, which Telegram accepted) with {@code text}. */
    static String shownIn(String parseMode, TextWidget text, Getter getter) {
        Dialog dialog = Dialog.builder("markup")
                .window(Step.ONLY, w -> w.parseMode(parseMode).getter(getter).text(text))
                .build();
        return new WidgetBot(dialog).start().text();
    }

    @Test
    void aPagedListText_showsThePageItsKeySays_heldWithinThePages() {
        ListText<String> paged = ListText.builder(NAMES)
                .line((name, n) -> n + ". " + name)
                .pageSize(3)
                .page(PAGE)
                .build();
        Dialog dialog = Dialog.builder("paged")
                .window(
                        Step.ONLY,
                        w -> w.getter(ctx -> ctx.provide(
                                        NAMES,
                                        IntStream.rangeClosed(1, 7)
                                                .mapToObj(i -> "n" + i)
                                                .toList()))
                                .text(paged)
                                .text(ctx -> "page " + (ctx.get(PAGE, 0) + 1) + "/" + paged.pages(ctx))
                                .add(Button.of("next", "Next", ctx -> stay().with(PAGE, ctx.get(PAGE, 0) + 1)))
                                .add(Button.of("far", "Far", ctx -> stay().with(PAGE, 9))))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();
        assertThat(bot.text()).isEqualTo("1. n1\n2. n2\n3. n3\npage 1/3");

        bot.ann.click("Next");
        assertThat(bot.text()).isEqualTo("4. n4\n5. n5\n6. n6\npage 2/3");

        bot.ann.click("Far");
        assertThat(bot.text()).startsWith("7. n7\npage 10/3");
    }

    @Test
    void aPagedListText_needsBothPageSizeAndPage() {
        assertThatThrownBy(() -> ListText.builder(NAMES).pageSize(3).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListText.builder(NAMES).page(PAGE).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
