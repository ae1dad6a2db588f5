package dev.tgdialog.test;

import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.util.List;

/** Updates as Telegram sends them, for tests that hand them to a bot's handler themselves. */
public final class Updates {
    private Updates() {}

    /**
     * Update 1: the user's {@code command} (such as {@code "/start"}, marked as a bot command) in their private chat,
     * whose id is the user's.
     */
    public static Update command(long userId, String firstName, String command) {
        return Update.builder(1)
                .message(Message.builder(1, 1767225600L, Chat.of(userId, "private"))
                        .from(User.of(userId, false, firstName))
                        .text(command)
                        .entities(List.of(MessageEntity.of("bot_command", 0, command.length())))
                        .build())
                .build();
    }
}
