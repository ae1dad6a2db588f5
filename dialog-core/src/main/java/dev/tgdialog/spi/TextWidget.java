package dev.tgdialog.spi;

import dev.tgdialog.DialogContext;
import java.util.function.Predicate;

/** Renders a part of a window's text. A window joins its texts with new lines, leaving out empty ones. */
@FunctionalInterface
public interface TextWidget {

    /** The text for this render; {@code ""} leaves it out. */
    String render(RenderContext ctx) throws Exception;

    /** This text, shown only when {@code condition} holds. */
    default TextWidget when(Predicate<DialogContext> condition) {
        TextWidget self = this;
        return ctx -> condition.test(ctx) ? self.render(ctx) : "";
    }
}
