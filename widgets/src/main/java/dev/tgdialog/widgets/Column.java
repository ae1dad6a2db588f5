package dev.tgdialog.widgets;

import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every button of its widgets in a row of its own, top to bottom.
 *
 * @param widgets the widgets, top to bottom
 */
public record Column(List<KeyboardWidget> widgets) implements KeyboardWidget {

    public Column {
        widgets = List.copyOf(widgets);
    }

    public static Column of(KeyboardWidget... widgets) {
        return new Column(List.of(widgets));
    }

    @Override
    public String id() {
        return "";
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (KeyboardWidget widget : widgets) {
            for (List<InlineKeyboardButton> row : ctx.render(widget)) {
                row.forEach(button -> rows.add(List.of(button)));
            }
        }
        return rows;
    }

    @Override
    public List<? extends Widget> children() {
        return widgets;
    }
}
