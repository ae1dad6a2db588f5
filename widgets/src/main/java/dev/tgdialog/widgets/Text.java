package dev.tgdialog.widgets;

import dev.tgdialog.RichText;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.util.Objects;

/**
 * Texts for labels and parts of other widgets: a constant, or a template filled from the dialog's values. A lambda is
 * a text too; it writes markup of the window's parse mode as it is, so values it puts in are its own to escape (with
 * {@link RichText#escape}). A window's own lines have the same three ways on its builder ({@code text}, {@code format},
 * {@code rich}).
 */
public final class Text {
    private Text() {}

    /** Always this text, braces included: it is no template (see {@link #format}). */
    public static TextWidget of(String text) {
        Objects.requireNonNull(text, "text");
        return ctx -> text;
    }

    /**
     * A template filled from the dialog's values for each render, every value escaped for the window's parse mode:
     * {@link RenderContext#format} says how.
     */
    public static TextWidget format(String template) {
        Objects.requireNonNull(template, "template");
        return ctx -> ctx.format(template);
    }
}
