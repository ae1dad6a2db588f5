package dev.tgdialog.inline;

import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.telegram.types.InlineQueryResultsButton;
import dev.tgdialog.telegram.types.WebAppInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One page of results for an inline query, with how long Telegram may cache it, whether it is for this user only, and
 * a button above the results that opens the bot in private (with a deep-link payload) or a Mini App. The engine adds
 * {@code next_offset}. Immutable.
 */
public final class InlineAnswer {
    private static final Pattern START = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final List<InlineQueryResult> results;
    private final @Nullable Duration cacheTime;
    private final boolean personal;
    private final @Nullable InlineQueryResultsButton button;

    private InlineAnswer(
            List<InlineQueryResult> results,
            @Nullable Duration cacheTime,
            boolean personal,
            @Nullable InlineQueryResultsButton button) {
        this.results = List.copyOf(results);
        this.cacheTime = cacheTime;
        this.personal = personal;
        this.button = button;
    }

    /** These results (of this page), in order. */
    public static InlineAnswer of(List<? extends InlineQueryResult> results) {
        return new InlineAnswer(List.copyOf(results), null, false, null);
    }

    /** How long Telegram may keep this page for the same query (its default is 300 s). */
    public InlineAnswer cacheTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("a cache time is not negative, was " + time);
        }
        return new InlineAnswer(results, time, personal, button);
    }

    /** The results depend on who asks: Telegram caches them per user. */
    public InlineAnswer personal() {
        return new InlineAnswer(results, cacheTime, true, button);
    }

    /**
     * A button above the results that opens the bot's private chat with {@code /start startParameter} (a deep-link
     * payload: 1–64 of {@code A-Za-z0-9_-}), to sign in or set something up first.
     */
    public InlineAnswer startButton(String text, String startParameter) {
        if (!START.matcher(startParameter).matches()) {
            throw new IllegalArgumentException(
                    "a start parameter is 1-64 of A-Za-z0-9_-, was \"" + startParameter + "\"");
        }
        return new InlineAnswer(results, cacheTime, personal, new InlineQueryResultsButton(text, null, startParameter));
    }

    /** A button above the results that opens a Mini App. */
    public InlineAnswer webAppButton(String text, String url) {
        return new InlineAnswer(
                results, cacheTime, personal, new InlineQueryResultsButton(text, new WebAppInfo(url), null));
    }

    public List<InlineQueryResult> results() {
        return results;
    }

    public @Nullable Duration cacheTime() {
        return cacheTime;
    }

    public boolean isPersonal() {
        return personal;
    }

    public @Nullable InlineQueryResultsButton button() {
        return button;
    }

    @Override
    public String toString() {
        return "InlineAnswer[" + results.size() + " results" + (personal ? ", personal" : "") + "]";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof InlineAnswer a
                && results.equals(a.results)
                && Objects.equals(cacheTime, a.cacheTime)
                && personal == a.personal
                && Objects.equals(button, a.button);
    }

    @Override
    public int hashCode() {
        return Objects.hash(results, cacheTime, personal, button);
    }
}
