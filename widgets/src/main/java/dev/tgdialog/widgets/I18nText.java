package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.RichText;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A text from a {@link ResourceBundle} in the user's language: the bundle is picked by the {@code language_code}
 * Telegram reports for the user ({@code de}, {@code pt-br}), falling back to the bundle's fallback locale (English by
 * default) for a language it has no bundle for, for a key that bundle lacks, and when the update has no user. With
 * arguments the text is a {@link MessageFormat} pattern (quote {@code '} as {@code ''}); without, it is used as it
 * is. The text is markup of the window's parse mode; each argument's value, once formatted, is escaped for it (as
 * {@link Text#format} does), so a value from a user shows as it is and cannot add markup. Keeps no
 * state; immutable and thread-safe when its argument functions are.
 *
 * <pre>{@code
 * static final I18nText.Bundle MESSAGES = I18nText.bundle("i18n.messages");
 * .text(MESSAGES.text("greeting", ctx -> ctx.user().firstName()))
 * }</pre>
 */
public final class I18nText implements TextWidget {

    /** An argument of a text: a value of the context being rendered. */
    @FunctionalInterface
    public interface Arg {
        @Nullable
        Object value(DialogContext ctx) throws Exception;
    }

    private final Bundle bundle;
    private final String key;
    private final List<Arg> args;

    private I18nText(Bundle bundle, String key, List<Arg> args) {
        this.bundle = bundle;
        this.key = key;
        this.args = args;
    }

    /** The bundles of {@code baseName} (as for {@link ResourceBundle#getBundle(String)}), English as fallback. */
    public static Bundle bundle(String baseName) {
        return new Bundle(baseName, Locale.ENGLISH, I18nText.class.getClassLoader());
    }

    /** The text of {@code key} in the bundles of {@code baseName}, English as fallback. */
    public static I18nText of(String baseName, String key, Arg... args) {
        return bundle(baseName).text(key, args);
    }

    /** The key of this text. */
    public String key() {
        return key;
    }

    @Override
    public String render(RenderContext ctx) throws Exception {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i).value(ctx);
        }
        return bundle.render(ctx, key, ctx.parseMode(), values);
    }

    /**
     * The bundles of one base name, with a fallback locale; loaded bundles are cached. Immutable apart from its cache,
     * and thread-safe: share one per base name.
     */
    public static final class Bundle {
        /** More distinct locales than Telegram has languages: beyond it, bundles load uncached. */
        private static final int MAX_CACHED = 256;

        private final String baseName;
        private final Locale fallback;
        private final ClassLoader loader;
        private final ResourceBundle.Control control;
        private final ConcurrentMap<Locale, ResourceBundle> cache = new ConcurrentHashMap<>();

        private Bundle(String baseName, Locale fallback, ClassLoader loader) {
            this.baseName = Objects.requireNonNull(baseName, "baseName");
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            this.loader = Objects.requireNonNull(loader, "loader");
            // The JDK's default control falls back to the JVM's default locale, which differs from host to host.
            this.control = new ResourceBundle.Control() {
                @Override
                public @Nullable Locale getFallbackLocale(String name, Locale locale) {
                    return locale.equals(fallback) ? null : fallback;
                }
            };
            bundle(fallback);
        }

        /** These bundles with {@code locale} as the fallback, which must have a bundle. */
        public Bundle fallback(Locale locale) {
            return new Bundle(baseName, locale, loader);
        }

        /** These bundles loaded by {@code loader} instead of the widget catalogue's class loader. */
        public Bundle loader(ClassLoader loader) {
            return new Bundle(baseName, fallback, loader);
        }

        /**
         * The text of {@code key}, formatted with the arguments' values. Fails at once when the fallback bundle has no
         * such key, since every user could then meet a missing text.
         */
        public I18nText text(String key, Arg... args) {
            Objects.requireNonNull(key, "key");
            if (!bundle(fallback).containsKey(key)) {
                throw new IllegalArgumentException(
                        "bundle " + baseName + " (" + fallback.toLanguageTag() + ") has no key \"" + key + "\"");
            }
            return new I18nText(this, key, List.of(args));
        }

        /** The locale of the user the context's update came from; the fallback when unknown. */
        public Locale locale(DialogContext ctx) {
            return ctx.language().orElse(fallback);
        }

        /**
         * The text of {@code key} in the context's user's language, formatted with {@code args} if any (numbers and
         * dates in the manner of the language the text is in), nothing escaped: for plain text such as a toast or a
         * {@linkplain dev.tgdialog.Transition.Move#reply reply} line (which is escaped where it is shown).
         */
        public String format(DialogContext ctx, String key, @Nullable Object... args) {
            return render(ctx, key, null, args);
        }

        /** The text of {@code key} formatted with {@code args}, each value escaped for {@code parseMode}. */
        String render(DialogContext ctx, String key, @Nullable String parseMode, @Nullable Object[] args) {
            ResourceBundle texts = bundle(locale(ctx));
            if (!texts.containsKey(key)) {
                texts = bundle(fallback);
            }
            String pattern = texts.getString(key);
            if (args.length == 0) {
                return pattern;
            }
            Locale language = texts.getLocale().getLanguage().isEmpty() ? fallback : texts.getLocale();
            return EscapedArgument.format(pattern, language, parseMode, args);
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
            throw new UnsupportedOperationException("an argument of an I18nText is only formatted");
        }
    }
}
