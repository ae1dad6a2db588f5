package dev.tgdialog.widgets;

import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the buttons of its widgets side by side in one row.
 *
 * @param widgets the widgets, left to right
 */
public record Row(List<KeyboardWidget> widgets) implements KeyboardWidget {

    public Row {
        widgets = List.copyOf(widgets);
    }

    public static Row of(KeyboardWidget... widgets) {
        return new Row(List.of(widgets));
    }

    @Override
    public String id() {
        return "";
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        List<InlineKeyboardButton> row = new ArrayList<>();
        for (KeyboardWidget widget : widgets) {
            ctx.render(widget).forEach(row::addAll);
        }
        return row.isEmpty() ? List.of() : List.of(row);
    }

    @Override
    public List<? extends Widget> children() {
        return widgets;
    }
}
