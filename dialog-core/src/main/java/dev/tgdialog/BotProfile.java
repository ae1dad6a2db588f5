package dev.tgdialog;

import dev.tgdialog.telegram.Limits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a bot shows about itself besides its commands: its name, its description (in an empty chat with the bot) and
 * its short description (on its profile page and with links to it), each by language code, {@code ""} for every
 * language without one of its own. Declared with {@link DialogBot.Builder#profile}, published at start; a text never
 * declared stays as BotFather set it, one published before and no longer declared is removed. Checked when made: two-letter language codes and the lengths of {@link Limits}
 * ({@link Limits#BOT_NAME}, {@link Limits#BOT_DESCRIPTION}, {@link Limits#BOT_SHORT_DESCRIPTION}). An immutable value.
 *
 * @param names the name by language code
 * @param descriptions the description by language code
 * @param shortDescriptions the short description by language code
 */
public record BotProfile(
        Map<String, String> names, Map<String, String> descriptions, Map<String, String> shortDescriptions) {

    public BotProfile {
        names = checked("name", names, Limits.BOT_NAME);
        descriptions = checked("description", descriptions, Limits.BOT_DESCRIPTION);
        shortDescriptions = checked("short description", shortDescriptions, Limits.BOT_SHORT_DESCRIPTION);
    }

    /** Whether nothing is declared, so publishing makes no call. */
    public boolean isEmpty() {
        return names.isEmpty() && descriptions.isEmpty() && shortDescriptions.isEmpty();
    }

    private static Map<String, String> checked(String field, Map<String, String> texts, int limit) {
        texts.forEach((language, text) -> {
            if (!language.isEmpty() && !Command.LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("bot profile: the " + field
                        + " has a language code that is not two letters a-z (ISO 639-1): \"" + language + "\"");
            }
            if (text.length() > limit) {
                throw new IllegalArgumentException("bot profile: the " + field
                        + (language.isEmpty() ? "" : " (" + language + ")") + " is 0-" + limit + " characters, was "
                        + text.length());
            }
        });
        // In the order declared, so publishing calls in that order.
        return Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** Settings of a {@link BotProfile}; the texts are checked when it is built. */
    public static final class Builder {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private final Map<String, String> shortDescriptions = new LinkedHashMap<>();

        Builder() {}

        /** The name every language without one of its own shows. */
        public Builder name(String name) {
            return name("", name);
        }

        /** The name for users whose Telegram language is {@code languageCode} (two letters: {@code de}). */
        public Builder name(String languageCode, String name) {
            return put(names, languageCode, name);
        }

        /** The description every language without one of its own shows. */
        public Builder description(String text) {
            return description("", text);
        }

        /** The description for users whose Telegram language is {@code languageCode}. */
        public Builder description(String languageCode, String text) {
            return put(descriptions, languageCode, text);
        }

        /** The short description every language without one of its own shows. */
        public Builder shortDescription(String text) {
            return shortDescription("", text);
        }

        /** The short description for users whose Telegram language is {@code languageCode}. */
        public Builder shortDescription(String languageCode, String text) {
            return put(shortDescriptions, languageCode, text);
        }

        private Builder put(Map<String, String> texts, String languageCode, String text) {
            texts.put(Objects.requireNonNull(languageCode, "languageCode"), Objects.requireNonNull(text, "text"));
            return this;
        }

        public BotProfile build() {
            return new BotProfile(names, descriptions, shortDescriptions);
        }
    }
}
