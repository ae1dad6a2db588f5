package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Nav;
import dev.tgdialog.kit.Text;
import dev.tgdialog.kit.TextInput;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.ForceReply;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {
    enum W implements WindowId {
        ONE,
        TWO
    }

    static final Key<String> NAME = Key.of("name", String.class);
    static final Key<Integer> LOADS = Key.of("loads", Integer.class);

    private static BotHarness start(Dialog dialog) {
        return BotHarness.of(bot -> bot.dialogs(dialog)
                .command("go", (ctx, args) -> Transition.start(dialog, "input-7", StartMode.RESET_STACK)));
    }

    @Test
    void getters_provideValuesForOneRender_dialogLevelFirst() {
        List<String> order = new ArrayList<>();
        Dialog d = Dialog.builder("get")
                .getter(ctx -> {
                    order.add("dialog");
                    ctx.provide(NAME, "Ann");
                })
                .window(
                        W.ONE,
                        w -> w.getter(ctx -> {
                                    order.add("window");
                                    ctx.provide(LOADS, order.size());
                                })
                                .text(Text.format("Hi {name}, render {loads}"))
                                .text(ctx -> "started with " + ctx.input(String.class))
                                .add(Button.of("again", "Again", ctx -> stay())))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");
        ann.click("Again");

        assertThat(order).containsExactly("dialog", "window", "dialog", "window");
        assertThat(ann.lastMessage().text()).isEqualTo("Hi Ann, render 4\nstarted with input-7");
    }

    @Test
    void getters_runInAHandler_onceAndOnlyWhenItAsksForAValue() {
        List<String> order = new ArrayList<>();
        Dialog d = Dialog.builder("get")
                .window(
                        W.ONE,
                        w -> w.getter(ctx -> {
                                    order.add("window");
                                    ctx.provide(LOADS, 40);
                                })
                                .text("Loads")
                                .add(Button.of("quiet", "Quiet", ctx -> stay()))
                                .add(Button.of("ask", "Ask", ctx -> {
                                    order.add("handler");
                                    int loads = ctx.get(LOADS) + ctx.get(LOADS, 0);
                                    order.add("handler read " + loads);
                                    return stay().with(NAME, "read " + loads);
                                })))
                .build();
        FakeUser ann = start(d).user(1001, "Ann");
        ann.send("/go");
        order.clear();

        ann.click("Quiet");
        assertThat(order).as("a render only").containsExactly("window");
        order.clear();

        ann.click("Ask");
        assertThat(order).containsExactly("handler", "window", "handler read 80", "window");
    }

    @Test
    void parseModeAndLinkPreview_reachTheSentMessage() {
        Dialog d = Dialog.builder("html")
                .window(
                        W.ONE,
                        w -> w.text("<b>Bold</b> https://example.com")
                                .parseMode("HTML")
                                .disableLinkPreview())
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        assertThat(ann.lastMessage().parseMode()).isEqualTo("HTML");
        ApiCall send = h.telegram().calls().stream()
                .filter(c -> c.method().equals("sendMessage"))
                .findFirst()
                .orElseThrow();
        assertThat(send.params()).contains("\"link_preview_options\":{\"is_disabled\":true}");
    }

    @Test
    void aReplyKeyboard_showsLabels_andAPressIsMappedBackToItsButton() {
        List<String> typed = new ArrayList<>();
        Dialog d = Dialog.builder("reply")
                .window(
                        W.ONE,
                        w -> w.text(ctx -> "Chosen: " + ctx.get(NAME, "-"))
                                .keyboardKind(KeyboardKind.REPLY)
                                .add(Button.of("tea", "Tea", ctx -> stay().with(NAME, "tea")))
                                .add(Button.of("coffee", "Coffee", ctx -> stay().with(NAME, "coffee")))
                                .add(TextInput.text("other", (ctx, text) -> {
                                    typed.add(text);
                                    return stay();
                                })))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        assertThat(ann.lastMessage().replyMarkup())
                .isInstanceOfSatisfying(
                        ReplyKeyboardMarkup.class, k -> assertThat(k.keyboard()).hasSize(2));

        ann.click("Coffee");
        ann.send("Water");

        assertThat(ann.lastMessage().text()).isEqualTo("Chosen: coffee");
        assertThat(typed).containsExactly("Water");
    }

    @Test
    void forceReply_asksTheClientToReply() {
        Dialog d = Dialog.builder("ask")
                .window(
                        W.ONE,
                        w -> w.text("Your name?")
                                .keyboardKind(KeyboardKind.FORCE_REPLY)
                                .add(TextInput.text(
                                        "name", (ctx, text) -> Transition.next().with(NAME, text))))
                .window(W.TWO, w -> w.text(Text.format("Hello {name}")))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        assertThat(ann.lastMessage().replyMarkup()).isInstanceOf(ForceReply.class);

        ann.replyTo(ann.lastMessage(), "Ann");

        assertThat(ann.lastMessage().text()).isEqualTo("Hello Ann");
    }

    @Test
    void media_isSentWithItsCaption_editedInPlace_andReplacedWhenTheWindowHasNone() {
        Dialog d = Dialog.builder("gallery")
                .window(
                        W.ONE,
                        w -> w.media(ctx -> Media.photo(InputFile.fileId("photo-" + ctx.get(LOADS, 1))))
                                .text(ctx -> "Photo " + ctx.get(LOADS, 1))
                                .add(Button.of("more", "More", ctx -> stay().with(LOADS, ctx.get(LOADS, 1) + 1)))
                                .add(Nav.next("Text")))
                .window(W.TWO, w -> w.text("Just text").add(Nav.back("Photos")))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");
        assertThat(ann.lastMessage().kind()).isEqualTo("photo");
        assertThat(ann.lastMessage().fileId()).isEqualTo("photo-1");
        assertThat(ann.lastMessage().text()).isEqualTo("Photo 1");

        ann.click("More");
        assertThat(ann.messages()).singleElement().satisfies(m -> {
            assertThat(m.fileId()).isEqualTo("photo-2");
            assertThat(m.text()).isEqualTo("Photo 2");
        });
        assertThat(h.telegram().callCount("editMessageMedia")).isEqualTo(1);

        ann.click("Text");
        assertThat(ann.messages()).extracting(FakeMessage::kind).containsExactly("text");
        assertThat(ann.history())
                .filteredOn(e -> e instanceof ChatEvent.Deleted)
                .hasSize(1);
        ann.click("Photos");
        assertThat(ann.lastMessage().kind()).isEqualTo("photo");
    }

    @Test
    void anAlert_answersTheClickWithADialogBox() {
        Dialog d = Dialog.builder("alert")
                .window(
                        W.ONE,
                        w -> w.text("Careful").add(Button.of("warn", "Warn", ctx -> {
                            ctx.alert("Are you sure?");
                            return stay();
                        })))
                .build();
        BotHarness h = start(d);
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");

        ann.click("Warn");

        assertThat(ann.lastAnswer().text()).isEqualTo("Are you sure?");
        assertThat(ann.lastAnswer().showAlert()).isTrue();
    }
}
