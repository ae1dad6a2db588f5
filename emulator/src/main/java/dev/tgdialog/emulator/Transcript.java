package dev.tgdialog.emulator;

import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What the users said: the fake Telegram keeps only the bot's messages, so the page's side of the chat is kept here,
 * each line placed before the bot's message that came next. Thread-safe.
 */
final class Transcript {

    /**
     * One message of a user.
     *
     * @param before the id the bot's next message in that chat had when it was sent, so the line shows above it
     * @param seq the order lines were said in, across chats
     * @param viaBot whether the user sent it through inline mode (a result the bot offered)
     * @param inlineMessageId for such a result with the bot's buttons: the message's id, under which the fake keeps
     *     its text and buttons as the bot edits them; null otherwise
     */
    record Said(
            long chatId,
            long userId,
            String name,
            String text,
            long before,
            long seq,
            boolean viaBot,
            @Nullable String inlineMessageId) {}

    private final List<Said> said = new ArrayList<>();

    /**
     * Notes a user's message from an update about to be delivered; false when the update is no such message (a click,
     * a pre-checkout query).
     */
    synchronized boolean record(Update update, LongUnaryOperator nextMessageId) {
        Message message = update.message();
        if (message == null || message.from() == null) {
            return false;
        }
        User from = message.from();
        String text = describe(message);
        if (text == null) {
            return false;
        }
        long chatId = message.chat().id();
        said.add(new Said(
                chatId,
                from.id(),
                from.firstName(),
                text,
                nextMessageId.applyAsLong(chatId),
                said.size(),
                false,
                null));
        return true;
    }

    /**
     * Notes a result a user sent through inline mode: Telegram tells the bot which (without the chat), so the page
     * that sent it notes where.
     */
    synchronized void sentInline(
            long chatId, long userId, String name, String text, @Nullable String inlineMessageId, long before) {
        said.add(new Said(chatId, userId, name, text, before, said.size(), true, inlineMessageId));
    }

    /** The lines said in a chat, in order. */
    synchronized List<Said> in(long chatId) {
        return said.stream().filter(s -> s.chatId() == chatId).toList();
    }

    private static @Nullable String describe(Message m) {
        if (m.text() != null) {
            return m.text();
        }
        if (m.contact() != null) {
            return "📞 Contact: " + m.contact().phoneNumber();
        }
        if (m.location() != null) {
            return "📍 Location: " + m.location().latitude() + ", "
                    + m.location().longitude();
        }
        if (m.successfulPayment() != null) {
            return "💳 Paid " + m.successfulPayment().totalAmount() + " "
                    + m.successfulPayment().currency();
        }
        if (m.photo() != null) {
            return "🖼 Photo" + (m.caption() != null ? ": " + m.caption() : "");
        }
        if (m.webAppData() != null) {
            return "🧩 Web app data: " + m.webAppData().data();
        }
        return null;
    }
}
