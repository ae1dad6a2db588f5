package dev.tgdialog.widgets;

import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A keyboard for picking a time of day in two clicks: first the hour from a grid of 24 ({@code 00}-{@code 23}, rows
 * of 6), then the minute from that hour's steps ({@code 09:00}, {@code 09:15}, …, rows of 4) with a button back to
 * the hours. The hour picked is kept in the widget's state until a minute is picked. The labels' digits follow the
 * user's {@code language_code} (Persian {@code ۰۹:۱۵} for {@code fa}; English without one), never the JVM's default
 * locale.
 *
 * <p>Callback payloads (plain ASCII whatever the locale): {@code h09} picks an hour, {@code m15} a minute of the
 * hour picked, {@code b} goes back to the hours. Anything else, a minute off the step, or a minute before an hour is
 * refused with a toast and changes nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimePicker extends Picker<LocalTime> {

    /** Starts a time picker with this widget id (1-16 of {@code A-Z a-z 0-9 _ -}). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    static final String BACK = "b";
    static final int HOURS_PER_ROW = 6;
    static final int MINUTES_PER_ROW = 4;

    private static final Pattern HOUR_PAYLOAD = Pattern.compile("h(\\d{2})");
    private static final Pattern MINUTE_PAYLOAD = Pattern.compile("m(\\d{2})");
    private static final Key<Integer> HOUR = Key.of("hour", Integer.class);

    /** The minutes offered in an hour, every step from {@code :00}. */
    private final List<Integer> minutes;

    private final String backLabel;

    private TimePicker(Builder b) {
        super(b);
        this.minutes =
                IntStream.iterate(0, m -> m < 60, m -> m + b.minuteStep).boxed().toList();
        this.backLabel = b.backLabel;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        Integer hour = ctx.state(HOUR);
        Locale locale = PickerLocale.userLocale(ctx);
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        if (hour == null) {
            for (int h = 0; h < 24; h++) {
                buttons.add(ctx.button(PickerLocale.digits(h, 2, locale), String.format(Locale.ROOT, "h%02d", h)));
            }
            return Items.rows(buttons, HOURS_PER_ROW);
        }
        for (int m : minutes) {
            buttons.add(ctx.button(
                    PickerLocale.digits(hour, 2, locale) + ":" + PickerLocale.digits(m, 2, locale),
                    String.format(Locale.ROOT, "m%02d", m)));
        }
        List<List<InlineKeyboardButton>> rows = new ArrayList<>(Items.rows(buttons, MINUTES_PER_ROW));
        rows.add(List.of(ctx.button(backLabel, BACK)));
        return rows;
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        Integer hour = ctx.state(HOUR);
        if (payload.equals(BACK)) {
            if (hour == null) {
                return Transition.reject(OUT_OF_DATE);
            }
            ctx.setState(HOUR, null);
            return Transition.stay();
        }
        Matcher h = HOUR_PAYLOAD.matcher(payload);
        if (h.matches()) {
            int picked = Integer.parseInt(h.group(1));
            Transition refused = refusal(picked <= 23, "That is not an hour", hour == null);
            if (refused != null) {
                return refused;
            }
            ctx.setState(HOUR, picked);
            return Transition.stay();
        }
        Matcher m = MINUTE_PAYLOAD.matcher(payload);
        if (m.matches()) {
            int minute = Integer.parseInt(m.group(1));
            Transition refused = refusal(minutes.contains(minute), "That minute cannot be picked", hour != null);
            return refused != null ? refused : onPick.onClick(ctx, LocalTime.of(Objects.requireNonNull(hour), minute));
        }
        return Transition.reject(OUT_OF_DATE);
    }

    /** Settings of a {@link TimePicker}; not thread-safe, build once at startup. */
    public static final class Builder extends Picker.Builder<LocalTime, Builder> {
        private int minuteStep = 15;
        private String backLabel = "«";

        private Builder(String id) {
            super(id, "TimePicker");
        }

        /**
         * The minutes offered: every {@code step} minutes from {@code :00}. A divisor of 60 from 5 to 60 (5, 6, 10,
         * 12, 15, 20, 30 or 60); 15 by default.
         */
        public Builder minuteStep(int step) {
            if (step < 5 || step > 60 || 60 % step != 0) {
                throw new IllegalArgumentException(
                        "TimePicker " + id + ": minuteStep must divide 60 and be 5-60," + " was " + step);
            }
            this.minuteStep = step;
            return this;
        }

        /** The label of the button from the minutes back to the hours; {@code «} by default. */
        public Builder backLabel(String backLabel) {
            Objects.requireNonNull(backLabel, "backLabel");
            if (backLabel.isBlank()) {
                throw new IllegalArgumentException("TimePicker " + id + ": backLabel must not be blank");
            }
            this.backLabel = backLabel;
            return this;
        }

        /** The picker; fails when it has no {@link #onPick}. */
        public TimePicker build() {
            return new TimePicker(this);
        }
    }
}
