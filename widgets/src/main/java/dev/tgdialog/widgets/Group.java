package dev.tgdialog.widgets;

import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;

/**
 * Flows the buttons of its widgets into rows of at most {@code width} buttons.
 *
 * @param width buttons per row, 1-8 (Telegram shows at most 8 in a row)
 * @param widgets the widgets, in reading order
 */
public record Group(int width, List<KeyboardWidget> widgets) implements KeyboardWidget {

    public Group {
        if (width < 1 || width > 8) {
            throw new IllegalArgumentException("a group is 1-8 buttons wide, was " + width);
        }
        widgets = List.copyOf(widgets);
    }

    public static Group of(int width, KeyboardWidget... widgets) {
        return new Group(width, List.of(widgets));
    }

    @Override
    public String id() {
        return "";
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        List<InlineKeyboardButton> all = new ArrayList<>();
        for (KeyboardWidget widget : widgets) {
            ctx.render(widget).forEach(all::addAll);
        }
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i += width) {
            rows.add(List.copyOf(all.subList(i, Math.min(all.size(), i + width))));
        }
        return rows;
    }

    @Override
    public List<? extends Widget> children() {
        return widgets;
    }
}
