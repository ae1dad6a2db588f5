package dev.tgdialog.widgets;

import dev.tgdialog.DialogHandler;
import dev.tgdialog.Transition;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.ReplyKeyboardWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.KeyboardButton;
import java.util.List;
import java.util.Objects;

/**
 * A plain button of a reply keyboard: pressing it sends its label, which the engine maps back to this widget
 * (through the labels it rendered, kept in the stack) and runs the handler. Payload: none. Keeps no state.
 *
 * @param id the widget id
 * @param label the label (unique within the keyboard, or a press cannot tell the buttons apart)
 * @param onPress what a press does
 */
public record ReplyButton(String id, String label, DialogHandler onPress) implements ReplyKeyboardWidget {

    public ReplyButton {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(onPress, "onPress");
    }

    public static ReplyButton of(String id, String label, DialogHandler onPress) {
        return new ReplyButton(id, label, onPress);
    }

    @Override
    public List<List<KeyboardButton>> renderReply(RenderContext ctx) {
        return List.of(List.of(ctx.replyButton(label, "")));
    }

    @Override
    public Transition onClick(WidgetContext ctx, String payload) throws Exception {
        return onPress.handle(ctx);
    }
}
