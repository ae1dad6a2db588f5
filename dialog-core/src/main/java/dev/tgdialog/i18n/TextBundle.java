package dev.tgdialog.i18n;

import dev.tgdialog.DialogContext;
import dev.tgdialog.RichText;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The texts of a bot in its users' languages, from the {@link ResourceBundle}s of one base name: the bundle is picked
 * by the user's {@linkplain DialogContext#language language} ({@code de}, {@code pt-BR}), falling back to the
 * fallback locale's (English by default) for a language without a bundle and for a key that bundle lacks. With
 * arguments a text is a {@link MessageFormat} pattern (quote {@code '} as {@code ''}; numbers and dates in the
 * manner of the text's language); without, it is used as it is. Immutable apart from its cache of loaded bundles,
 * and thread-safe: share one per base name.
 *
 * <pre>{@code
 * static final TextBundle TEXTS = TextBundle.of("i18n.messages").translatedTo("de", "uk");
 * String line = TEXTS.format(ctx, "order.thanks", count);
 * }</pre>
 */
public final class TextBundle {
    /** More distinct locales than Telegram has languages: beyond it, bundles load uncached. */
    private static final int MAX_CACHED = 256;

    private final String baseName;
    private final Locale fallback;
    private final ClassLoader loader;
    private final List<Locale> translations;
    private final ResourceBundle.Control control;
    private final ConcurrentMap<Locale, ResourceBundle> cache = new ConcurrentHashMap<>();

    private TextBundle(String baseName, Locale fallback, ClassLoader loader, List<Locale> translations) {
        this.baseName = Objects.requireNonNull(baseName, "baseName");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.translations = List.copyOf(translations);
        // The JDK's default control falls back to the JVM's default locale, which differs from host to host.
        this.control = new ResourceBundle.Control() {
            @Override
            public @Nullable Locale getFallbackLocale(String name, Locale locale) {
                return locale.equals(fallback) ? null : fallback;
            }
        };
        bundle(fallback);
        for (Locale language : this.translations) {
            if (!bundle(language).getLocale().getLanguage().equals(language.getLanguage())) {
                throw new MissingResourceException(
                        "bundle " + baseName + " has no translation to " + language.toLanguageTag(), baseName, "");
            }
        }
    }

    /**
     * The bundles of {@code baseName} (as for {@link ResourceBundle#getBundle(String)}), English as the fallback.
     *
     * @throws MissingResourceException when there is no English bundle
     */
    public static TextBundle of(String baseName) {
        return new TextBundle(baseName, Locale.ENGLISH, TextBundle.class.getClassLoader(), List.of());
    }

    /** These bundles with {@code locale} as the fallback, which must have a bundle. */
    public TextBundle fallback(Locale locale) {
        return new TextBundle(baseName, locale, loader, translations);
    }

    /** These bundles loaded by {@code loader} instead of the framework's class loader. */
    public TextBundle loader(ClassLoader loader) {
        return new TextBundle(baseName, fallback, loader, translations);
    }

    /**
     * These bundles declaring the languages they are translated to (language tags: {@code de}, {@code pt-BR}), each
     * of which must have a bundle: the languages {@link #translations} lists, for command descriptions and a
     * settings dialog's choice of language. Texts of other languages with a bundle are still found.
     *
     * @throws MissingResourceException naming a language without a bundle
     */
    public TextBundle translatedTo(String... languageTags) {
        List<Locale> languages = new ArrayList<>();
        for (String tag : languageTags) {
            Locale language = Locale.forLanguageTag(tag);
            if (language.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("not a language tag: \"" + tag + "\"");
            }
            languages.add(language);
        }
        return new TextBundle(baseName, fallback, loader, languages);
    }

    /** The fallback language, then those declared by {@link #translatedTo}. */
    public List<Locale> languages() {
        List<Locale> languages = new ArrayList<>(translations.size() + 1);
        languages.add(fallback);
        languages.addAll(translations);
        return List.copyOf(languages);
    }

    /**
     * Fails at once when the fallback bundle has no {@code key}, since every user could then meet a missing text.
     *
     * @return {@code key}
     */
    public String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!bundle(fallback).containsKey(key)) {
            throw new IllegalArgumentException(
                    "bundle " + baseName + " (" + fallback.toLanguageTag() + ") has no key \"" + key + "\"");
        }
        return key;
    }

    /** The language a text for this context's user is taken in: the user's language, else the fallback. */
    public Locale locale(DialogContext ctx) {
        return ctx.language().orElse(fallback);
    }

    /**
     * The text of {@code key} in the context's user's language, formatted with {@code args} if any, nothing escaped:
     * for plain text such as a toast, a {@linkplain dev.tgdialog.Transition.Move#reply reply} line (escaped where it
     * is shown) or a push.
     */
    public String format(DialogContext ctx, String key, @Nullable Object... args) {
        return format(locale(ctx), key, args);
    }

    /** The text of {@code key} in {@code language} (the fallback's where it has none), formatted with {@code args}. */
    public String format(Locale language, String key, @Nullable Object... args) {
        return markup(language, key, null, args);
    }

    /**
     * The text of {@code key} in {@code language}, a pattern of markup in {@code parseMode} (null: plain text),
     * formatted with {@code args}, each value escaped for that mode (as {@link RichText#escape} does) so a value
     * from a user shows as it is and cannot add markup; a choice's text is the pattern's own and stays markup.
     */
    public String markup(Locale language, String key, @Nullable String parseMode, @Nullable Object... args) {
        ResourceBundle texts = bundle(language);
        if (!texts.containsKey(key)) {
            texts = bundle(fallback);
        }
        String pattern = texts.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Locale textLanguage = texts.getLocale().getLanguage().isEmpty() ? fallback : texts.getLocale();
        return EscapedArgument.format(pattern, textLanguage, parseMode, args);
    }

    /**
     * The text of {@code key} in each language of {@link #translatedTo} whose text differs from the fallback's, by
     * two-letter language code ({@code de}) as Telegram names a user's language for command lists and profiles (of
     * two regions of one language, the first declared wins): what a command's and a help heading's translations take.
     *
     * @throws IllegalArgumentException when the bundle has no such key
     */
    public Map<String, String> translations(String key) {
        String fallbackText = format(fallback, requireKey(key));
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (Locale language : translations) {
            String text = format(language, key);
            if (!language.getLanguage().equals(fallback.getLanguage()) && !text.equals(fallbackText)) {
                byLanguage.putIfAbsent(language.getLanguage(), text);
            }
        }
        return byLanguage;
    }

    private ResourceBundle bundle(Locale locale) {
        ResourceBundle cached = cache.get(locale);
        if (cached != null) {
            return cached;
        }
        ResourceBundle loaded = ResourceBundle.getBundle(baseName, locale, loader, control);
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(locale, loaded);
        }
        return loaded;
    }

    @Override
    public String toString() {
        return "TextBundle[" + baseName + ", " + languages() + "]";
    }

    /**
     * One argument of a {@link MessageFormat}, formatted as the message format would (by the pattern's format, or by
     * its default for a number, a date or anything else) and then escaped for a parse mode. A choice is the pattern's
     * own text, so it is not escaped; one that holds arguments of its own is formatted the same way.
     */
    private static final class EscapedArgument extends Format {
        private final @Nullable Format format;
        private final Locale locale;
        private final @Nullable String parseMode;
        private final @Nullable Object[] args;

        private EscapedArgument(
                @Nullable Format format, Locale locale, @Nullable String parseMode, @Nullable Object[] args) {
            this.format = format;
            this.locale = locale;
            this.parseMode = parseMode;
            this.args = args;
        }

        /** {@code pattern} formatted with {@code args}, each value escaped for {@code parseMode}. */
        static String format(String pattern, Locale locale, @Nullable String parseMode, @Nullable Object[] args) {
            MessageFormat message = new MessageFormat(pattern, locale);
            Format[] formats = message.getFormats();
            for (int i = 0; i < formats.length; i++) {
                formats[i] = new EscapedArgument(formats[i], locale, parseMode, args);
            }
            message.setFormats(formats);
            return message.format(args);
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
            if (format instanceof ChoiceFormat) {
                String chosen = format.format(value);
                return to.append(chosen.indexOf('{') >= 0 ? format(chosen, locale, parseMode, args) : chosen);
            }
            String text;
            if (format != null) {
                text = format.format(value);
            } else if (value instanceof Number) {
                text = NumberFormat.getInstance(locale).format(value);
            } else if (value instanceof Date) {
                text = DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale)
                        .format(value);
            } else {
                text = String.valueOf(value);
            }
            return to.append(RichText.escape(text, parseMode));
        }

        @Override
        public @Nullable Object parseObject(String source, ParsePosition position) {
            throw new UnsupportedOperationException("an argument of a text is only formatted");
        }
    }
}
