package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A text progress bar, {@code ▰▰▰▱▱ 60%}: a value out of a max as {@code width} cells, filled ones first, and
 * the percentage. Cells and percentage round down, so the bar is full only at the max; the value is held within
 * 0..max and counts as 0 when absent. Keeps no state; immutable and thread-safe when its functions are.
 */
public final class Progress implements TextWidget {
    private final Function<DialogContext, @Nullable Number> value;
    private final Function<DialogContext, @Nullable Number> max;
    private final int width;
    private final String filled;
    private final String empty;
    private final boolean percent;

    private Progress(Builder b) {
        this.value = b.value;
        this.max = b.max;
        this.width = b.width;
        this.filled = b.filled;
        this.empty = b.empty;
        this.percent = b.percent;
    }

    /** A bar of 10 cells for the value {@code value} returns, out of {@code max}. */
    public static Progress of(Function<DialogContext, @Nullable Number> value, double max) {
        return builder(value).max(max).build();
    }

    /** A bar of 10 cells for the value of {@code key}, out of {@code max}. */
    public static Progress of(Key<? extends Number> key, double max) {
        return builder(key).max(max).build();
    }

    /** A bar for the value {@code value} returns; out of 100 unless told otherwise. */
    public static Builder builder(Function<DialogContext, @Nullable Number> value) {
        return new Builder(value);
    }

    /** A bar for the value of {@code key} (a getter's value or the dialog's data); out of 100 unless told otherwise. */
    public static Builder builder(Key<? extends Number> key) {
        Objects.requireNonNull(key, "key");
        return new Builder(ctx -> ctx.get(key));
    }

    @Override
    public String render(RenderContext ctx) {
        Number top = max.apply(ctx);
        double most = top == null ? 0 : top.doubleValue();
        Number now = value.apply(ctx);
        double ratio = most <= 0 || now == null ? 0 : Math.max(0, Math.min(1, now.doubleValue() / most));
        int cells = (int) Math.floor(ratio * width + 1e-9);
        String bar = filled.repeat(cells) + empty.repeat(width - cells);
        return percent ? bar + " " + (int) Math.floor(ratio * 100 + 1e-9) + "%" : bar;
    }

    /** Builds a {@link Progress}. Not thread-safe; the bar it builds is. */
    public static final class Builder {
        private final Function<DialogContext, @Nullable Number> value;
        private Function<DialogContext, @Nullable Number> max = ctx -> 100;
        private int width = 10;
        private String filled = "▰";
        private String empty = "▱";
        private boolean percent = true;

        private Builder(Function<DialogContext, @Nullable Number> value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The value of a full bar; 100 by default. */
        public Builder max(double max) {
            if (!(max > 0)) {
                throw new IllegalArgumentException("a progress bar's max must be above 0, was " + max);
            }
            this.max = ctx -> max;
            return this;
        }

        /** The value of a full bar, per render (a bar with a max of 0 or less shows empty). */
        public Builder max(Function<DialogContext, @Nullable Number> max) {
            this.max = Objects.requireNonNull(max, "max");
            return this;
        }

        /** How many cells the bar has, 1-100; 10 by default. */
        public Builder width(int width) {
            if (width < 1 || width > 100) {
                throw new IllegalArgumentException("a progress bar is 1-100 cells wide, was " + width);
            }
            this.width = width;
            return this;
        }

        /** The filled and the empty cell; {@code ▰} and {@code ▱} by default. */
        public Builder cells(String filled, String empty) {
            this.filled = Objects.requireNonNull(filled, "filled");
            this.empty = Objects.requireNonNull(empty, "empty");
            return this;
        }

        /** Whether the percentage follows the bar; on by default. */
        public Builder percent(boolean percent) {
            this.percent = percent;
            return this;
        }

        public Progress build() {
            return new Progress(this);
        }
    }
}
