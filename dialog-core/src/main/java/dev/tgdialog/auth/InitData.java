package dev.tgdialog.auth;

import dev.tgdialog.telegram.types.User;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Mini App's {@code initData} once verified: who opened it, from where, and how. Immutable.
 *
 * @param user the user who opened the Mini App
 * @param receiver the other user of the private chat it was opened in from the attachment menu
 * @param chatType where it was opened ({@code sender}, {@code private}, {@code group}, {@code supergroup},
 *     {@code channel})
 * @param chatInstance a global id of the chat it was opened from
 * @param startParameter the {@code startapp} or {@code startattach} parameter of the link that opened it
 * @param queryId the id for {@code answerWebAppQuery}, for a Mini App opened from inline mode
 * @param authDate when Telegram signed the data
 * @param fields every field as sent, decoded (the JSON ones, such as {@code chat}, as text)
 */
public record InitData(
        @Nullable User user,
        @Nullable User receiver,
        @Nullable String chatType,
        @Nullable String chatInstance,
        @Nullable String startParameter,
        @Nullable String queryId,
        Instant authDate,
        Map<String, String> fields) {

    public InitData {
        fields = Map.copyOf(fields);
    }
}
