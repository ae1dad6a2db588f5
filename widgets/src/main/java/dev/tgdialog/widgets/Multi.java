package dev.tgdialog.widgets;

import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.util.List;
import java.util.Objects;

/**
 * Several texts joined with a separator; empty ones are left out, and when all are empty so is this one. Keeps no
 * state; immutable and thread-safe when its parts are.
 *
 * @param separator put between two non-empty parts
 * @param parts the texts, in order
 */
public record Multi(String separator, List<TextWidget> parts) implements TextWidget {

    public Multi {
        Objects.requireNonNull(separator, "separator");
        parts = List.copyOf(parts);
    }

    /** The texts, one to a line. */
    public static Multi of(TextWidget... parts) {
        return new Multi("\n", List.of(parts));
    }

    /** The texts joined with {@code separator}. */
    public static Multi joining(String separator, TextWidget... parts) {
        return new Multi(separator, List.of(parts));
    }

    @Override
    public String render(RenderContext ctx) throws Exception {
        StringBuilder out = new StringBuilder();
        for (TextWidget part : parts) {
            String text = part.render(ctx);
            if (!text.isEmpty()) {
                if (out.length() > 0) {
                    out.append(separator);
                }
                out.append(text);
            }
        }
        return out.toString();
    }
}
