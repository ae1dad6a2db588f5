package dev.tgdialog.testing;

import static dev.tgdialog.testing.Refusal.badRequest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import dev.tgdialog.BotProfile;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bot's settings and their methods: the command lists per scope and language ({@code setMyCommands},
 * {@code getMyCommands}, {@code deleteMyCommands}) and the menu buttons per chat and by default
 * ({@code setChatMenuButton}, {@code getChatMenuButton}), and the profile per language ({@code setMyName},
 * {@code getMyName}, {@code setMyDescription}, {@code getMyDescription}, {@code setMyShortDescription},
 * {@code getMyShortDescription}), commands and profile texts checked against {@link Limits}. Not thread-safe:
 * {@link FakeTelegram} uses it under its one lock.
 */
final class BotSettings {
    private static final Gson GSON = Json.gson();
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1," + Limits.COMMAND_NAME + "}");

    /**
     * By {@link #commandsKey}: exactly one scope and language, no fallback between them; in the order first set, so
     * {@link #commandsJson} is stable.
     */
    private final Map<String, Held> commands = new LinkedHashMap<>();

    /** One command list as Telegram holds it: the scope's canonical JSON, the language ("" for none), the commands. */
    private record Held(JsonElement scope, String languageCode, List<BotCommand> commands) {}

    private final Map<Long, MenuButton> chatMenuButtons = new HashMap<>();
    private @Nullable MenuButton defaultMenuButton;

    /** One profile text by language ("" for none): set for exactly that language, "" when not set (no fallback). */
    private final Map<String, String> names = new HashMap<>();

    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, String> shortDescriptions = new HashMap<>();

    /** The methods this class answers, by name. */
    Map<String, Dispatcher.Handler> handlers() {
        return Map.ofEntries(
                Map.entry("setMyCommands", this::setMyCommands),
                Map.entry("getMyCommands", this::getMyCommands),
                Map.entry("deleteMyCommands", this::deleteMyCommands),
                Map.entry("setChatMenuButton", this::setChatMenuButton),
                Map.entry("getChatMenuButton", this::getChatMenuButton),
                Map.entry("setMyName", p -> setText(p, names, "name", Limits.BOT_NAME)),
                Map.entry("getMyName", p -> getText(p, names, "name")),
                Map.entry("setMyDescription", p -> setText(p, descriptions, "description", Limits.BOT_DESCRIPTION)),
                Map.entry("getMyDescription", p -> getText(p, descriptions, "description")),
                Map.entry(
                        "setMyShortDescription",
                        p -> setText(p, shortDescriptions, "short_description", Limits.BOT_SHORT_DESCRIPTION)),
                Map.entry("getMyShortDescription", p -> getText(p, shortDescriptions, "short_description")));
    }

    /** Sets one profile text for the request's language; none or "" removes it, as Telegram does. */
    private static JsonElement setText(Params p, Map<String, String> texts, String field, int limit) {
        String text = p.string(field);
        if (text != null && text.length() > limit) {
            throw badRequest(field + " is too long: " + text.length() + " characters (at most " + limit + ")");
        }
        if (text == null || text.isEmpty()) {
            texts.remove(languageOf(p));
        } else {
            texts.put(languageOf(p), text);
        }
        return new JsonPrimitive(true);
    }

    private static JsonElement getText(Params p, Map<String, String> texts, String field) {
        JsonObject held = new JsonObject();
        held.addProperty(field, texts.getOrDefault(languageOf(p), ""));
        return held;
    }

    /** The profile texts set, each by the language it was set for ("" for none). */
    BotProfile profile() {
        return new BotProfile(names, descriptions, shortDescriptions);
    }

    private JsonElement setMyCommands(Params p) {
        List<BotCommand> list = parseCommands(p.json("commands"));
        if (list.size() > Limits.COMMANDS) {
            throw badRequest("too many commands: " + list.size() + " (at most " + Limits.COMMANDS + ")");
        }
        list.forEach(BotSettings::checkCommand);
        JsonElement scope = canonicalScope(p);
        String language = languageOf(p);
        commands.put(commandsKey(scope, language), new Held(scope, language, List.copyOf(list)));
        return new JsonPrimitive(true);
    }

    private JsonElement getMyCommands(Params p) {
        Held held = commands.get(commandsKey(p));
        return GSON.toJsonTree(held == null ? List.of() : held.commands());
    }

    private JsonElement deleteMyCommands(Params p) {
        commands.remove(commandsKey(p));
        return new JsonPrimitive(true);
    }

    /** The commands set for exactly this scope and language; empty when none are. */
    List<BotCommand> commands(BotCommandScope scope, @Nullable String languageCode) {
        Held held = commands.get(
                commandsKey(GSON.toJsonTree(scope, BotCommandScope.class), languageCode == null ? "" : languageCode));
        return held == null ? List.of() : held.commands();
    }

    /**
     * Every command list held, as a JSON array of {@code {"scope": …, "language_code": …, "commands": […]}} in the
     * order the lists were first set ({@code language_code} left out for the list of no language).
     */
    String commandsJson() {
        JsonArray lists = new JsonArray();
        for (Held held : commands.values()) {
            JsonObject list = new JsonObject();
            list.add("scope", held.scope());
            if (!held.languageCode().isEmpty()) {
                list.addProperty("language_code", held.languageCode());
            }
            list.add("commands", GSON.toJsonTree(held.commands()));
            lists.add(list);
        }
        return GSON.newBuilder().setPrettyPrinting().create().toJson(lists);
    }

    private JsonElement setChatMenuButton(Params p) {
        MenuButton button = MenuButtonDefault.of();
        JsonElement json = p.json("menu_button");
        if (json != null) {
            button = Params.read(json, MenuButton.class, "can't parse menu button JSON object");
        }
        if (p.has("chat_id")) {
            chatMenuButtons.put(p.chatId(), button);
        } else {
            defaultMenuButton = button;
        }
        return new JsonPrimitive(true);
    }

    private JsonElement getChatMenuButton(Params p) {
        MenuButton button = p.has("chat_id")
                ? chatMenuButtons.getOrDefault(p.chatId(), MenuButtonDefault.of())
                : defaultMenuButton != null ? defaultMenuButton : MenuButtonCommands.of();
        return GSON.toJsonTree(button, MenuButton.class);
    }

    /** The menu button set for this chat, or the default one for {@code null}; null when none was set. */
    @Nullable
    MenuButton menuButton(@Nullable Long chatId) {
        return chatId == null ? defaultMenuButton : chatMenuButtons.get(chatId);
    }

    private static List<BotCommand> parseCommands(@Nullable JsonElement json) {
        String refusal = "can't parse commands JSON object";
        if (json == null || !json.isJsonArray()) {
            throw badRequest(refusal);
        }
        return Params.read(
                json, TypeToken.getParameterized(List.class, BotCommand.class).getType(), refusal);
    }

    private static void checkCommand(@Nullable BotCommand c) {
        if (c == null || c.command() == null || !COMMAND.matcher(c.command()).matches()) {
            throw badRequest("BOT_COMMAND_INVALID");
        }
        if (c.description() == null
                || c.description().isEmpty()
                || c.description().length() > Limits.COMMAND_DESCRIPTION) {
            throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
    }

    /** The request's scope and language as a key; an unreadable scope is refused. */
    private static String commandsKey(Params p) {
        return commandsKey(canonicalScope(p), languageOf(p));
    }

    /** The request's scope as its canonical JSON (none is the default scope); an unreadable scope is refused. */
    private static JsonElement canonicalScope(Params p) {
        JsonElement scope = p.json("scope");
        if (scope == null) {
            return GSON.toJsonTree(BotCommandScopeDefault.of(), BotCommandScope.class);
        }
        if (!scope.isJsonObject()) {
            throw badRequest("can't parse BotCommandScope JSON object");
        }
        BotCommandScope parsed = Params.read(scope, BotCommandScope.class, "unsupported bot command scope type");
        return GSON.toJsonTree(parsed, BotCommandScope.class);
    }

    /** The request's language; none and "" are the same list. */
    private static String languageOf(Params p) {
        String language = p.string("language_code");
        return language == null ? "" : language;
    }

    /** The canonical scope and the language, so equal pairs meet. */
    private static String commandsKey(JsonElement scope, String languageCode) {
        return GSON.toJson(scope) + "|" + languageCode;
    }
}
