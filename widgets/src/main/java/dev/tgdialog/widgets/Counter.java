package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A number between {@code min} and {@code max} with buttons to step it down and up: {@code − value +}.
 *
 * <p>Renders one row: the minus label, the formatted value, the plus label. The minus and plus payloads are the value
 * the click sets, so a repeated click on an old keyboard does not step twice: setting the value it already has
 * changes nothing. At {@code min} the minus button, and at {@code max} the plus button, shows the bound label (a
 * blank by default) instead, unless the counter cycles (past {@code max} to {@code min} and back): the row keeps its
 * three buttons, so the value button does not move under a finger that keeps pressing. A click past a bound is
 * refused with a toast ("The least is 0"); a value that is no single step away, or not a number, is refused as out
 * of date. The value button's payload is {@code =}, handed to {@link Builder#onValueClick}.
 * Keeps the value in its state ({@code value}; the initial value until the first change), and, with
 * {@link Builder#into}, mirrors it into the dialog's data. Immutable and thread-safe when its functions are.
 */
public final class Counter implements KeyboardWidget {
    private static final Key<Integer> VALUE = Key.of("value", Integer.class);
    private static final String VALUE_PAYLOAD = "=";

    private final String id;
    private final int min;
    private final int max;
    private final int step;
    private final int initial;
    private final boolean cycle;
    private final String minusLabel;
    private final String plusLabel;
    private final String boundLabel;
    private final IntFunction<String> format;
    private final ChangeHandler<Integer> onChange;
    private final ItemHandler<Integer> onValueClick;
    private final @Nullable Key<Integer> into;
    private final String staleToast;

    private Counter(Builder b) {
        if (b.min > b.max) {
            throw new IllegalArgumentException("counter " + b.id + ": min " + b.min + " is above max " + b.max);
        }
        if (b.step < 1) {
            throw new IllegalArgumentException("counter " + b.id + ": step must be at least 1, was " + b.step);
        }
        int initial = b.initial != null ? b.initial : Math.max(b.min, Math.min(b.max, 0));
        if (initial < b.min || initial > b.max) {
            throw new IllegalArgumentException(
                    "counter " + b.id + ": initial " + initial + " is outside " + b.min + ".." + b.max);
        }
        this.id = b.id;
        this.min = b.min;
        this.max = b.max;
        this.step = b.step;
        this.initial = initial;
        this.cycle = b.cycle;
        this.minusLabel = b.minusLabel;
        this.plusLabel = b.plusLabel;
        this.boundLabel = b.boundLabel;
        this.format = b.format;
        this.onChange = b.onChange;
        this.onValueClick = b.onValueClick;
        this.into = b.into;
        this.staleToast = b.staleToast;
    }

    /** A counter from {@code min} to {@code max} in steps of 1, starting at 0 (or the bound nearest to it). */
    public static Counter of(String id, int min, int max) {
        return builder(id).min(min).max(max).build();
    }

    /** A counter with more settings; from 0 to 100 in steps of 1 unless told otherwise. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The value. Readable in this widget's own handlers and render, and anywhere when it mirrors
     * {@link Builder#into into} a key (the initial value until the first change).
     */
    public int value(DialogContext ctx) {
        Integer value = OwnState.read(ctx, id, VALUE, into, "counter");
        return value != null ? value : initial;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        int value = current(ctx);
        long down = down(value);
        long up = up(value);
        return List.of(List.of(
                ctx.button(down < min ? boundLabel : minusLabel, Long.toString(down)),
                ctx.button(format.apply(value), VALUE_PAYLOAD),
                ctx.button(up > max ? boundLabel : plusLabel, Long.toString(up))));
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        int value = current(ctx);
        if (VALUE_PAYLOAD.equals(payload)) {
            return onValueClick.onClick(ctx, value);
        }
        long target;
        try {
            target = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return Transition.reject(staleToast);
        }
        if (target < min) {
            return Transition.reject("The least is " + format.apply(min));
        }
        if (target > max) {
            return Transition.reject("The most is " + format.apply(max));
        }
        if (target == value) {
            return Transition.stay();
        }
        if (target != down(value) && target != up(value)) {
            return Transition.reject(staleToast);
        }
        int now = (int) target;
        return OwnState.change(ctx, VALUE, into, now, () -> onChange.onChange(ctx, now));
    }

    private int current(WidgetContext ctx) {
        Integer value = ctx.state(VALUE);
        return value == null || value < min || value > max ? initial : value;
    }

    /** The value minus a step: below {@code min} when it does not cycle, so the click is refused. */
    private long down(int value) {
        long down = (long) value - step;
        return down < min && cycle ? max : down;
    }

    private long up(int value) {
        long up = (long) value + step;
        return up > max && cycle ? min : up;
    }

    /** Builds a {@link Counter}. Not thread-safe; the counter it builds is. */
    public static final class Builder {
        private final String id;
        private int min = 0;
        private int max = 100;
        private int step = 1;
        private @Nullable Integer initial;
        private boolean cycle;
        private String minusLabel = "−";
        private String plusLabel = "+";
        private String boundLabel = " ";
        private IntFunction<String> format = Integer::toString;
        private ChangeHandler<Integer> onChange = ChangeHandler.stay();
        private ItemHandler<Integer> onValueClick = (ctx, value) -> Transition.stay();
        private @Nullable Key<Integer> into;
        private String staleToast = "This button is out of date";

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** The least value; 0 by default. */
        public Builder min(int min) {
            this.min = min;
            return this;
        }

        /** The greatest value; 100 by default. */
        public Builder max(int max) {
            this.max = max;
            return this;
        }

        /** How much a click adds or takes; 1 by default. */
        public Builder step(int step) {
            this.step = step;
            return this;
        }

        /** The value before the first change; 0, or the bound nearest to it, by default. */
        public Builder initial(int initial) {
            this.initial = initial;
            return this;
        }

        /** Whether a step past {@code max} goes to {@code min} and back; off by default. */
        public Builder cycle(boolean cycle) {
            this.cycle = cycle;
            return this;
        }

        /** The labels of the step buttons; {@code −} and {@code +} by default. */
        public Builder labels(String minus, String plus) {
            this.minusLabel = Objects.requireNonNull(minus, "minus");
            this.plusLabel = Objects.requireNonNull(plus, "plus");
            return this;
        }

        /**
         * The label of a step button that cannot step, minus at {@code min} and plus at {@code max} (a counter that
         * cycles always can); a blank by default. Pressed, it answers with the bound's toast and changes nothing.
         */
        public Builder boundLabel(String label) {
            Objects.requireNonNull(label, "label");
            if (label.isEmpty()) {
                throw new IllegalArgumentException("counter " + id + ": boundLabel must not be empty (Telegram refuses"
                        + " a button without text); \" \" shows a blank");
            }
            this.boundLabel = label;
            return this;
        }

        /** How the value shows on its button and in the bound toasts; {@link Integer#toString} by default. */
        public Builder format(IntFunction<String> format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Runs when the value changes; by default the counter just keeps it. */
        public Builder onChange(ChangeHandler<Integer> onChange) {
            this.onChange = Objects.requireNonNull(onChange, "onChange");
            return this;
        }

        /** What a click on the value button does; nothing by default. */
        public Builder onValueClick(ItemHandler<Integer> onValueClick) {
            this.onValueClick = Objects.requireNonNull(onValueClick, "onValueClick");
            return this;
        }

        /** Also keeps the value in the dialog's data under {@code key}, readable anywhere. */
        public Builder into(Key<Integer> key) {
            this.into = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The toast for a click that is out of date or forged. */
        public Builder staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public Counter build() {
            return new Counter(this);
        }
    }
}
