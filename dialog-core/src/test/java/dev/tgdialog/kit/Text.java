package dev.tgdialog.kit;

import dev.tgdialog.spi.TextWidget;

/** Texts: a constant or a template. */
public final class Text {
    private Text() {}

    public static TextWidget of(String text) {
        return ctx -> text;
    }

    public static TextWidget format(String template) {
        return ctx -> ctx.format(template);
    }
}
