package dev.tgdialog.telegram;

import dev.tgdialog.telegram.types.Message;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the Bot API's edit methods ({@code editMessageText}, {@code editMessageCaption}, …) return: the edited
 * {@link Message}, or just {@code true} when the edited message was an inline message (sent via the bot in inline
 * mode), whose content Telegram does not send back.
 *
 * @param message the edited message, or {@code null} when Telegram answered {@code true}
 */
public record MessageOrTrue(@Nullable Message message) {

    /** The answer {@code true}: an inline message was edited. */
    public static MessageOrTrue ofTrue() {
        return new MessageOrTrue(null);
    }

    /** The edited message, empty when an inline message was edited. */
    public Optional<Message> edited() {
        return Optional.ofNullable(message);
    }
}
