package dev.tgdialog.widget;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The basic texts: a constant and a template filled from the dialog's values. A lambda is a text too. */
public final class Text {
    /** A placeholder <code>{name}</code>, or <code>{{}</code>, which stands for a brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+|\\{)}");

    private Text() {}

    /** Always this text. */
    public static TextWidget of(String text) {
        Objects.requireNonNull(text, "text");
        return ctx -> text;
    }

    /**
     * A template whose <code>{name}</code> placeholders ({@code name} of {@code A-Z a-z 0-9 _ . -}) are filled with
     * the values of the keys of that name (a getter's values first, then the dialog's data); a missing value leaves
     * the placeholder empty. <code>{{}</code> writes a brace, so <code>{{}name}</code> shows <code>{name}</code>; any
     * other brace is kept as it is, and values are put in as they are (a brace in a value is no placeholder).
     */
    public static TextWidget format(String template) {
        Objects.requireNonNull(template, "template");
        return ctx -> {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (m.group(1).equals("{")) {
                    m.appendReplacement(out, "{");
                    continue;
                }
                Object value = ctx.valueOf(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
            }
            m.appendTail(out);
            return out.toString();
        };
    }
}
