package dev.tgdialog.widgets;

import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user in a private chat whose Telegram client sends a given {@code language_code} ({@code FakeUser} always
 * sends {@code en}). Only what the picker tests need: commands and clicks by label.
 */
final class PickerLanguageUser {
    private static final AtomicLong IDS = new AtomicLong(900_000);

    private final BotHarness harness;
    private final User user;
    private final Chat chat;

    PickerLanguageUser(BotHarness harness, long id, String firstName, String languageCode) {
        this.harness = harness;
        this.user =
                User.builder(id, false, firstName).languageCode(languageCode).build();
        this.chat = Chat.builder(id, "private").firstName(firstName).build();
    }

    void send(String command) {
        Message message = Message.builder(
                        IDS.incrementAndGet(), harness.time().now().getEpochSecond(), chat)
                .from(user)
                .text(command)
                .entities(List.of(MessageEntity.of("bot_command", 0, command.length())))
                .build();
        harness.deliver(Update.builder(IDS.incrementAndGet()).message(message).build())
                .join();
    }

    void click(String label) {
        FakeMessage shown = lastMessage();
        for (List<InlineKeyboardButton> row : shown.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.text().equals(label)) {
                    String queryId = "de-q" + IDS.incrementAndGet();
                    harness.telegram().registerCallbackQuery(queryId);
                    Message clicked = Message.builder(shown.messageId(), shown.date(), chat)
                            .from(harness.telegram().bot())
                            .text(shown.text())
                            .replyMarkup(new InlineKeyboardMarkup(shown.inlineKeyboard()))
                            .build();
                    CallbackQuery query = CallbackQuery.builder(queryId, user, "ci-" + user.id())
                            .message(clicked)
                            .data(button.callbackData())
                            .build();
                    harness.deliver(Update.builder(IDS.incrementAndGet())
                                    .callbackQuery(query)
                                    .build())
                            .join();
                    return;
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\"; the buttons are " + shown.buttonLabels());
    }

    FakeMessage lastMessage() {
        return harness.telegram().lastMessage(user.id()).orElseThrow(() -> new AssertionError("nothing sent"));
    }
}
