package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButtonRequestChat;
import dev.tgdialog.telegram.types.KeyboardButtonRequestUsers;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a user shares through request buttons reaches the window as typed input: users, a chat, a web app's data. */
class SharedAnswersTest {
    enum W implements WindowId {
        ONE
    }

    /** What the pizza builder web app sends back. */
    record Pizza(String size, List<String> toppings) {}

    static final Key<String> GOT = Key.of("got", String.class);

    static final Dialog SHARE = Dialog.builder("share")
            .window(
                    W.ONE,
                    w -> w.text(ctx -> "Got: " + ctx.get(GOT, "-"))
                            .keyboardKind(KeyboardKind.REPLY)
                            .add(RequestButtons.users(
                                    "friends",
                                    "Invite friends",
                                    KeyboardButtonRequestUsers.builder(7)
                                            .maxQuantity(3L)
                                            .build(),
                                    (ctx, shared) -> stay().with(
                                                    GOT,
                                                    "users "
                                                            + shared.users().stream()
                                                                    .map(u -> Long.toString(u.userId()))
                                                                    .collect(Collectors.joining(",")))))
                            .add(RequestButtons.chat(
                                    "group",
                                    "Pick the office group",
                                    KeyboardButtonRequestChat.of(8, false),
                                    (ctx, shared) -> stay().with(GOT, "chat " + shared.chatId())))
                            .add(RequestButtons.webApp(
                                    "builder",
                                    "Build a pizza",
                                    "https://pizza.example/builder",
                                    Pizza.class,
                                    "That pizza did not arrive whole; please build it again.",
                                    (ctx, pizza) -> stay().with(
                                                    GOT,
                                                    pizza.size() + " with " + String.join(" and ", pizza.toppings()))))
                            .add(RequestButtons.poll(
                                    "poll",
                                    "Ask the office",
                                    "regular",
                                    (ctx, poll) -> stay().with(GOT, "poll " + poll.question()))))
            .build();

    final FakeUser ann = BotHarness.of(bot -> bot.dialogs(SHARE)
                    .command("go", (ctx, args) -> Transition.start(SHARE, null, StartMode.RESET_STACK)))
            .user(1001, "Ann");

    @Test
    void sharedUsersAndAChat_reachTheirButtonsHandlers_byRequestId() {
        ann.send("/go");

        ann.shareUsers(7, 1002, 1003);
        assertThat(ann.lastMessage().text()).isEqualTo("Got: users 1002,1003");
        ann.shareChat(8, -1001234567890L);
        assertThat(ann.lastMessage().text()).isEqualTo("Got: chat -1001234567890");
        ann.shareUsers(99, 1004);
        assertThat(ann.lastMessage().text())
                .as("another request's answer is no input of this window")
                .isEqualTo("Got: chat -1001234567890");
    }

    @Test
    void aWebAppsData_isReadIntoTheAuthorsClass_andDataOfAnotherShape_isAnsweredClearly() {
        ann.send("/go");
        List<KeyboardButton> buttons = ((ReplyKeyboardMarkup) ann.lastMessage().replyMarkup())
                .keyboard().stream().flatMap(List::stream).toList();
        assertThat(buttons.get(2).webApp().url()).isEqualTo("https://pizza.example/builder");
        assertThat(buttons.get(3).requestPoll().type()).isEqualTo("regular");

        ann.sendWebAppData("Build a pizza", "{\"size\":\"L\",\"toppings\":[\"basil\",\"olives\"]}");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: L with basil and olives");

        ann.sendWebAppData("Build a pizza", "a pizza, please");
        assertThat(ann.lastMessage().text())
                .isEqualTo("That pizza did not arrive whole; please build it again.\nGot: L with basil and olives");
    }
}
