package dev.tgdialog.widgets;

import dev.tgdialog.DialogHandler;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Objects;

/**
 * A button that runs a handler when clicked. Its label may be constant or rendered.
 *
 * @param id the widget id
 * @param label the label
 * @param onClick what the click does
 */
public record Button(String id, TextWidget label, DialogHandler onClick) implements KeyboardWidget {
    private static final String PAYLOAD = "";

    public Button {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(onClick, "onClick");
    }

    /** A button with a constant label. */
    public static Button of(String id, String label, DialogHandler onClick) {
        return new Button(id, Text.of(label), onClick);
    }

    /** A button whose label is rendered. */
    public static Button of(String id, TextWidget label, DialogHandler onClick) {
        return new Button(id, label, onClick);
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        return List.of(List.of(ctx.button(ctx.label(label), PAYLOAD)));
    }

    /** The move of a {@link Nav} button; an author's button declares its own with {@code leadsTo(...)}. */
    @Override
    public List<Transition.Move> leadsTo() {
        return onClick instanceof Nav.Go go ? List.of(go.move()) : List.of();
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        if (!PAYLOAD.equals(payload)) {
            return Transition.reject("This button is out of date");
        }
        return onClick.handle(ctx);
    }
}
