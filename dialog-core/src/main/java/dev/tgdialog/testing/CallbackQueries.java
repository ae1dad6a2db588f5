package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.TimeSource;
import dev.tgdialog.telegram.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The callback queries: those opened by a click and not yet answered, and the answers accepted. An answer is
 * accepted once, within {@link Limits#CALLBACK_QUERY_ANSWER_WINDOW} of the click; a late, repeated or unknown one is
 * refused as Telegram refuses it. Not thread-safe: {@link FakeTelegram} uses it under its one lock.
 */
final class CallbackQueries {
    private static final String QUERY_TOO_OLD =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private final TimeSource time;
    private final Map<String, Instant> open = new HashMap<>();
    private final List<CallbackAnswer> answers = new ArrayList<>();

    CallbackQueries(TimeSource time) {
        this.time = time;
    }

    /** Opens the query now, as a click does. */
    void open(String queryId) {
        open.put(queryId, time.now());
    }

    /** The methods this class answers, by name. */
    Map<String, Dispatcher.Handler> handlers() {
        return Map.of("answerCallbackQuery", this::answer);
    }

    /** {@code answerCallbackQuery}: a text too long is refused before the query counts as answered. */
    private JsonElement answer(Params p) {
        String id = Objects.requireNonNull(p.string("callback_query_id"));
        String text = p.string("text");
        if (text != null && text.length() > Limits.CALLBACK_ANSWER_TEXT) {
            throw badRequest("MESSAGE_TOO_LONG");
        }
        Instant opened = open.remove(id);
        if (opened == null || Duration.between(opened, time.now()).compareTo(Limits.CALLBACK_QUERY_ANSWER_WINDOW) > 0) {
            throw new Refusal(400, QUERY_TOO_OLD, null);
        }
        answers.add(new CallbackAnswer(id, text, p.bool("show_alert"), p.string("url")));
        return new JsonPrimitive(true);
    }

    List<CallbackAnswer> answers() {
        return List.copyOf(answers);
    }
}
