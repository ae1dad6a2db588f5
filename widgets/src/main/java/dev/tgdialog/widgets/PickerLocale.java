package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The locale data of the pickers ({@link DatePicker}, {@link TimePicker}): a user's locale from Telegram's
 * {@code language_code} (with the likely region of a bare language, which decides the first day of the week),
 * month and weekday names, and digits in the locale's script. Never the JVM's default locale. Stateless.
 */
final class PickerLocale {
    /** The likely region of a language, where it is not the language code itself, for the first day of the week. */
    private static final Map<String, String> LIKELY_REGION = Map.ofEntries(
            Map.entry("en", "US"),
            Map.entry("uk", "UA"),
            Map.entry("be", "BY"),
            Map.entry("kk", "KZ"),
            Map.entry("fa", "IR"),
            Map.entry("he", "IL"),
            Map.entry("ja", "JP"),
            Map.entry("ko", "KR"),
            Map.entry("zh", "CN"),
            Map.entry("hi", "IN"),
            Map.entry("sv", "SE"),
            Map.entry("da", "DK"),
            Map.entry("cs", "CZ"),
            Map.entry("el", "GR"),
            Map.entry("et", "EE"),
            Map.entry("sl", "SI"),
            Map.entry("sr", "RS"),
            Map.entry("ca", "ES"),
            Map.entry("ar", "SA"),
            Map.entry("ms", "MY"),
            Map.entry("vi", "VN"),
            Map.entry("nb", "NO"),
            Map.entry("nn", "NO"),
            Map.entry("ka", "GE"),
            Map.entry("hy", "AM"),
            Map.entry("bn", "BD"),
            Map.entry("ne", "NP"),
            Map.entry("sq", "AL"),
            Map.entry("tg", "TJ"),
            Map.entry("km", "KH"),
            Map.entry("si", "LK"),
            Map.entry("ta", "IN"),
            Map.entry("te", "IN"),
            Map.entry("ml", "IN"),
            Map.entry("mr", "IN"),
            Map.entry("gu", "IN"),
            Map.entry("kn", "IN"),
            Map.entry("ur", "PK"),
            Map.entry("ga", "IE"),
            Map.entry("cy", "GB"));

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PickerLocale() {}

    /**
     * The locale for the user's {@linkplain DialogContext#language language}; a bare language ({@code de}, as
     * Telegram sends it) gets its likely region ({@code de-DE}), which decides the first day of the week.
     */
    static Locale userLocale(DialogContext ctx) {
        return userLocale(ctx.language());
    }

    /** The locale for {@code picked} as {@link #userLocale(DialogContext)}; English when {@code picked} is empty. */
    static Locale userLocale(Optional<Locale> picked) {
        Locale parsed = picked.orElse(Locale.ROOT);
        if (parsed.getLanguage().isEmpty()) {
            return Locale.ENGLISH;
        }
        if (!parsed.getCountry().isEmpty()) {
            return parsed;
        }
        String language = parsed.getLanguage();
        String region = LIKELY_REGION.get(language);
        if (region == null && COUNTRIES.contains(language.toUpperCase(Locale.ROOT))) {
            region = language.toUpperCase(Locale.ROOT);
        }
        return region == null
                ? parsed
                : new Locale.Builder().setLocale(parsed).setRegion(region).build();
    }

    /**
     * {@code value} zero-padded to {@code width} digits, in the digits of {@code locale} (Persian {@code ۰۹} for
     * {@code fa}, ASCII for English): for labels only, never for payloads.
     */
    static String digits(int value, int width, Locale locale) {
        String ascii = String.format(Locale.ROOT, "%0" + width + "d", value);
        char zero = DecimalFormatSymbols.getInstance(locale).getZeroDigit();
        if (zero == '0') {
            return ascii;
        }
        StringBuilder b = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            b.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return b.toString();
    }

    static String title(Month month, Locale locale) {
        return displayName(style -> month.getDisplayName(style, locale), TextStyle.FULL, month.getValue(), locale);
    }

    static String shortMonthName(Month month, Locale locale) {
        return displayName(style -> month.getDisplayName(style, locale), TextStyle.SHORT, month.getValue(), locale);
    }

    static String weekdayName(DayOfWeek day, Locale locale) {
        return displayName(style -> day.getDisplayName(style, locale), TextStyle.SHORT, day.getValue(), locale);
    }

    /**
     * The stand-alone form of a name (nominative: "Январь", not the "января" of a date), capitalized; the formatting
     * form where the JDK's data has no stand-alone one and answers with the number.
     */
    private static String displayName(Function<TextStyle, String> name, TextStyle style, int number, Locale locale) {
        String standalone = name.apply(style.asStandalone());
        return capitalize(standalone.equals(Integer.toString(number)) ? name.apply(style) : standalone, locale);
    }

    private static String capitalize(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
