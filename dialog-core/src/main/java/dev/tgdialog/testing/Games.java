package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.GameHighScore;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.Chats.Content;
import dev.tgdialog.testing.Chats.Stored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Games on the fake: {@code sendGame} (a Play button first when there are buttons), and the scores of each game
 * message, in a chat or inline, with {@code setGameScore} keeping only a higher score unless forced and
 * {@code getGameHighScores} answering them best first. Not thread-safe: {@link FakeTelegram} uses it under its one
 * lock.
 */
final class Games {
    private static final Gson GSON = Json.gson();

    private final Chats chats;
    /** Scores by game message ({@code chat:message}, or the inline message id), by user. */
    private final Map<String, Map<Long, Long>> scores = new HashMap<>();

    private final Map<Long, User> players = new HashMap<>();

    Games(Chats chats) {
        this.chats = chats;
    }

    Map<String, Dispatcher.Handler> handlers() {
        return Map.of(
                "sendGame", this::sendGame, "setGameScore", this::setScore, "getGameHighScores", this::highScores);
    }

    /** Remembers a player, for the high-score table (the harness calls this on a Play click). */
    void player(User user) {
        players.put(user.id(), user);
    }

    private JsonElement sendGame(Params p) {
        long chatId = p.chatId();
        String shortName = p.string("game_short_name");
        if (shortName == null || shortName.isEmpty()) {
            throw badRequest("GAME_SHORTNAME_INVALID");
        }
        InlineKeyboardMarkup markup = MessageChecks.firstButtonMarkup(p, false);
        chats.checkNotBlocked(chatId);
        return GSON.toJsonTree(chats.send(chatId, new Content("game", shortName, null, markup, null, null)));
    }

    private JsonElement setScore(Params p) {
        long userId = p.longValue("user_id");
        long score = p.longValue("score");
        if (score < 0) {
            throw badRequest("BOT_SCORE_INVALID" /* not negative */);
        }
        String place = place(p);
        Map<Long, Long> table = scores.computeIfAbsent(place, k -> new LinkedHashMap<>());
        Long before = table.get(userId);
        if (before != null && score <= before && !p.bool("force")) {
            throw badRequest("BOT_SCORE_NOT_MODIFIED");
        }
        table.put(userId, score);
        String inline = p.string("inline_message_id");
        if (inline != null) {
            return new JsonPrimitive(true);
        }
        Stored message = Objects.requireNonNull(chats.find(p.chatId(), p.longValue("message_id")));
        return GSON.toJsonTree(chats.edit(
                message,
                new Content("game", message.view().text(), null, message.view().replyMarkup(), null, null)));
    }

    private JsonElement highScores(Params p) {
        Map<Long, Long> table = scores.getOrDefault(place(p), Map.of());
        List<Map.Entry<Long, Long>> best = new ArrayList<>(table.entrySet());
        best.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        JsonArray result = new JsonArray();
        int position = 1;
        for (Map.Entry<Long, Long> entry : best) {
            User user = players.getOrDefault(
                    entry.getKey(),
                    User.builder(entry.getKey(), false, "User " + entry.getKey())
                            .build());
            result.add(GSON.toJsonTree(new GameHighScore(position++, user, entry.getValue())));
        }
        return result;
    }

    /** The game message a score call names, refused as Telegram refuses one it cannot find. */
    private String place(Params p) {
        String inline = p.string("inline_message_id");
        if (inline != null) {
            return inline;
        }
        if (!p.has("chat_id") || !p.has("message_id")) {
            throw badRequest("message to set game score not found" /* neither chat message nor inline */);
        }
        Stored message = chats.find(p.chatId(), p.longValue("message_id"));
        if (message == null || !message.view().kind().equals("game")) {
            throw badRequest("message to set game score not found");
        }
        return p.chatId() + ":" + p.longValue("message_id");
    }
}
