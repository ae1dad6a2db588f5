package dev.tgdialog.games;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetGameHighScores;
import dev.tgdialog.telegram.methods.SetGameScore;
import dev.tgdialog.telegram.types.GameHighScore;
import java.util.List;

/**
 * The scores of a game message: {@code setGameScore} and {@code getGameHighScores} for a chat message or an inline one
 * alike. Stateless.
 */
public final class GameScores {
    private GameScores() {}

    /**
     * Sets {@code userId}'s score in the game of {@code message}; Telegram keeps it only when higher than the one there
     * (else it refuses with {@code BOT_SCORE_NOT_MODIFIED}), and shows the high scores in the message.
     */
    public static void set(TelegramClient telegram, GameMessage message, long userId, long score) {
        set(telegram, message, userId, score, false);
    }

    /** {@link #set}; with {@code force}, a lower score replaces the one there too (to correct a cheat, say). */
    public static void set(TelegramClient telegram, GameMessage message, long userId, long score, boolean force) {
        telegram.execute(new SetGameScore(
                userId,
                score,
                force ? true : null,
                null,
                message.chatId(),
                message.messageId(),
                message.inlineMessageId()));
    }

    /** The high scores of the game of {@code message} around {@code userId}: the top ones and theirs. */
    public static List<GameHighScore> highScores(TelegramClient telegram, GameMessage message, long userId) {
        return telegram.execute(
                new GetGameHighScores(userId, message.chatId(), message.messageId(), message.inlineMessageId()));
    }
}
