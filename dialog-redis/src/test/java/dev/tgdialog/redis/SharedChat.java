package dev.tgdialog.redis;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One user in a private chat with a bot that runs as several instances: one {@link FakeTelegram} (Telegram outlives
 * every instance), any number of {@link DialogBot}s on it, and updates built as {@code FakeUser} builds them, so a
 * test can hand each update to the instance it likes, or hand one update to two of them.
 */
final class SharedChat {
    static final long USER_ID = 4242;

    final FakeTime time;
    final FakeTelegram telegram;
    final long userId;
    private final User user;
    private final Chat chat;
    private final AtomicLong updateIds;
    private final AtomicLong messageIds;
    private final AtomicLong queryIds;

    SharedChat() {
        this(new FakeTime());
    }

    private SharedChat(FakeTime time) {
        this(time, new FakeTelegram(time), USER_ID, new AtomicLong(1), new AtomicLong(1_000_000), new AtomicLong(1));
    }

    private SharedChat(
            FakeTime time,
            FakeTelegram telegram,
            long userId,
            AtomicLong updateIds,
            AtomicLong messageIds,
            AtomicLong queryIds) {
        this.time = time;
        this.telegram = telegram;
        this.userId = userId;
        this.user = User.builder(userId, false, "Ann").languageCode("en").build();
        this.chat = Chat.builder(userId, "private").firstName("Ann").build();
        this.updateIds = updateIds;
        this.messageIds = messageIds;
        this.queryIds = queryIds;
    }

    /** The private chat of another user with the same bot: the same Telegram, bots and update ids. */
    SharedChat otherUser(long otherUserId) {
        return new SharedChat(time, telegram, otherUserId, updateIds, messageIds, queryIds);
    }

    /** A bot instance on this chat's Telegram, configured by {@code config}. */
    DialogBot bot(Consumer<DialogBot.Builder> config) {
        DialogBot.Builder b = DialogBot.builder(telegram.client(time))
                .timeSource(time)
                .username(telegram.bot().username());
        config.accept(b);
        return b.build();
    }

    /** A text message from the user (a command gets its entity). */
    Update message(String text) {
        Message.Builder m = Message.builder(
                        messageIds.getAndIncrement(), time.now().getEpochSecond(), chat)
                .from(user)
                .text(text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            m.entities(List.of(MessageEntity.of("bot_command", 0, end < 0 ? text.length() : end)));
        }
        return Update.builder(updateIds.getAndIncrement()).message(m.build()).build();
    }

    /** A click on the button with this label of the newest message the bot shows. */
    Update click(String label) {
        FakeMessage shown = lastMessage();
        for (List<InlineKeyboardButton> row : shown.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.text().equals(label)) {
                    String queryId = "q" + queryIds.getAndIncrement();
                    telegram.registerCallbackQuery(queryId);
                    Message message = Message.builder(shown.messageId(), shown.date(), chat)
                            .from(telegram.bot())
                            .text(shown.text())
                            .replyMarkup(new InlineKeyboardMarkup(shown.inlineKeyboard()))
                            .build();
                    CallbackQuery query = CallbackQuery.builder(queryId, user, "ci-" + userId)
                            .message(message)
                            .data(button.callbackData())
                            .build();
                    return Update.builder(updateIds.getAndIncrement())
                            .callbackQuery(query)
                            .build();
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\"; the last message has " + shown.buttonLabels());
    }

    FakeMessage lastMessage() {
        return telegram.lastMessage(userId).orElseThrow(() -> new AssertionError("the bot has sent nothing"));
    }

    /** Hands {@code update} to {@code bot} as intake would; the stage fails when the update must come again. */
    static CompletableFuture<?> deliver(DialogBot bot, Update update) {
        return bot.handler().handle(update).toCompletableFuture();
    }

    /** Delivers and waits (bounded); rethrows the failure. */
    static void deliverAndWait(DialogBot bot, Update update) {
        try {
            deliver(bot, update).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("update " + update.updateId() + " failed: " + e, e);
        }
    }
}
