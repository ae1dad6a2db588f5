package dev.tgdialog.testing;

import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.telegram.types.InlineQueryResultsButton;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bot's answer to one inline query as the fake Telegram accepted it: one page of results, and the offset of the
 * next page ({@code ""}: there is none).
 *
 * @param queryId the query answered
 * @param query the text the user typed
 * @param results the page's results, in order
 * @param nextOffset what the user's app sends back for the next page; empty when the bot has no more
 * @param cacheTime how long Telegram may cache the page, in seconds; null for its default
 * @param personal whether the page is for this user only
 * @param button the button above the results, if any
 */
public record InlineResults(
        String queryId,
        String query,
        List<InlineQueryResult> results,
        String nextOffset,
        @Nullable Long cacheTime,
        boolean personal,
        @Nullable InlineQueryResultsButton button) {

    public InlineResults {
        results = List.copyOf(results);
    }

    /** Whether scrolling down asks the bot for another page. */
    public boolean hasMore() {
        return !nextOffset.isEmpty();
    }
}
