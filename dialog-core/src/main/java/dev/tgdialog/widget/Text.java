package dev.tgdialog.widget;

import dev.tgdialog.DialogContext;
import dev.tgdialog.RichText;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The basic texts: a constant, a template filled from the dialog's values, and a {@link RichText}. A lambda is a text
 * too; it writes markup of the window's parse mode as it is, so values it puts in are its own to escape (with
 * {@link RichText#escape}).
 */
public final class Text {
    /** A placeholder <code>{name}</code>, or <code>{{}</code>, which stands for a brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+|\\{)}");

    private Text() {}

    /** Always this text, braces included: it is no template (see {@link #format}). */
    public static TextWidget of(String text) {
        Objects.requireNonNull(text, "text");
        return ctx -> text;
    }

    /**
     * A template whose <code>{name}</code> placeholders ({@code name} of {@code A-Z a-z 0-9 _ . -}) are filled with
     * the values of the keys of that name (a getter's values first, then the dialog's data); a missing value leaves
     * the placeholder empty. Each value is escaped for the window's parse mode, so it shows as it is and cannot add
     * markup; the template itself is markup of that mode. <code>{{}</code> writes a brace, so <code>{{}name}</code>
     * shows <code>{name}</code>; any other brace is kept as it is, and a brace in a value is no placeholder.
     */
    public static TextWidget format(String template) {
        Objects.requireNonNull(template, "template");
        return ctx -> {
            String parseMode = ctx.parseMode();
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (m.group(1).equals("{")) {
                    m.appendReplacement(out, "{");
                    continue;
                }
                Object value = ctx.valueOf(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? ""
                        : RichText.escape(value, parseMode)));
            }
            m.appendTail(out);
            return out.toString();
        };
    }

    /**
     * A rich text made for each render and written in the window's parse mode, every part escaped.
     *
     * @throws IllegalStateException at render, when the window has no parse mode (its styles would be lost)
     */
    public static TextWidget rich(Function<DialogContext, RichText> text) {
        Objects.requireNonNull(text, "text");
        return ctx -> {
            if (ctx.parseMode() == null) {
                throw new IllegalStateException("dialog " + ctx.dialogId() + ", window " + ctx.windowId()
                        + " shows a rich text but has no parse mode; give it parseMode(\"HTML\")");
            }
            return text.apply(ctx).in(ctx.parseMode());
        };
    }
}
