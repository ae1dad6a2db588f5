package dev.tgdialog.widget;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The basic texts: a constant and a template filled from the dialog's values. A lambda is a text too. */
public final class Text {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private Text() {}

    /** Always this text. */
    public static TextWidget of(String text) {
        Objects.requireNonNull(text, "text");
        return ctx -> text;
    }

    /**
     * A template whose {@code {name}} placeholders are filled with the values of the keys of that name (a getter's
     * values first, then the dialog's data); a missing value leaves the placeholder empty. {@code {{} } writes a
     * brace.
     */
    public static TextWidget format(String template) {
        Objects.requireNonNull(template, "template");
        return ctx -> {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object value = ctx.valueOf(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
            }
            m.appendTail(out);
            return out.toString();
        };
    }
}
