package dev.tgdialog.spi;

import dev.tgdialog.RichText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills <code>{name}</code> placeholders for {@link RenderContext#format}. */
final class Template {
    /** A placeholder <code>{name}</code>, or <code>{{}</code>, which stands for a brace. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+|\\{)}");

    private Template() {}

    static String fill(RenderContext ctx, String template) {
        String parseMode = ctx.parseMode();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("{")) {
                m.appendReplacement(out, "{");
                continue;
            }
            Object value = ctx.valueOf(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : RichText.escape(value, parseMode)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
