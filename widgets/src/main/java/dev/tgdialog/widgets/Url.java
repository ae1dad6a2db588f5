package dev.tgdialog.widgets;

import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.List;
import java.util.Objects;

/**
 * A button that opens a URL in the user's browser; Telegram handles it, so it makes no callback.
 *
 * @param label the label
 * @param url the address, {@code http(s)://} or {@code tg://}
 */
public record Url(TextWidget label, String url) implements KeyboardWidget {

    public Url {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }

    public static Url of(String label, String url) {
        return new Url(Text.of(label), url);
    }

    @Override
    public String id() {
        return "";
    }

    @Override
    public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
        return List.of(
                List.of(InlineKeyboardButton.builder(ctx.label(label)).url(url).build()));
    }
}
