package dev.tgdialog.store;

import java.util.Objects;

/**
 * Whose stack: one bot, one chat, one user in it (0 for a stack the whole chat shares), one forum thread (0 for
 * none) and a stack id ({@code ""} for the default stack; other ids for dialogs started in a stack of their own).
 *
 * @param botId the bot's user id (the digits before the colon of its token)
 * @param chatId the chat
 * @param userId the user the stack belongs to, or 0 when the chat shares one stack
 * @param threadId the forum topic, or 0
 * @param stackId "" for the default stack
 */
public record StackKey(long botId, long chatId, long userId, long threadId, String stackId) {

    public StackKey {
        Objects.requireNonNull(stackId, "stackId");
    }

    /** The default stack of a user in a chat. */
    public static StackKey of(long botId, long chatId, long userId) {
        return new StackKey(botId, chatId, userId, 0, "");
    }

    /** This key with another stack id. */
    public StackKey withStackId(String stackId) {
        return new StackKey(botId, chatId, userId, threadId, stackId);
    }

    /** A compact, unique string form, {@code bot:chat:user:thread:stack}, for stores that key by strings. */
    public String asString() {
        return botId + ":" + chatId + ":" + userId + ":" + threadId + ":" + stackId;
    }
}
