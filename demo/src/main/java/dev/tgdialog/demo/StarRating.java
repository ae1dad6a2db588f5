package dev.tgdialog.demo;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.widgets.ChangeHandler;
import java.util.ArrayList;
import java.util.List;

// --- README: custom widget, the class ---
/** Five stars in a row; a click on the third sets the rating to three. The widget of docs/custom-widget.md. */
public final class StarRating implements KeyboardWidget {
    private static final Key<Integer> STARS = Key.of("stars", Integer.class);

    private final String id;
    private final ChangeHandler<Integer> onRate;

    private StarRating(String id, ChangeHandler<Integer> onRate) {
        this.id = id;
        this.onRate = onRate;
    }

    /** A rating, none before the first click, that calls {@code onRate} when a click changes it. */
    public static StarRating of(String id, ChangeHandler<Integer> onRate) {
        return new StarRating(id, onRate);
    }

    @Override
    public String id() {
        return id;
    }

    /** The stars given, 0 before the first click; readable from any handler or getter of the window. */
    public int stars(DialogContext ctx) {
        Integer stars = ctx.widgetState(id, STARS);
        return stars == null ? 0 : stars;
    }
    // --- end ---

    // --- README: custom widget, render ---
    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        int given = ctx.state(STARS, 0);
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (int star = 1; star <= 5; star++) {
            row.add(ctx.button(star <= given ? "★" : "☆", Integer.toString(star)));
        }
        return List.of(row);
    }
    // --- end ---

    // --- README: custom widget, click ---
    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        int stars;
        try {
            stars = Integer.parseInt(payload);
        } catch (NumberFormatException notANumber) {
            stars = 0;
        }
        if (stars < 1 || stars > 5) {
            return Transition.reject("This button is out of date");
        }
        if (stars == ctx.state(STARS, 0)) {
            return Transition.stay(); // the same star again, or a double click: nothing changes
        }
        ctx.setState(STARS, stars);
        return onRate.onChange(ctx, stars);
    }
    // --- end ---
}
