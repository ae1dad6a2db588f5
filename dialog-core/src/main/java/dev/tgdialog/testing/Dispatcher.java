package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.types.User;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs one Bot API call: checks it against the {@link BotApiSpec}, hands it to the handler for its method (from
 * {@link MessageMethods}, {@link CallbackQueries} and {@link BotSettings}, which each name the methods they answer),
 * and turns the result or refusal into the reply. A method of the Bot API without a handler is answered
 * {@code true} when its result is a Boolean (a send still refused for a blocked chat), and refused as not supported
 * otherwise. Not thread-safe: {@link FakeTelegram} calls it under its one lock.
 */
final class Dispatcher {

    /** The code of one Bot API method: its result, or a {@link Refusal}. */
    @FunctionalInterface
    interface Handler {
        JsonElement handle(Params p);
    }

    private final Map<String, Handler> handlers;
    private final Chats chats;

    Dispatcher(
            User bot,
            Chats chats,
            CallbackQueries queries,
            BotSettings settings,
            Invoices invoices,
            Games games,
            InlineQueries inline,
            Polls polls) {
        this.chats = chats;
        Map<String, Handler> byName = new HashMap<>();
        byName.put("getMe", p -> Json.gson().toJsonTree(bot));
        byName.putAll(new MessageMethods(chats).handlers());
        byName.putAll(queries.handlers());
        byName.putAll(settings.handlers());
        byName.putAll(invoices.handlers());
        byName.putAll(games.handlers());
        byName.putAll(polls.handlers());
        byName.putAll(inline.handlers(Map.copyOf(byName)));
        this.handlers = Map.copyOf(byName);
    }

    /** The reply to a call of {@code method}, 404 when the Bot API has no such method. */
    JsonObject handle(BotApiSpec.@Nullable Method method, Params p) {
        if (method == null) {
            return Replies.error(Refusal.notFound());
        }
        try {
            method.checkRequired(p);
            return Replies.ok(handlers.getOrDefault(method.name(), q -> unhandled(method, q))
                    .handle(p));
        } catch (Refusal r) {
            return Replies.error(r);
        } catch (RuntimeException e) {
            // JSON of the right shape but the wrong types (a number where an object belongs, say).
            return Replies.error(badRequest("FakeTelegram could not read the " + method.name() + " request: " + e));
        }
    }

    private JsonElement unhandled(BotApiSpec.Method method, Params p) {
        if (!method.returnsBoolean()) {
            throw badRequest("method not supported by FakeTelegram: " + method.name());
        }
        if (method.name().startsWith("send") && p.has("chat_id")) {
            chats.checkNotBlocked(p.chatId());
        }
        return new JsonPrimitive(true);
    }
}
