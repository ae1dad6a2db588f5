package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One button that is on or off; a click flips it.
 *
 * <p>Renders the checked or the unchecked label. The payload is the value the click sets ({@code 1} or {@code 0}),
 * so a repeated click on an old keyboard does not flip twice: setting the value it already has changes nothing;
 * any other payload is refused. Keeps its value in its state ({@code checked}; the initial value until the first
 * click), and, with {@link Builder#into}, mirrors it into the dialog's data. Immutable and thread-safe.
 */
public final class Checkbox implements KeyboardWidget {
    private static final Key<Boolean> CHECKED = Key.of("checked", Boolean.class);
    private static final String ON = "1";
    private static final String OFF = "0";

    private final String id;
    private final TextWidget checkedLabel;
    private final TextWidget uncheckedLabel;
    private final boolean initial;
    private final ChangeHandler<Boolean> onChange;
    private final @Nullable Key<Boolean> into;
    private final String staleToast;

    private Checkbox(Builder b) {
        this.id = b.id;
        this.checkedLabel = b.checkedLabel;
        this.uncheckedLabel = b.uncheckedLabel;
        this.initial = b.initial;
        this.onChange = b.onChange;
        this.into = b.into;
        this.staleToast = b.staleToast;
    }

    /** An unchecked checkbox with these labels. */
    public static Checkbox of(String id, String checkedLabel, String uncheckedLabel) {
        return builder(id, Text.of(checkedLabel), Text.of(uncheckedLabel)).build();
    }

    /** A checkbox with these labels (rendered texts, such as an {@link I18nText}). */
    public static Builder builder(String id, TextWidget checkedLabel, TextWidget uncheckedLabel) {
        return new Builder(id, checkedLabel, uncheckedLabel);
    }

    /** A checkbox with these constant labels. */
    public static Builder builder(String id, String checkedLabel, String uncheckedLabel) {
        return new Builder(id, Text.of(checkedLabel), Text.of(uncheckedLabel));
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Whether it is checked. Readable in this widget's own handlers and render, and anywhere when it mirrors
     * {@link Builder#into into} a key (the initial value until the first click).
     */
    public boolean isChecked(DialogContext ctx) {
        Boolean value = OwnState.read(ctx, id, CHECKED, into, "checkbox");
        return value != null ? value : initial;
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        boolean checked = ctx.state(CHECKED, initial);
        String label = ctx.label(checked ? checkedLabel : uncheckedLabel);
        return List.of(List.of(ctx.button(label, checked ? OFF : ON)));
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        if (!ON.equals(payload) && !OFF.equals(payload)) {
            return Transition.reject(staleToast);
        }
        boolean target = ON.equals(payload);
        if (target == ctx.state(CHECKED, initial)) {
            return Transition.stay();
        }
        return OwnState.change(ctx, CHECKED, into, target, () -> onChange.onChange(ctx, target));
    }

    /** Builds a {@link Checkbox}. Not thread-safe; the checkbox it builds is. */
    public static final class Builder {
        private final String id;
        private final TextWidget checkedLabel;
        private final TextWidget uncheckedLabel;
        private boolean initial;
        private ChangeHandler<Boolean> onChange = ChangeHandler.stay();
        private @Nullable Key<Boolean> into;
        private String staleToast = "This button is out of date";

        private Builder(String id, TextWidget checkedLabel, TextWidget uncheckedLabel) {
            this.id = Objects.requireNonNull(id, "id");
            this.checkedLabel = Objects.requireNonNull(checkedLabel, "checkedLabel");
            this.uncheckedLabel = Objects.requireNonNull(uncheckedLabel, "uncheckedLabel");
        }

        /** The value before the first click; unchecked by default. */
        public Builder initial(boolean checked) {
            this.initial = checked;
            return this;
        }

        /** Runs when the value flips; by default the checkbox just keeps it. */
        public Builder onChange(ChangeHandler<Boolean> onChange) {
            this.onChange = Objects.requireNonNull(onChange, "onChange");
            return this;
        }

        /** Also keeps the value in the dialog's data under {@code key}, readable anywhere. */
        public Builder into(Key<Boolean> key) {
            this.into = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The toast for a forged click. */
        public Builder staleToast(String toast) {
            this.staleToast = Objects.requireNonNull(toast, "toast");
            return this;
        }

        public Checkbox build() {
            return new Checkbox(this);
        }
    }
}
