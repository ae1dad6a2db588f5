package example.custom;

import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;

/**
 * A widget written the way a bot author or the widget catalogue would, with nothing but the public SPI: five star
 * buttons, the chosen rating kept in the widget's own state and copied into the dialog's data.
 */
record StarRating(String id, Key<Integer> into) implements KeyboardWidget {
    private static final Key<Integer> RATING = Key.of("rating", Integer.class);

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
        int rating = ctx.state(RATING, 0);
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (int star = 1; star <= 5; star++) {
            row.add(ctx.button(star <= rating ? "★" : "☆", Integer.toString(star)));
        }
        return List.of(row);
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) {
        int star;
        try {
            star = Integer.parseInt(payload);
        } catch (NumberFormatException e) {
            return Transition.reject("That is not a rating");
        }
        if (star < 1 || star > 5) {
            return Transition.reject("Ratings go from 1 to 5");
        }
        ctx.setState(RATING, star);
        return Transition.stay().with(into, star);
    }
}
