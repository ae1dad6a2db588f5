package dev.tgdialog.internal.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tgdialog.BotProfile;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMyDescription;
import dev.tgdialog.telegram.methods.GetMyName;
import dev.tgdialog.telegram.methods.GetMyShortDescription;
import dev.tgdialog.telegram.methods.SetMyDescription;
import dev.tgdialog.telegram.methods.SetMyName;
import dev.tgdialog.telegram.methods.SetMyShortDescription;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared {@link BotProfile}: each name, description and short description per language is read
 * ({@code getMyName}, …) and written ({@code setMyName}, …) only when Telegram holds something else, so a restart
 * with the same profile makes no write call; a text it published before and no longer declares is removed (set to
 * {@code ""}), which it knows from the bot record {@link #RECORD}. A failure is logged and never thrown. Thread-safe
 * (it keeps no state between calls).
 */
public final class ProfilePublisher {
    private static final Logger log = LoggerFactory.getLogger(ProfilePublisher.class);

    /**
     * The bot record listing the languages published, as a JSON object from field ({@code name}, {@code description},
     * {@code short_description}) to an array of language codes ({@code ""}: no language).
     */
    public static final String RECORD = "published-profile";

    private final TelegramClient telegram;
    private final PublishedRecord record;
    private final BotProfile profile;

    public ProfilePublisher(TelegramClient telegram, StackStore store, long botId, BotProfile profile) {
        this.telegram = telegram;
        this.record = new PublishedRecord(store, botId, RECORD, "profile texts");
        this.profile = profile;
    }

    /** A getter of one field in one language ({@code null}: no language). */
    private interface Read {
        String held(@Nullable String languageCode);
    }

    /** A setter of one field in one language ({@code null}: no language; {@code ""} removes the text). */
    private interface Write {
        void set(String text, @Nullable String languageCode);
    }

    /** One field of the profile: its key in the record, its name in the log, what is declared, its methods. */
    private record Field(String key, String label, Map<String, String> declared, Read read, Write write) {}

    private List<Field> fields() {
        return List.of(
                new Field(
                        "name",
                        "name",
                        profile.names(),
                        language -> telegram.execute(new GetMyName(language)).name(),
                        (text, language) -> telegram.execute(new SetMyName(text, language))),
                new Field(
                        "description",
                        "description",
                        profile.descriptions(),
                        language ->
                                telegram.execute(new GetMyDescription(language)).description(),
                        (text, language) -> telegram.execute(new SetMyDescription(text, language))),
                new Field(
                        "short_description",
                        "short description",
                        profile.shortDescriptions(),
                        language -> telegram.execute(new GetMyShortDescription(language))
                                .shortDescription(),
                        (text, language) -> telegram.execute(new SetMyShortDescription(text, language))));
    }

    /**
     * Makes Telegram's profile texts what is declared, writing only those that differ and removing those no longer
     * declared; logs, never throws.
     */
    public void publish() {
        JsonObject before = published();
        if (profile.isEmpty() && before.size() == 0) {
            return;
        }
        JsonObject now = new JsonObject();
        int written = 0;
        int removed = 0;
        for (Field field : fields()) {
            Set<String> languages = new LinkedHashSet<>(field.declared().keySet());
            for (Map.Entry<String, String> text : field.declared().entrySet()) {
                String language = text.getKey();
                try {
                    if (!text.getValue().equals(field.read().held(orNull(language)))) {
                        field.write().set(text.getValue(), orNull(language));
                        written++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not publish the bot's {}{}: {}", field.label(), describe(language), e.toString());
                }
            }
            for (String language : languages(before, field.key())) {
                if (field.declared().containsKey(language)) {
                    continue;
                }
                try {
                    field.write().set("", orNull(language));
                    removed++;
                } catch (RuntimeException e) {
                    // Kept in the record, so the next start tries again.
                    languages.add(language);
                    log.warn("Could not remove the bot's {}{}: {}", field.label(), describe(language), e.toString());
                }
            }
            if (!languages.isEmpty()) {
                JsonArray array = new JsonArray();
                languages.forEach(array::add);
                now.add(field.key(), array);
            }
        }
        if (!now.equals(before)) {
            record.save(now.toString());
        }
        log.info("Bot profile published: {} texts written, {} removed", written, removed);
    }

    /** The record; empty when there is none or it cannot be read (then nothing is removed). */
    private JsonObject published() {
        try {
            return record.load(!profile.isEmpty())
                    .map(document -> JsonParser.parseString(document).getAsJsonObject())
                    .orElseGet(JsonObject::new);
        } catch (RuntimeException e) {
            log.warn("Could not read which profile texts were published before; none are removed: {}", e.toString());
            return new JsonObject();
        }
    }

    private static Set<String> languages(JsonObject record, String key) {
        Set<String> languages = new LinkedHashSet<>();
        JsonElement array = record.get(key);
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(language -> languages.add(language.getAsString()));
        }
        return languages;
    }

    private static @Nullable String orNull(String languageCode) {
        return languageCode.isEmpty() ? null : languageCode;
    }

    private static String describe(String languageCode) {
        return languageCode.isEmpty() ? "" : " (" + languageCode + ")";
    }
}
