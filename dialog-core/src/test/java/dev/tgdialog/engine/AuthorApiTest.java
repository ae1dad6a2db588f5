package dev.tgdialog.engine;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.kit.Text;
import dev.tgdialog.kit.TextInput;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The author's common path: one-time replies, required values, constant vs formatted text, null-free starts. */
class AuthorApiTest {
    enum W implements WindowId {
        ASK,
        DONE
    }

    static final Key<Integer> AGE = Key.of("age", Integer.class);
    static final Key<String> NICK = Key.of("nick", String.class);

    private final List<Throwable> errors = new ArrayList<>();

    private static final Dialog AGE_DIALOG = Dialog.builder("age")
            .window(
                    W.ASK,
                    w -> w.parseMode("HTML")
                            .text("How old are you?")
                            .add(TextInput.text(
                                    "age",
                                    (ctx, text) -> text.strip().matches("\\d{1,3}")
                                            ? next().with(AGE, Integer.parseInt(text.strip()))
                                            : stay().reply("\"" + text + "\" is not an age.")))
                            .add(Button.of(
                                    "again",
                                    "Ask again",
                                    ctx -> stay().reply("Asking again.").reply("Twice.")))
                            .add(Button.of("refresh", "Refresh", ctx -> stay())))
            .window(
                    W.DONE,
                    w -> w.format("You are {age}.")
                            .add(Button.of("nick", "Nickname", ctx -> stay().reply("Hi " + ctx.require(NICK)))))
            .build();

    private final BotHarness harness = BotHarness.of(bot -> bot.dialogs(AGE_DIALOG)
            .command("go", (ctx, args) -> start(AGE_DIALOG, StartMode.RESET_STACK))
            .onError(Exception.class, (ctx, e) -> errors.add(e)));

    private FakeUser ann() {
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/go");
        return ann;
    }

    @Test
    void stayReply_showsTheLineAboveTheWindowOnce_escapedForItsParseMode() {
        FakeUser ann = ann();

        ann.send("<abc>");
        assertThat(errors).isEmpty();
        assertThat(ann.lastMessage().text()).isEqualTo("\"&lt;abc&gt;\" is not an age.\nHow old are you?");

        ann.click("Ask again");
        assertThat(ann.lastMessage().text()).isEqualTo("Asking again.\nTwice.\nHow old are you?");

        ann.send("42");
        assertThat(ann.lastMessage().text()).isEqualTo("You are 42.");
    }

    @Test
    void aReply_isNotStored_soTheNextRenderLeavesItOut() {
        FakeUser ann = ann();
        ann.send("x");
        assertThat(ann.lastMessage().text()).isEqualTo("\"x\" is not an age.\nHow old are you?");

        ann.click("Refresh");
        assertThat(ann.lastMessage().text()).isEqualTo("How old are you?");

        ann.send("y");
        assertThat(ann.lastMessage().text()).isEqualTo("\"y\" is not an age.\nHow old are you?");
    }

    @Test
    void aChildsDoneReply_showsAboveTheParentsWindow_andALastDoneReply_aboveTheFarewell() {
        Dialog child = Dialog.builder("child")
                .window(W.ASK, w -> w.text("Child").add(Button.of("save", "Save", ctx -> done().reply("Saved <1>."))))
                .build();
        Dialog parent = Dialog.builder("parent")
                .window(
                        W.ASK,
                        w -> w.parseMode("HTML")
                                .text("<b>Parent</b>")
                                .add(Button.of("open", "Open", ctx -> start(child)))
                                .add(Button.of(
                                        "close",
                                        "Close",
                                        ctx -> done().reply("Closed.").saying("Bye"))))
                .build();
        BotHarness h = BotHarness.of(bot -> bot.dialogs(parent, child)
                .command("go", (ctx, args) -> start(parent, StartMode.RESET_STACK))
                .onError(Exception.class, (ctx, e) -> errors.add(e)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");

        ann.click("Open");
        ann.click("Save");
        assertThat(ann.lastMessage().text()).isEqualTo("Saved &lt;1&gt;.\n<b>Parent</b>");

        ann.click("Close");
        assertThat(errors).isEmpty();
        assertThat(ann.lastMessage().text()).isEqualTo("Closed.\nBye");
    }

    @Test
    void require_failsWithAMessageNamingTheKeyTheDialogAndTheWindow() {
        FakeUser ann = ann();
        ann.send("42");

        ann.click("Nickname");

        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(
                                "no value for key \"nick\" (java.lang.String) in dialog age, window DONE"));
        assertThat(ann.lastMessage().text()).isEqualTo("You are 42.");
    }

    @Test
    void require_returnsTheValue_whenThereIsOne() {
        FakeUser ann = ann();
        ann.send("42");
        assertThat(ann.lastMessage().text()).isEqualTo("You are 42.");
    }

    @Test
    void aConstantTextWithAPlaceholder_failsTheBuild_pointingToFormat() {
        assertThatThrownBy(() -> Dialog.builder("oops")
                        .window(W.ASK, w -> w.text("Size {size}?"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialog oops, window ASK")
                .hasMessageContaining("{size}")
                .hasMessageContaining("use format(...)");
    }

    @Test
    void bracesMeantLiterally_areShownWithTextOf_andFormatFillsThem() {
        Key<String> size = Key.of("size", String.class);
        Dialog d = Dialog.builder("braces")
                .onStart(ctx -> stay().with(size, "M"))
                .window(
                        W.ASK,
                        w -> w.text(Text.of("Type {size}"))
                                .format("Size {size}")
                                .text("{ not a placeholder }"))
                .build();
        BotHarness h =
                BotHarness.of(bot -> bot.dialogs(d).command("go", (ctx, args) -> start(d, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/go");

        assertThat(ann.lastMessage().text()).isEqualTo("Type {size}\nSize M\n{ not a placeholder }");
    }

    @Test
    void aBackgroundStart_needsNoNullInputEither() {
        FakeUser ann = ann();
        ann.send("42");

        harness.bot()
                .forUser(1001, 1001)
                .start(AGE_DIALOG, StartMode.RESET_STACK)
                .join();

        assertThat(ann.lastMessage().text()).isEqualTo("How old are you?");
    }

    @Test
    void startOverloads_needNoPositionalNulls() {
        assertThat(start(AGE_DIALOG, StartMode.RESET_STACK))
                .isEqualTo(Transition.start(AGE_DIALOG, null, StartMode.RESET_STACK));
        assertThat(start(AGE_DIALOG, "input")).isEqualTo(Transition.start(AGE_DIALOG, "input", StartMode.NORMAL));
        assertThat(stay().reply("a")).isNotEqualTo(stay()).isEqualTo(stay().reply("a"));
        assertThat(done().reply("bye").changes().replies()).containsExactly("bye");
    }
}
