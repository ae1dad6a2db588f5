package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A calendar keyboard for picking a day. It shows a month as a grid of days under a {@code « February 2024 »}
 * header; clicking the header zooms out to the months of the year, and again to a page of twelve years, from where
 * a click zooms back in. Days, months and years outside {@link Builder#notBefore}/{@link Builder#notAfter} keep
 * their cells but show the {@linkplain Builder#outOfRangeMarker out-of-range look} ({@code ·} by default) instead of
 * their label, and a click on one is answered with a toast and changes nothing; navigation past them is not
 * offered. Month and weekday names and the first day of the week follow the user's {@code language_code} unless a
 * locale is given, and so do the digits of the labels (Persian {@code ۲۹} for {@code fa}); a user without one sees
 * English. The JVM's default locale is never used.
 *
 * <p>Callback payloads are short and checked on every click: {@code d20240229} picks a day, {@code m202402} zooms
 * into a month, {@code y2024} into a year, {@code p}/{@code n} go to the previous/next month, year or page,
 * {@code z} zooms out and {@code _} (blank cells, weekday names) does nothing. A payload that does not parse, is out
 * of range or does not belong to what is showing is refused with a toast and changes nothing. Payloads are plain
 * ASCII whatever the locale.
 *
 * <p>Immutable and thread-safe; the view and the month showing are kept in the widget's state.
 */
public final class DatePicker extends Picker<LocalDate> {

    /** Starts a date picker with this widget id (1-16 of {@code A-Z a-z 0-9 _ -}). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    static final String NOOP = "_";
    static final String PREV = "p";
    static final String NEXT = "n";
    static final String ZOOM_OUT = "z";
    static final String BLANK = " ";
    static final int YEARS_PER_PAGE = 12;

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final Pattern DAY = Pattern.compile("d(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("m(\\d{4})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("y(\\d{4})");

    private enum View {
        DAYS,
        MONTHS,
        YEARS
    }

    private static final Key<View> VIEW = Key.of("view", View.class);
    /** The first day of the month showing; its year picks the year and the page of years. */
    private static final Key<LocalDate> SHOWN = Key.of("shown", LocalDate.class);

    /** Null when the earliest day is today. */
    private final @Nullable Function<DialogContext, LocalDate> notBefore;

    private final Function<DialogContext, LocalDate> notAfter;
    private final @Nullable Locale locale;
    private final @Nullable DayOfWeek firstDayOfWeek;
    private final ZoneId zone;
    private final String todayMarker;
    private final String outOfRangeMarker;

    private DatePicker(Builder b) {
        super(b);
        this.notBefore = b.notBefore;
        this.notAfter = b.notAfter;
        this.locale = b.locale;
        this.firstDayOfWeek = b.firstDayOfWeek;
        this.zone = b.zone;
        this.todayMarker = b.todayMarker;
        this.outOfRangeMarker = b.outOfRangeMarker;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        Showing s = showing(ctx);
        return switch (s.view) {
            case DAYS -> renderDays(ctx, s);
            case MONTHS -> renderMonths(ctx, s);
            case YEARS -> renderYears(ctx, s);
        };
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Showing s = showing(ctx);
        if (payload.equals(NOOP)) {
            return Transition.stay();
        }
        if (payload.equals(PREV) || payload.equals(NEXT)) {
            boolean forward = payload.equals(NEXT);
            if (!(forward ? s.hasNext() : s.hasPrev())) {
                return Transition.reject(forward ? "There are no later dates" : "There are no earlier dates");
            }
            LocalDate shown = switch (s.view) {
                case DAYS -> s.shown.plusMonths(forward ? 1 : -1);
                case MONTHS -> s.shown.plusYears(forward ? 1 : -1);
                case YEARS -> s.shown.plusYears(forward ? YEARS_PER_PAGE : -YEARS_PER_PAGE);
            };
            return show(ctx, s.view, s.clamp(shown));
        }
        if (payload.equals(ZOOM_OUT)) {
            return s.view == View.YEARS
                    ? Transition.reject(OUT_OF_DATE)
                    : show(ctx, s.view == View.DAYS ? View.MONTHS : View.YEARS, s.shown);
        }
        var day = DAY.matcher(payload);
        if (day.matches()) {
            LocalDate date;
            try {
                date = LocalDate.of(
                        Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)), Integer.parseInt(day.group(3)));
            } catch (DateTimeException e) {
                return Transition.reject("That is not a date");
            }
            Transition refused = refusal(
                    s.inRange(date),
                    "This day cannot be picked",
                    s.view == View.DAYS && YearMonth.from(date).equals(YearMonth.from(s.shown)));
            return refused != null ? refused : onPick.onClick(ctx, date);
        }
        var month = MONTH.matcher(payload);
        if (month.matches()) {
            int year = Integer.parseInt(month.group(1));
            int number = Integer.parseInt(month.group(2));
            if (year < FIRST.getYear() || number < 1 || number > 12) {
                return Transition.reject("That is not a month");
            }
            YearMonth ym = YearMonth.of(year, number);
            Transition refused = refusal(
                    s.inRange(ym), "This month cannot be picked", s.view == View.MONTHS && year == s.shown.getYear());
            return refused != null ? refused : show(ctx, View.DAYS, ym.atDay(1));
        }
        var yearMatch = YEAR.matcher(payload);
        if (yearMatch.matches()) {
            int year = Integer.parseInt(yearMatch.group(1));
            Transition refused = refusal(
                    s.inRange(year),
                    "This year cannot be picked",
                    s.view == View.YEARS && pageStart(year) == pageStart(s.shown.getYear()));
            return refused != null ? refused : show(ctx, View.MONTHS, s.clamp(s.shown.withYear(year)));
        }
        return Transition.reject(OUT_OF_DATE);
    }

    /** Shows the month of {@code shown} (or its year, or its page of years) in {@code view}. */
    private static Transition show(WidgetContext ctx, View view, LocalDate shown) {
        ctx.setState(SHOWN, shown.withDayOfMonth(1));
        ctx.setState(VIEW, view);
        return Transition.stay();
    }

    private List<List<InlineKeyboardButton>> renderDays(RenderContext ctx, Showing s) {
        List<InlineKeyboardButton> cells = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            cells.add(ctx.button(PickerLocale.weekdayName(s.firstDay.plus(i), s.locale), NOOP));
        }
        LocalDate last = s.shown.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate day = s.shown.with(TemporalAdjusters.previousOrSame(s.firstDay));
        // Whole weeks: the days of the months around are blank cells.
        for (; !day.isAfter(last) || cells.size() % 7 != 0; day = day.plusDays(1)) {
            String label =
                    label(PickerLocale.digits(day.getDayOfMonth(), 1, s.locale), s.inRange(day), day.equals(s.today));
            cells.add(
                    day.getMonth() != s.shown.getMonth()
                            ? ctx.button(BLANK, NOOP)
                            : ctx.button(label, dayPayload(day)));
        }
        String title = PickerLocale.title(s.shown.getMonth(), s.locale) + " "
                + PickerLocale.digits(s.shown.getYear(), 1, s.locale);
        return grid(header(ctx, s, title, ZOOM_OUT), cells, 7);
    }

    private List<List<InlineKeyboardButton>> renderMonths(RenderContext ctx, Showing s) {
        int year = s.shown.getYear();
        List<InlineKeyboardButton> cells = new ArrayList<>();
        for (Month m : Month.values()) {
            YearMonth month = YearMonth.of(year, m);
            String label = label(
                    PickerLocale.shortMonthName(m, s.locale), s.inRange(month), month.equals(YearMonth.from(s.today)));
            cells.add(ctx.button(label, String.format(Locale.ROOT, "m%04d%02d", year, m.getValue())));
        }
        return grid(header(ctx, s, PickerLocale.digits(year, 1, s.locale), ZOOM_OUT), cells, 3);
    }

    private List<List<InlineKeyboardButton>> renderYears(RenderContext ctx, Showing s) {
        int start = pageStart(s.shown.getYear());
        List<InlineKeyboardButton> cells = new ArrayList<>();
        for (int year = start; year < start + YEARS_PER_PAGE; year++) {
            String label = label(PickerLocale.digits(year, 1, s.locale), s.inRange(year), year == s.today.getYear());
            String payload = String.format(Locale.ROOT, "y%04d", year);
            cells.add(
                    year < FIRST.getYear() || year > LAST.getYear()
                            ? ctx.button(BLANK, NOOP)
                            : ctx.button(label, payload));
        }
        String title = PickerLocale.digits(start, 1, s.locale) + " – "
                + PickerLocale.digits(start + YEARS_PER_PAGE - 1, 1, s.locale);
        return grid(header(ctx, s, title, NOOP), cells, 3);
    }

    /** The header row, then the cells {@code width} to a row. */
    private static List<List<InlineKeyboardButton>> grid(
            List<InlineKeyboardButton> header, List<InlineKeyboardButton> cells, int width) {
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        rows.add(header);
        rows.addAll(Items.rows(cells, width));
        return rows;
    }

    private static List<InlineKeyboardButton> header(RenderContext ctx, Showing s, String title, String titlePayload) {
        return List.of(
                s.hasPrev() ? ctx.button("«", PREV) : ctx.button(BLANK, NOOP),
                ctx.button(title, titlePayload),
                s.hasNext() ? ctx.button("»", NEXT) : ctx.button(BLANK, NOOP));
    }

    /**
     * A cell's label: the out-of-range look for what may not be picked (its payload stays, so a click is refused
     * with a toast), else the plain label, marked when it is today, this month or this year.
     */
    private String label(String plain, boolean inRange, boolean now) {
        return !inRange
                ? String.format(Locale.ROOT, outOfRangeMarker, plain)
                : now ? String.format(Locale.ROOT, todayMarker, plain) : plain;
    }

    private static String dayPayload(LocalDate day) {
        return String.format(Locale.ROOT, "d%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    static int pageStart(int year) {
        return Math.floorDiv(year, YEARS_PER_PAGE) * YEARS_PER_PAGE;
    }

    /** What this user sees now: the bounds, today, the locale, the view and the month showing. */
    private Showing showing(WidgetContext ctx) {
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), zone);
        LocalDate min = max(FIRST, notBefore == null ? today : notBefore.apply(ctx));
        LocalDate max = min(LAST, notAfter.apply(ctx));
        Locale loc = locale != null ? locale : PickerLocale.userLocale(ctx);
        DayOfWeek first =
                firstDayOfWeek != null ? firstDayOfWeek : WeekFields.of(loc).getFirstDayOfWeek();
        View view = ctx.state(VIEW, View.DAYS);
        LocalDate stored = ctx.state(SHOWN);
        LocalDate shown = stored != null ? stored : clamp(today, min, max);
        return new Showing(min, max, today, loc, first, view, shown.withDayOfMonth(1));
    }

    private record Showing(
            LocalDate min,
            LocalDate max,
            LocalDate today,
            Locale locale,
            DayOfWeek firstDay,
            View view,
            LocalDate shown) {

        LocalDate clamp(LocalDate date) {
            return DatePicker.clamp(date, min, max);
        }

        boolean inRange(LocalDate date) {
            return !date.isBefore(min) && !date.isAfter(max);
        }

        boolean inRange(YearMonth month) {
            return !month.atEndOfMonth().isBefore(min) && !month.atDay(1).isAfter(max);
        }

        boolean inRange(int year) {
            return year >= min.getYear() && year <= max.getYear() && !min.isAfter(max);
        }

        boolean hasPrev() {
            return switch (view) {
                case DAYS -> !shown.minusDays(1).isBefore(min);
                case MONTHS -> shown.getYear() - 1 >= min.getYear();
                case YEARS -> pageStart(shown.getYear()) - 1 >= min.getYear();
            };
        }

        boolean hasNext() {
            return switch (view) {
                case DAYS -> !shown.plusMonths(1).isAfter(max);
                case MONTHS -> shown.getYear() + 1 <= max.getYear();
                case YEARS -> pageStart(shown.getYear()) + YEARS_PER_PAGE <= max.getYear();
            };
        }
    }

    /** The date itself, or the nearest bound when it is outside them (bounds that leave no day clamp nothing). */
    private static LocalDate clamp(LocalDate date, LocalDate min, LocalDate max) {
        if (min.isAfter(max)) {
            return date;
        }
        return date.isBefore(min) ? min : date.isAfter(max) ? max : date;
    }

    private LocalDate max(LocalDate a, @Nullable LocalDate b) {
        Objects.requireNonNull(b, () -> "DatePicker " + id() + ": notBefore gave null");
        return a.isAfter(b) ? a : b;
    }

    private LocalDate min(LocalDate a, @Nullable LocalDate b) {
        Objects.requireNonNull(b, () -> "DatePicker " + id() + ": notAfter gave null");
        return a.isBefore(b) ? a : b;
    }

    /** Settings of a {@link DatePicker}; not thread-safe, build once at startup. */
    public static final class Builder extends Picker.Builder<LocalDate, Builder> {
        /** Null for "not before today". */
        private @Nullable Function<DialogContext, LocalDate> notBefore = ctx -> FIRST;

        private Function<DialogContext, LocalDate> notAfter = ctx -> LAST;
        private @Nullable LocalDate fixedNotBefore;
        private @Nullable LocalDate fixedNotAfter;
        private @Nullable Locale locale;
        private @Nullable DayOfWeek firstDayOfWeek;
        private ZoneId zone = ZoneOffset.UTC;
        private String todayMarker = "[%s]";
        private String outOfRangeMarker = "·";

        private Builder(String id) {
            super(id, "DatePicker");
        }

        /** The earliest day that may be picked, worked out for each render and click. */
        public Builder notBefore(Function<DialogContext, LocalDate> notBefore) {
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
            this.fixedNotBefore = null;
            return this;
        }

        /** The earliest day that may be picked. */
        public Builder notBefore(LocalDate notBefore) {
            Objects.requireNonNull(notBefore, "notBefore");
            this.notBefore = ctx -> notBefore;
            this.fixedNotBefore = notBefore;
            return this;
        }

        /** Refuses days before today (today in this picker's {@link #zone}, from the bot's clock). */
        public Builder notBeforeToday() {
            this.notBefore = null;
            this.fixedNotBefore = null;
            return this;
        }

        /** The latest day that may be picked, worked out for each render and click. */
        public Builder notAfter(Function<DialogContext, LocalDate> notAfter) {
            this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
            this.fixedNotAfter = null;
            return this;
        }

        /** The latest day that may be picked. */
        public Builder notAfter(LocalDate notAfter) {
            Objects.requireNonNull(notAfter, "notAfter");
            this.notAfter = ctx -> notAfter;
            this.fixedNotAfter = notAfter;
            return this;
        }

        /** Month and weekday names (and the first day of the week) in this locale, whatever the user's language. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The first column of the month grid; by default the locale's. */
        public Builder firstDayOfWeek(DayOfWeek firstDayOfWeek) {
            this.firstDayOfWeek = Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
            return this;
        }

        /** The time zone in which "today" is taken from the bot's clock; UTC by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * How today (and this month and year, when zoomed out) is labelled: a {@link String#format} pattern with one
         * {@code %s} for the plain label; {@code "[%s]"} by default.
         */
        public Builder todayMarker(String format) {
            if (!probe("todayMarker", format).contains("31")) {
                throw new IllegalArgumentException("DatePicker " + id + ": todayMarker must show the label with a"
                        + " mark around it, was \"" + format + "\"");
            }
            this.todayMarker = format;
            return this;
        }

        /**
         * How a day, month or year outside {@link #notBefore}/{@link #notAfter} is labelled, so that it does not look
         * pickable: a {@link String#format} pattern with at most one {@code %s} for the plain label, such as
         * {@code "✕%s"}, or a sign in its place; {@code "·"} by default, which keeps the cell (and the grid's shape)
         * without a label that invites a click.
         */
        public Builder outOfRangeMarker(String format) {
            probe("outOfRangeMarker", format);
            this.outOfRangeMarker = format;
            return this;
        }

        /** The label {@code format} makes of {@code 31}; fails unless it is visible and unlike the plain label. */
        private String probe(String setting, String format) {
            Objects.requireNonNull(format, "format");
            String probe;
            try {
                probe = String.format(Locale.ROOT, format, "31");
            } catch (IllegalFormatException e) {
                throw new IllegalArgumentException(
                        "DatePicker " + id + ": " + setting + " must be a format with at" + " most one %s, was \""
                                + format + "\"",
                        e);
            }
            if (probe.isBlank() || probe.equals("31")) {
                throw new IllegalArgumentException("DatePicker " + id + ": " + setting + " must look unlike the plain"
                        + " label, was \"" + format + "\"");
            }
            return probe;
        }

        /** The picker; fails when it has no {@link #onPick} or its fixed bounds leave no day. */
        public DatePicker build() {
            if (fixedNotBefore != null && fixedNotAfter != null && fixedNotBefore.isAfter(fixedNotAfter)) {
                throw new IllegalStateException(
                        "DatePicker " + id + ": notBefore " + fixedNotBefore + " is after notAfter " + fixedNotAfter);
            }
            return new DatePicker(this);
        }
    }
}
