package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.testing.Chats.Content;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Polls on the fake: {@code sendPoll} checked as Telegram checks it (a question of 1–300 characters, 2–12 options of
 * 1–100, a quiz's right option among them) and answered with the message and its poll, whose id the answers
 * ({@link FakeUser#answerPoll}) name. Not thread-safe: {@link FakeTelegram} uses it under its one lock.
 */
final class Polls {
    private static final Gson GSON = Json.gson();

    private final Chats chats;
    private final Map<String, String> pollIds = new HashMap<>();
    private int next;

    Polls(Chats chats) {
        this.chats = chats;
    }

    Map<String, Dispatcher.Handler> handlers() {
        return Map.of("sendPoll", this::sendPoll);
    }

    private JsonElement sendPoll(Params p) {
        long chatId = p.chatId();
        String question = Objects.requireNonNull(p.string("question"));
        if (question.isEmpty() || question.length() > 300) {
            throw badRequest("POLL_QUESTION_INVALID" /* 1-300 characters */);
        }
        JsonElement optionsJson = p.json("options");
        if (optionsJson == null || !optionsJson.isJsonArray()) {
            throw badRequest("can't parse options JSON object");
        }
        JsonArray options = optionsJson.getAsJsonArray();
        if (options.size() < 2 || options.size() > 12) {
            throw badRequest("POLL_ANSWERS_INVALID" /* 2-12 options */);
        }
        JsonArray shown = new JsonArray();
        for (JsonElement option : options) {
            String text = option.isJsonObject()
                    ? Params.stringOf(option.getAsJsonObject().get("text"))
                    : null;
            if (text == null || text.isEmpty() || text.length() > 100) {
                throw badRequest("POLL_ANSWER_INVALID" /* 1-100 characters */);
            }
            JsonObject o = new JsonObject();
            o.addProperty("text", text);
            o.addProperty("voter_count", 0);
            shown.add(o);
        }
        String type = Objects.requireNonNullElse(p.string("type"), "regular");
        if (type.equals("quiz")) {
            JsonElement correct = p.json("correct_option_ids");
            if (correct == null
                    || !correct.isJsonArray()
                    || correct.getAsJsonArray().isEmpty()
                    || correct.getAsJsonArray().get(0).getAsInt() >= options.size()) {
                throw badRequest("QUIZ_CORRECT_ANSWERS_EMPTY");
            }
        }
        InlineKeyboardMarkup markup = MessageChecks.inlineMarkup(p);
        chats.checkNotBlocked(chatId);
        Message sent = chats.send(chatId, new Content("poll", question, null, markup, null, null));
        String pollId = "poll" + (++next);
        pollIds.put(chatId + ":" + sent.messageId(), pollId);
        JsonObject reply = GSON.toJsonTree(sent).getAsJsonObject();
        JsonObject poll = new JsonObject();
        poll.addProperty("id", pollId);
        poll.addProperty("question", question);
        poll.add("options", shown);
        poll.addProperty("total_voter_count", 0);
        poll.addProperty("is_closed", false);
        poll.addProperty("is_anonymous", p.has("is_anonymous") && p.bool("is_anonymous"));
        poll.addProperty("type", type);
        poll.addProperty(
                "allows_multiple_answers", p.has("allows_multiple_answers") && p.bool("allows_multiple_answers"));
        reply.add("poll", poll);
        return reply;
    }

    @Nullable
    String pollId(FakeMessage message) {
        return pollIds.get(message.chatId() + ":" + message.messageId());
    }
}
