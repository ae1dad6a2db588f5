package dev.tgdialog.games;

import org.jspecify.annotations.Nullable;

/**
 * A message that shows a game, whose scores {@link GameScores} sets and reads: a message of a chat, or an inline
 * message (sent through inline mode, known by its {@code inline_message_id} alone).
 *
 * @param chatId the chat of a chat message; null for an inline one
 * @param messageId the message id of a chat message; null for an inline one
 * @param inlineMessageId the id of an inline message; null for a chat one
 */
public record GameMessage(
        @Nullable Long chatId,
        @Nullable Long messageId,
        @Nullable String inlineMessageId) {
    public GameMessage {
        if ((inlineMessageId == null) == (chatId == null || messageId == null)) {
            throw new IllegalArgumentException("a game message is a chat and message id, or an inline message id");
        }
    }

    /** Message {@code messageId} of chat {@code chatId}. */
    public static GameMessage of(long chatId, long messageId) {
        return new GameMessage(chatId, messageId, null);
    }

    /** The inline message {@code inlineMessageId}. */
    public static GameMessage inline(String inlineMessageId) {
        return new GameMessage(null, null, inlineMessageId);
    }
}
