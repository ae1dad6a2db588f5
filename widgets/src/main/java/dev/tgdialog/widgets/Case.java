package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One of several texts, picked by the value of a selector: the text given for that value, else the default ({@code ""},
 * left out, unless {@link Builder#otherwise} says otherwise). Values are compared with {@code equals}; a null value
 * picks the default. Keeps no state; immutable and thread-safe when its functions and texts are.
 *
 * <pre>{@code
 * Case.by(STATUS).on(Status.PAID, "Paid, thank you").on(Status.OPEN, "Awaiting payment").otherwise("?").build()
 * }</pre>
 *
 * @param <V> the selector's value type
 */
public final class Case<V> implements TextWidget {
    private final Function<DialogContext, @Nullable V> selector;
    private final Map<V, TextWidget> texts;
    private final TextWidget otherwise;

    private Case(Builder<V> b) {
        this.selector = b.selector;
        this.texts = Map.copyOf(b.texts);
        this.otherwise = b.otherwise;
    }

    /** Picks a text by the value {@code selector} returns. */
    public static <V> Builder<V> by(Function<DialogContext, @Nullable V> selector) {
        return new Builder<>(selector);
    }

    /** Picks a text by the value of {@code key} (a getter's value or the dialog's data). */
    public static <V> Builder<V> by(Key<V> key) {
        Objects.requireNonNull(key, "key");
        return new Builder<>(ctx -> ctx.get(key));
    }

    @Override
    public String render(RenderContext ctx) throws Exception {
        V value = selector.apply(ctx);
        TextWidget text = value == null ? null : texts.get(value);
        return (text != null ? text : otherwise).render(ctx);
    }

    /** Builds a {@link Case}. Not thread-safe; the case it builds is. */
    public static final class Builder<V> {
        private final Function<DialogContext, @Nullable V> selector;
        private final Map<V, TextWidget> texts = new LinkedHashMap<>();
        private TextWidget otherwise = Text.of("");

        private Builder(Function<DialogContext, @Nullable V> selector) {
            this.selector = Objects.requireNonNull(selector, "selector");
        }

        /** The text for {@code value}. */
        public Builder<V> on(V value, TextWidget text) {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
            if (texts.putIfAbsent(value, text) != null) {
                throw new IllegalArgumentException("case: two texts for the value " + value);
            }
            return this;
        }

        /** The constant text for {@code value}. */
        public Builder<V> on(V value, String text) {
            return on(value, Text.of(text));
        }

        /** The text for any other value; {@code ""} (left out) by default. */
        public Builder<V> otherwise(TextWidget text) {
            this.otherwise = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The constant text for any other value. */
        public Builder<V> otherwise(String text) {
            return otherwise(Text.of(text));
        }

        public Case<V> build() {
            return new Case<>(this);
        }
    }
}
