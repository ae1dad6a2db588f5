package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButtonRequestUsers;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ButtonsAndMediaTest {
    enum W implements WindowId {
        ONE,
        TWO
    }

    static final Key<String> GOT = Key.of("got", String.class);

    private static BotHarness start(Dialog d) {
        return BotHarness.of(bot ->
                bot.dialogs(d).command("go", (ctx, args) -> Transition.start(d, null, StartMode.RESET_STACK)));
    }

    @Test
    void replyKeyboard_requestButtons_andPlainButtons_resolveServerSide() {
        Dialog d = Dialog.builder("share")
                .window(
                        W.ONE,
                        w -> w.text(ctx -> "Got: " + ctx.get(GOT, "-"))
                                .keyboardKind(KeyboardKind.REPLY)
                                .add(RequestButtons.contact(
                                        "phone", "Share my phone", (ctx, c) -> stay().with(GOT, c.phoneNumber())))
                                .add(RequestButtons.location(
                                        "where",
                                        "Share my location",
                                        (ctx, l) -> stay().with(GOT, l.latitude() + ";" + l.longitude())))
                                .add(RequestButtons.users(
                                        "friends",
                                        "Pick friends",
                                        KeyboardButtonRequestUsers.builder(7)
                                                .maxQuantity(3L)
                                                .build(),
                                        (ctx, shared) -> stay().with(GOT, "users")))
                                .add(ReplyButton.of(
                                        "skip", "Skip this step for now please", ctx -> stay().with(GOT, "skipped"))))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");
        ann.send("/go");

        ReplyKeyboardMarkup keyboard = (ReplyKeyboardMarkup) ann.lastMessage().replyMarkup();
        List<KeyboardButton> buttons =
                keyboard.keyboard().stream().flatMap(List::stream).toList();
        assertThat(buttons)
                .extracting(KeyboardButton::text)
                .containsExactly(
                        "Share my phone", "Share my location", "Pick friends", "Skip this step for now please");
        assertThat(buttons.get(0).requestContact()).isTrue();
        assertThat(buttons.get(1).requestLocation()).isTrue();
        assertThat(buttons.get(2).requestUsers().requestId()).isEqualTo(7);

        ann.sendContact("+4930123", "Ann");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: +4930123");
        ann.sendLocation(1.5, 2.5);
        assertThat(ann.lastMessage().text()).isEqualTo("Got: 1.5;2.5");
        ann.click("Skip this step for now please");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: skipped");
    }

    @Test
    void aReplyLabelTheClientCutShort_stillResolves() {
        Dialog d = Dialog.builder("short")
                .window(
                        W.ONE,
                        w -> w.text(ctx -> "Got: " + ctx.get(GOT, "-"))
                                .keyboardKind(KeyboardKind.REPLY)
                                .add(ReplyButton.of(
                                        "a", "A very long label for the first choice", ctx -> stay().with(GOT, "a")))
                                .add(ReplyButton.of("b", "Another long label", ctx -> stay().with(GOT, "b"))))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");
        ann.send("/go");

        ann.send("A very long label…");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: a");
        ann.send("A…");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: a");
        ann.send("Another long lab...");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: b");
    }

    @Test
    void replyWidgets_inAnInlineWindow_failWhenBuilt() {
        assertThatThrownBy(() -> Dialog.builder("bad")
                        .window(W.ONE, w -> w.text("x").add(ReplyButton.of("a", "A", ctx -> stay())))
                        .build())
                .hasMessageContaining("make it keyboardKind(KeyboardKind.REPLY)");
    }

    @Test
    void inlineButtonsTelegramHandles_renderTheirFields() {
        Dialog d = Dialog.builder("links")
                .window(
                        W.ONE,
                        w -> w.text("Links")
                                .add(InlineButtons.webApp("App", "https://app.example.com"))
                                .add(InlineButtons.loginUrl("Log in", "https://example.com/login"))
                                .add(InlineButtons.switchInlineQuery("Share", "pizza"))
                                .add(InlineButtons.switchInlineQueryCurrentChat("Search here", ""))
                                .add(InlineButtons.copyText("Copy code", "PROMO-42")))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");
        ann.send("/go");

        List<InlineKeyboardButton> buttons = ann.lastMessage().inlineKeyboard().stream()
                .flatMap(List::stream)
                .toList();
        assertThat(buttons.get(0).webApp().url()).isEqualTo("https://app.example.com");
        assertThat(buttons.get(1).loginUrl().url()).isEqualTo("https://example.com/login");
        assertThat(buttons.get(2).switchInlineQuery()).isEqualTo("pizza");
        assertThat(buttons.get(3).switchInlineQueryCurrentChat()).isEmpty();
        assertThat(buttons.get(4).copyText().text()).isEqualTo("PROMO-42");
        assertThat(buttons).allMatch(b -> b.callbackData() == null);
    }

    @Test
    void aStaticUpload_travelsOnce_thenItsFileIdIsReused() {
        InputFile logo = InputFile.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, "logo.jpg");
        Dialog d = Dialog.builder("logo")
                .window(
                        W.ONE,
                        w -> w.media(ctx -> Media.photo(logo))
                                .text("Our logo")
                                .add(Button.of("go", "Next", ctx -> next())))
                .window(W.TWO, w -> w.media(ctx -> Media.photo(logo)).text("Still our logo"))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");
        FakeUser bob = h.user(1002, "Bob");

        ann.send("/go");
        String fileId = ann.lastMessage().fileId();
        ann.click("Next");
        bob.send("/go");

        List<ApiCall> photos = h.telegram().calls().stream()
                .filter(c -> c.method().equals("sendPhoto") || c.method().equals("editMessageMedia"))
                .toList();
        assertThat(photos).hasSize(3);
        assertThat(photos.get(0).params()).contains("logo.jpg");
        assertThat(photos.get(1).params()).contains(fileId).doesNotContain("logo.jpg");
        assertThat(photos.get(2).params()).contains(fileId).doesNotContain("logo.jpg");
        assertThat(bob.lastMessage().fileId()).isEqualTo(fileId);
        assertThat(ann.lastMessage().text()).isEqualTo("Still our logo");
    }

    @Test
    void aGallery_scrollsThroughMedia_withAPager() {
        MediaScroll gallery = MediaScroll.of(
                "pics",
                ctx -> List.of(
                        Media.photo(InputFile.fileId("p1")),
                        Media.photo(InputFile.fileId("p2")),
                        Media.video(InputFile.fileId("v3"))));
        Dialog d = Dialog.builder("gallery")
                .window(
                        W.ONE,
                        w -> w.media(gallery)
                                .add(gallery)
                                .text(ctx -> "Picture " + (Scrollable.page(ctx, "pics") + 1))
                                .add(Pager.prevNext("pg", gallery)))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");
        ann.send("/go");
        assertThat(ann.lastMessage().fileId()).isEqualTo("p1");

        ann.click("Next »");
        assertThat(ann.lastMessage().fileId()).isEqualTo("p2");
        assertThat(ann.lastMessage().text()).isEqualTo("Picture 2");
        ann.click("Next »");
        assertThat(ann.lastMessage().kind()).isEqualTo("video");
        assertThat(ann.buttons()).containsExactly("« Prev");
        assertThat(ann.messages()).hasSize(1);
    }

    @Test
    void texts_canBeFormatted_fromGetterValues() {
        Dialog d = Dialog.builder("t")
                .window(W.ONE, w -> w.getter(ctx -> ctx.provide(GOT, "x")).text(Text.format("value {got}")))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");

        ann.send("/go");

        assertThat(ann.lastMessage().text()).isEqualTo("value x");
    }

    @Test
    void aTemplateLabel_showsItsValuesAsTheyAre_evenInAnHtmlWindow() {
        Key<String> name = Key.of("name", String.class);
        Dialog d = Dialog.builder("labels")
                .onStart(ctx -> stay().with(name, "<b>Tom & Jerry</b>"))
                .window(
                        W.ONE,
                        w -> w.parseMode("HTML")
                                .format("Hello {name}")
                                .add(Button.of("hi", Text.format("Greet {name}"), ctx -> stay()))
                                .add(Checkbox.builder("cb", Text.format("✓ {name}"), Text.format("☐ {name}"))
                                        .build()))
                .build();
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(d).command("go", (ctx, args) -> Transition.start(d, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        assertThat(ann.lastMessage().text()).isEqualTo("Hello &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
        assertThat(ann.buttons()).containsExactly("Greet <b>Tom & Jerry</b>", "☐ <b>Tom & Jerry</b>");
    }
}
