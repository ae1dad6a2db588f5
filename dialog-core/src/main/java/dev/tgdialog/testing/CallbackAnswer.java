package dev.tgdialog.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@code answerCallbackQuery} call that {@link FakeTelegram} accepted.
 *
 * @param queryId the callback query's id
 * @param text the toast or alert text; null when none was given
 * @param showAlert whether the text is shown as an alert rather than a toast
 * @param url the URL the client was told to open; null when none was given
 */
public record CallbackAnswer(
        String queryId,
        @Nullable String text,
        boolean showAlert,
        @Nullable String url) {
    public CallbackAnswer {
        Objects.requireNonNull(queryId, "queryId");
    }
}
