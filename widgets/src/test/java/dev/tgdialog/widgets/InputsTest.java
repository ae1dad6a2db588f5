package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.widgets.MessageInput.ContentType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsTest {
    enum W implements WindowId {
        QTY,
        WHERE,
        DONE
    }

    static final Key<Integer> QTY = Key.of("qty", Integer.class);
    static final Key<String> ERROR = Key.of("error", String.class);
    static final Key<String> PLACE = Key.of("place", String.class);

    static final Dialog ORDER = Dialog.builder("order")
            .window(
                    W.QTY,
                    w -> w.text(Text.format("⚠ {error}").when(ctx -> ctx.get(ERROR) != null))
                            .text("How many?")
                            .add(TextInput.of(
                                    "qty",
                                    text -> {
                                        int n = Integer.parseInt(text.strip());
                                        if (n < 1) {
                                            throw new IllegalArgumentException("at least 1");
                                        }
                                        return n;
                                    },
                                    (ctx, n) -> next().with(QTY, n).with(ERROR, null),
                                    (ctx, text, e) -> stay().with(ERROR, "\"" + text + "\" is not a positive number"))))
            .window(
                    W.WHERE,
                    w -> w.text("Share a location or a contact")
                            .add(MessageInput.of(
                                    "where",
                                    EnumSet.of(ContentType.LOCATION, ContentType.CONTACT),
                                    (ctx, m) -> next().with(
                                                    PLACE,
                                                    m.location() != null
                                                            ? m.location().latitude() + ","
                                                                    + m.location()
                                                                            .longitude()
                                                            : m.contact().phoneNumber()))))
            .window(W.DONE, w -> w.text(Text.format("{qty} to {place}")))
            .build();

    @Test
    void textInput_parses_andAnswersBadInputWhileKeepingTheStep() {
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(ORDER).command("go", (ctx, args) -> Transition.start(ORDER, null, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");

        ann.send("abc");
        assertThat(ann.lastMessage().text()).isEqualTo("⚠ \"abc\" is not a positive number\nHow many?");
        ann.send("0");
        assertThat(ann.lastMessage().text()).isEqualTo("⚠ \"0\" is not a positive number\nHow many?");
        ann.send(" 3 ");
        assertThat(ann.lastMessage().text()).isEqualTo("Share a location or a contact");

        ann.send("a text is not a location");
        assertThat(ann.lastMessage().text()).isEqualTo("Share a location or a contact");
        assertThat(ann.messages()).extracting(FakeMessage::text).hasSize(4);
        ann.sendLocation(52.52, 13.4);
        assertThat(ann.lastMessage().text()).isEqualTo("3 to 52.52,13.4");
    }

    /** A dialog asking for a number with this text input, whose value shows as "Got 3". */
    static FakeUser askingForANumber(TextInput<Integer> input) {
        Dialog dialog = Dialog.builder("count")
                .window(W.QTY, w -> w.text("How many?").add(input))
                .window(W.DONE, w -> w.text(Text.format("Got {qty}")))
                .build();
        BotHarness h = BotHarness.of(bot -> bot.dialogs(dialog)
                .command("go", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        return ann;
    }

    @Test
    void aRefusedText_withoutAFailureHandler_getsANeutralMessage_neverTheExceptionsText() {
        FakeUser ann = askingForANumber(TextInput.of("qty", Integer::parseInt, (ctx, n) -> next().with(QTY, n)));

        ann.send("abc");

        assertThat(ann.lastMessage().text())
                .isEqualTo("That is not a valid answer. Please try again.\nHow many?")
                .doesNotContain("For input string");
        ann.send("3");
        assertThat(ann.lastMessage().text()).isEqualTo("Got 3");
    }

    @Test
    void theAuthorWordsTheError_withAMessage_orFromTheExceptionItGets() {
        FakeUser ann = askingForANumber(TextInput.of(
                "qty",
                Integer::parseInt,
                (ctx, n) -> next().with(QTY, n),
                TextInput.Failure.reply("Please send a number")));
        ann.send("abc");
        assertThat(ann.lastMessage().text()).isEqualTo("Please send a number\nHow many?");

        List<Exception> seen = new ArrayList<>();
        FakeUser bob = askingForANumber(TextInput.of(
                "qty", Integer::parseInt, (ctx, n) -> next().with(QTY, n), (ctx, text, error) -> {
                    seen.add(error);
                    return stay().reply(
                                    error instanceof NumberFormatException
                                            ? "\"" + text + "\" has letters; digits only, please"
                                            : "Something else is wrong");
                }));
        bob.send("12abc");

        assertThat(seen)
                .singleElement()
                .isInstanceOf(NumberFormatException.class)
                .extracting(Exception::getMessage)
                .asString()
                .contains("12abc");
        assertThat(bob.lastMessage().text()).isEqualTo("\"12abc\" has letters; digits only, please\nHow many?");
        assertThatThrownBy(() -> TextInput.Failure.reply(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageInput_takesAContactToo() {
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(ORDER).command("go", (ctx, args) -> Transition.start(ORDER, null, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/go");
        ann.send("2");

        ann.sendContact("+49301234567", "Ann");

        assertThat(ann.lastMessage().text()).isEqualTo("2 to +49301234567");
    }
}
