package dev.tgdialog.telegram;

import java.util.Objects;

/**
 * The Bot API's "Integer or String" chat identifier: a numeric chat id, or the {@code @username} of a public
 * channel, supergroup or bot.
 */
public sealed interface ChatId permits ChatId.Numeric, ChatId.Username {

    /** A chat given by its numeric id (up to 52 significant bits, hence {@code long}). */
    static ChatId of(long id) {
        return new Numeric(id);
    }

    /** A chat given by its public username, with or without the leading {@code @}. */
    static ChatId of(String username) {
        return new Username(username);
    }

    /** A numeric chat id. */
    record Numeric(long id) implements ChatId {
        @Override
        public String toString() {
            return Long.toString(id);
        }
    }

    /** A public username, kept with its leading {@code @} as the Bot API expects. */
    record Username(String username) implements ChatId {
        public Username {
            Objects.requireNonNull(username, "username");
            if (username.isBlank()) {
                throw new IllegalArgumentException("a chat username must not be blank");
            }
            if (!username.startsWith("@")) {
                username = "@" + username;
            }
        }

        @Override
        public String toString() {
            return username;
        }
    }
}
