package dev.tgdialog.internal.publish;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tgdialog.Command;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.DeleteMyCommands;
import dev.tgdialog.telegram.methods.GetMyCommands;
import dev.tgdialog.telegram.methods.SetMyCommands;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared commands: one list per scope and language, each written with {@code setMyCommands} only
 * when {@code getMyCommands} answers something else, and the lists it published before but no longer declares
 * deleted with {@code deleteMyCommands}. What it published is kept as the bot record {@link #RECORD} of the store, so
 * a restart with the same declarations makes no write call. A failure is logged and never thrown: a bot whose command
 * list is stale still works. Thread-safe (it keeps no state between calls).
 */
public final class CommandPublisher {
    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);
    private static final Gson GSON = Json.gson();

    /** The bot record listing the scopes and languages published, as a JSON array of {@link Target}s. */
    public static final String RECORD = "published-commands";

    /**
     * One command list of Telegram's: a scope and a language code ({@code ""}: for every language without a list of
     * its own).
     */
    public record Target(BotCommandScope scope, String languageCode) {
        @Nullable
        String languageOrNull() {
            return languageCode.isEmpty() ? null : languageCode;
        }
    }

    private final TelegramClient telegram;
    private final PublishedRecord record;
    private final Map<Target, List<BotCommand>> lists;

    /**
     * A publisher of {@code commands}; throws {@link IllegalArgumentException} naming the scope and the first command
     * over the limit when a scope would list more than {@link Limits#COMMANDS}.
     */
    public CommandPublisher(TelegramClient telegram, StackStore store, long botId, Collection<Command> commands) {
        this.telegram = telegram;
        this.record = new PublishedRecord(store, botId, RECORD, "commands");
        this.lists = lists(commands);
    }

    /**
     * The lists Telegram is to hold: for each scope, one list in the default language and one per language any of its
     * commands is translated into; a language list holds every command of the scope (Telegram shows a user the list
     * of their language instead of the default one, not merged with it), untranslated ones in the default wording.
     */
    public static Map<Target, List<BotCommand>> lists(Collection<Command> commands) {
        Map<BotCommandScope, List<Command>> byScope = new LinkedHashMap<>();
        for (Command command : commands) {
            for (BotCommandScope scope : command.scopes()) {
                List<Command> listed = byScope.computeIfAbsent(scope, s -> new ArrayList<>());
                listed.add(command);
                if (listed.size() > Limits.COMMANDS) {
                    throw new IllegalArgumentException("command /" + command.name() + " is one too many in scope "
                            + GSON.toJson(scope, BotCommandScope.class) + ": a scope lists at most " + Limits.COMMANDS
                            + " commands per language");
                }
            }
        }
        Map<Target, List<BotCommand>> lists = new LinkedHashMap<>();
        byScope.forEach((scope, listed) -> {
            Set<String> languages = new LinkedHashSet<>();
            languages.add("");
            listed.forEach(c -> languages.addAll(new TreeSet<>(c.translations().keySet())));
            for (String language : languages) {
                lists.put(
                        new Target(scope, language),
                        listed.stream()
                                .map(c -> new BotCommand(c.name(), c.description(language)))
                                .toList());
            }
        });
        return Collections.unmodifiableMap(lists);
    }

    /** Makes Telegram's command lists what is declared, with as few write calls as it can; logs, never throws. */
    public void publish() {
        Set<Target> before = published();
        Set<Target> now = new LinkedHashSet<>(lists.keySet());
        int written = 0;
        int deleted = 0;
        for (Map.Entry<Target, List<BotCommand>> list : lists.entrySet()) {
            Target target = list.getKey();
            try {
                List<BotCommand> held = telegram.execute(new GetMyCommands(target.scope(), target.languageOrNull()));
                if (!list.getValue().equals(held)) {
                    telegram.execute(new SetMyCommands(list.getValue(), target.scope(), target.languageOrNull()));
                    written++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not publish the commands of {}: {}", describe(target), e.toString());
            }
        }
        for (Target target : before) {
            if (lists.containsKey(target)) {
                continue;
            }
            try {
                telegram.execute(new DeleteMyCommands(target.scope(), target.languageOrNull()));
                deleted++;
            } catch (RuntimeException e) {
                // Kept in the record, so the next start tries again.
                now.add(target);
                log.warn("Could not delete the commands of {}: {}", describe(target), e.toString());
            }
        }
        if (!now.equals(before)) {
            remember(now);
        }
        if (lists.isEmpty() && before.isEmpty()) {
            return;
        }
        log.info("Commands published: {} lists declared, {} written, {} deleted", lists.size(), written, deleted);
    }

    /** The targets the record lists; none when there is no record or it cannot be read (then nothing is deleted). */
    private Set<Target> published() {
        Set<Target> targets = new LinkedHashSet<>();
        try {
            record.load(!lists.isEmpty()).ifPresent(document -> {
                for (JsonElement element : JsonParser.parseString(document).getAsJsonArray()) {
                    JsonObject o = element.getAsJsonObject();
                    BotCommandScope scope = GSON.fromJson(o.get("scope"), BotCommandScope.class);
                    JsonElement language = o.get("language_code");
                    targets.add(new Target(scope, language == null ? "" : language.getAsString()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not read which commands were published before; none are deleted: {}", e.toString());
            return Set.of();
        }
        return targets;
    }

    private void remember(Set<Target> targets) {
        JsonArray array = new JsonArray();
        for (Target target : targets) {
            JsonObject o = new JsonObject();
            o.add("scope", GSON.toJsonTree(target.scope(), BotCommandScope.class));
            if (!target.languageCode().isEmpty()) {
                o.addProperty("language_code", target.languageCode());
            }
            array.add(o);
        }
        record.save(GSON.toJson(array));
    }

    private static String describe(Target target) {
        return "scope " + GSON.toJson(target.scope(), BotCommandScope.class)
                + (target.languageCode().isEmpty() ? "" : " language " + target.languageCode());
    }
}
