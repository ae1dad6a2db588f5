package dev.tgdialog.inline;

import dev.tgdialog.telegram.types.InlineQuery;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of an inline query as the handler sees it: what the user typed after the bot's name, where, and which
 * results to give ({@code offset} and {@code limit}, as a lazy list pages: the first page is offset 0, the next one
 * starts where it ended). Immutable.
 *
 * @param text the query text, up to 256 characters
 * @param chatType where the query was typed ({@code sender}, {@code private}, {@code group}, {@code supergroup},
 *     {@code channel}), when Telegram says
 * @param offset how many results the earlier pages gave
 * @param limit at most how many results this page gives; exactly this many means there may be more
 * @param query the query as Telegram sent it
 */
public record InlineRequest(String text, @Nullable String chatType, int offset, int limit, InlineQuery query) {
    public InlineRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(query, "query");
    }
}
