package dev.tgdialog.kit;

import dev.tgdialog.DialogHandler;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;

/** A button that runs a handler when clicked. */
public record Button(String id, TextWidget label, DialogHandler onClick) implements KeyboardWidget {
    public static Button of(String id, String label, DialogHandler onClick) {
        return new Button(id, ctx -> label, onClick);
    }

    public static Button of(String id, TextWidget label, DialogHandler onClick) {
        return new Button(id, label, onClick);
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        return List.of(List.of(ctx.button(ctx.label(label), "")));
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        return payload.isEmpty() ? onClick.handle(ctx) : Transition.reject("This button is out of date");
    }
}
