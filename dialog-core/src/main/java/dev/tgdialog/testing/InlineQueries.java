package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.telegram.types.InlineQueryResultsButton;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Inline mode on the fake: the queries open, and {@code answerInlineQuery} checked as Telegram checks it (at most 50
 * results, ids of 1–64 bytes unique in the answer, a {@code next_offset} of at most 64 bytes) and accepted once. Not
 * thread-safe: {@link FakeTelegram} uses it under its one lock.
 */
final class InlineQueries {
    private static final Type RESULTS = new TypeToken<List<InlineQueryResult>>() {}.getType();

    private final Map<String, String> open = new HashMap<>();
    private final Map<String, InlineResults> answers = new HashMap<>();
    /** The messages sent through inline mode that have buttons, by inline message id. */
    private final Map<String, FakeMessage> messages = new HashMap<>();

    /**
     * This class's methods by name: {@code answerInlineQuery}, and the text and markup edits of an inline message
     * (by {@code inline_message_id}); an edit of a chat's message goes on to {@code chatEdits}' handler.
     */
    Map<String, Dispatcher.Handler> handlers(Map<String, Dispatcher.Handler> chatEdits) {
        Dispatcher.Handler text = chatEdits.get("editMessageText");
        Dispatcher.Handler markup = chatEdits.get("editMessageReplyMarkup");
        return Map.of(
                "answerInlineQuery",
                this::answer,
                "editMessageText",
                p -> inline(p) ? editText(p) : Objects.requireNonNull(text).handle(p),
                "editMessageReplyMarkup",
                p -> inline(p) ? editMarkup(p) : Objects.requireNonNull(markup).handle(p));
    }

    private static boolean inline(Params p) {
        return !p.has("chat_id") && p.has("inline_message_id");
    }

    /** A message a user sent through inline mode with the bot's buttons, as {@link FakeUser#choose} does. */
    void sent(String inlineMessageId, String text, @Nullable InlineKeyboardMarkup markup) {
        messages.put(
                inlineMessageId, new FakeMessage(0, 0, text, "text", null, Chats.rows(markup), markup, null, false, 0));
    }

    @Nullable
    FakeMessage message(String inlineMessageId) {
        return messages.get(inlineMessageId);
    }

    private JsonElement editText(Params p) {
        FakeMessage before = found(p);
        String parseMode = MessageChecks.parseMode(p);
        String text = MessageChecks.text(p.string("text"), parseMode);
        InlineKeyboardMarkup markup = MessageChecks.inlineMarkup(p);
        return replace(Objects.requireNonNull(p.string("inline_message_id")), before, text, parseMode, markup);
    }

    private JsonElement editMarkup(Params p) {
        FakeMessage before = found(p);
        return replace(
                Objects.requireNonNull(p.string("inline_message_id")),
                before,
                before.text(),
                before.parseMode(),
                MessageChecks.inlineMarkup(p));
    }

    private JsonElement replace(
            String id,
            FakeMessage before,
            @Nullable String text,
            @Nullable String parseMode,
            @Nullable InlineKeyboardMarkup markup) {
        FakeMessage after =
                new FakeMessage(0, 0, text, "text", null, Chats.rows(markup), markup, parseMode, true, before.date());
        if (Objects.equals(before.text(), after.text())
                && Objects.equals(before.inlineKeyboard(), after.inlineKeyboard())) {
            throw badRequest("message is not modified: specified new message content and reply markup are exactly"
                    + " the same as a current content and reply markup of the message");
        }
        messages.put(id, after);
        return new JsonPrimitive(true);
    }

    private FakeMessage found(Params p) {
        FakeMessage message = messages.get(Objects.requireNonNull(p.string("inline_message_id")));
        if (message == null) {
            throw badRequest("MESSAGE_ID_INVALID");
        }
        return message;
    }

    void open(String queryId, String query) {
        open.put(queryId, query);
    }

    private JsonElement answer(Params p) {
        String id = Objects.requireNonNull(p.string("inline_query_id"));
        JsonElement json = p.json("results");
        if (json == null || !json.isJsonArray()) {
            throw badRequest("can't parse results JSON object");
        }
        List<InlineQueryResult> results = Params.read(json, RESULTS, "can't parse results JSON object");
        if (results.size() > 50) {
            throw badRequest("RESULTS_TOO_MUCH");
        }
        Set<String> ids = new HashSet<>();
        for (JsonElement result : json.getAsJsonArray()) {
            String resultId = result.isJsonObject()
                    ? Params.stringOf(result.getAsJsonObject().get("id"))
                    : null;
            if (resultId == null) {
                throw badRequest("RESULT_ID_INVALID");
            }
            int bytes = resultId.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                throw badRequest("RESULT_ID_INVALID");
            }
            if (!ids.add(resultId)) {
                throw badRequest("RESULT_ID_DUPLICATE");
            }
        }
        String next = p.string("next_offset");
        if (next != null && next.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw badRequest("NEXT_OFFSET_INVALID" /* at most 64 bytes */);
        }
        String query = open.remove(id);
        if (query == null) {
            throw new Refusal(
                    400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null);
        }
        JsonElement button = p.json("button");
        answers.put(
                id,
                new InlineResults(
                        id,
                        query,
                        results,
                        next == null ? "" : next,
                        p.has("cache_time") ? p.longValue("cache_time") : null,
                        p.bool("is_personal"),
                        button == null
                                ? null
                                : Params.read(button, InlineQueryResultsButton.class, "can't parse button")));
        return new JsonPrimitive(true);
    }

    @Nullable
    InlineResults answerTo(String queryId) {
        return answers.get(queryId);
    }
}
