package dev.tgdialog;

import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.telegram.types.BotCommandScopeUnknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command as the bot declares it to Telegram: its name, its description (and translations of it by language code)
 * and the scopes whose command list shows it. {@link DialogBot.Builder#command(Command, CommandHandler)} routes it and
 * publishes it. Checked when made: a name of 1–32 of {@code a-z 0-9 _}, descriptions of 1–256 characters, two-letter
 * language codes. An immutable value.
 *
 * <pre>{@code
 * Command.builder("order")
 *     .description("Order a pizza")
 *     .description("de", "Eine Pizza bestellen")
 *     .scopes(BotCommandScopeAllPrivateChats.of())
 *     .build();
 * }</pre>
 *
 * @param name the command without the slash
 * @param description what every language without a translation shows
 * @param translations the description by language code ({@code de}), given one by one or from a
 *     {@link TextBundle} ({@link Builder#description(TextBundle, String)})
 * @param scopes where the command is listed; {@link BotCommandScopeDefault} when none is given
 */
public record Command(String name, String description, Map<String, String> translations, List<BotCommandScope> scopes) {
    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1," + Limits.COMMAND_NAME + "}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public Command {
        checkName(name);
        checkDescription(name, "", description);
        translations = Map.copyOf(new LinkedHashMap<>(translations));
        translations.forEach((language, text) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("command /" + name
                        + ": a language code is two letters a-z (ISO 639-1), was \"" + language + "\"");
            }
            checkDescription(name, language, text);
        });
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("command /" + name + " is listed in no scope");
        }
        for (BotCommandScope scope : scopes) {
            if (Objects.requireNonNull(scope, "scope") instanceof BotCommandScopeUnknown) {
                throw new IllegalArgumentException(
                        "command /" + name + ": scope of unknown type \"" + scope.type() + "\"");
            }
        }
        scopes = List.copyOf(new LinkedHashSet<>(scopes));
    }

    /** A command with this description, in the default scope, in every language. */
    public static Command of(String name, String description) {
        return new Command(name, description, Map.of(), List.of(BotCommandScopeDefault.of()));
    }

    /** Starts a command with translations or other scopes. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The description shown to users whose language is {@code languageCode} ({@code ""}: no language). */
    public String description(String languageCode) {
        return translations.getOrDefault(languageCode, description);
    }

    /** Throws unless {@code name} is a command name Telegram accepts, naming it. */
    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a command is 1-" + Limits.COMMAND_NAME + " of a-z 0-9 _, was \"" + name + "\"");
        }
    }

    private static void checkDescription(String name, String language, String text) {
        if (text.isEmpty() || text.length() > Limits.COMMAND_DESCRIPTION) {
            throw new IllegalArgumentException("command /" + name + ": a description"
                    + (language.isEmpty() ? "" : " (" + language + ")") + " is 1-" + Limits.COMMAND_DESCRIPTION
                    + " characters, was " + text.length());
        }
    }

    /** Settings of a {@link Command}; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final Map<String, String> translations = new LinkedHashMap<>();
        private final List<BotCommandScope> scopes = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The description every language without a translation shows (required). */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The description for users whose Telegram language is {@code languageCode} (two letters: {@code de}). */
        public Builder description(String languageCode, String text) {
            translations.put(
                    Objects.requireNonNull(languageCode, "languageCode"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * The description of {@code key} in {@code texts}: the fallback language's for every language, and each
         * language the bundle is {@linkplain TextBundle#translatedTo translated to} whose text differs as its
         * translation (by its two-letter language code, as Telegram keeps command lists; the first of two regions of
         * one language wins).
         *
         * @throws IllegalArgumentException when the bundle has no such key
         */
        public Builder description(TextBundle texts, String key) {
            description(texts.format(texts.languages().get(0), texts.requireKey(key)));
            return descriptions(texts.translations(key));
        }

        /** Descriptions by language code, as {@link #description(String, String)} for each. */
        public Builder descriptions(Map<String, String> byLanguage) {
            byLanguage.forEach(this::description);
            return this;
        }

        /** Lists the command in these scopes (added to those given before); the default scope when none is given. */
        public Builder scopes(BotCommandScope... scopes) {
            this.scopes.addAll(List.of(scopes));
            return this;
        }

        public Command build() {
            return new Command(
                    name, description, translations, scopes.isEmpty() ? List.of(BotCommandScopeDefault.of()) : scopes);
        }
    }
}
