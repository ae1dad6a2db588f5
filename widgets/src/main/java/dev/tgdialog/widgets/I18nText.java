package dev.tgdialog.widgets;

import dev.tgdialog.DialogContext;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.TextWidget;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text of a {@link TextBundle} in the user's {@linkplain DialogContext#language language} (the one they picked in
 * the bot, else their Telegram app's), falling back as the bundle does. With arguments the text is a
 * {@link MessageFormat} pattern; the text is markup of the window's parse mode, and each argument's value, once
 * formatted, is escaped for it (as {@link Text#format} does), so a value from a user shows as it is and cannot add
 * markup. Keeps no state; immutable and thread-safe when its argument functions are.
 *
 * <pre>{@code
 * static final TextBundle TEXTS = TextBundle.of("i18n.messages");
 * .text(I18nText.of(TEXTS, "greeting", ctx -> ctx.user().firstName()))
 * }</pre>
 */
public final class I18nText implements TextWidget {

    /** An argument of a text: a value of the context being rendered. */
    @FunctionalInterface
    public interface Arg {
        @Nullable
        Object value(DialogContext ctx) throws Exception;
    }

    private final TextBundle bundle;
    private final String key;
    private final List<Arg> args;

    private I18nText(TextBundle bundle, String key, List<Arg> args) {
        this.bundle = bundle;
        this.key = key;
        this.args = args;
    }

    /**
     * The text of {@code key} in {@code bundle}, formatted with the arguments' values. Fails at once when the
     * bundle's fallback has no such key, since every user could then meet a missing text.
     */
    public static I18nText of(TextBundle bundle, String key, Arg... args) {
        Objects.requireNonNull(bundle, "bundle");
        return new I18nText(bundle, bundle.requireKey(key), List.of(args));
    }

    /** The key of this text. */
    public String key() {
        return key;
    }

    @Override
    public String render(RenderContext ctx) throws Exception {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i).value(ctx);
        }
        return bundle.markup(bundle.locale(ctx), key, ctx.parseMode(), values);
    }
}
