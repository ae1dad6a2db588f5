package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.widget.InputWidget;
import dev.tgdialog.widget.WidgetContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Takes typed text and turns it into a {@code T} with a parser: on success the success handler runs with the value,
 * when the parser throws the error handler runs with the text and the exception (say what is wrong and
 * {@link Transition#stay()}). Commands ({@code /…}) and non-text messages are left to others. Keeps no state.
 *
 * <pre>{@code
 * TextInput.of("qty", Integer::parseInt, (ctx, n) -> next().with(QTY, n),
 *         (ctx, text, error) -> stay().with(ERROR, "Please send a number"))
 * }</pre>
 *
 * @param <T> the parsed value's type
 */
public final class TextInput<T> implements InputWidget {
    /** Turns text into a value; throws (any exception) when the text is not one. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws Exception;
    }

    /** Handles a parsed value. */
    @FunctionalInterface
    public interface Success<T> {
        Transition onValue(WidgetContext ctx, T value) throws Exception;
    }

    /** Handles text the parser refused. */
    @FunctionalInterface
    public interface Failure {
        Transition onError(WidgetContext ctx, String text, Exception error) throws Exception;
    }

    private final String id;
    private final Parser<T> parser;
    private final Success<T> onSuccess;
    private final Failure onError;

    private TextInput(String id, Parser<T> parser, Success<T> onSuccess, Failure onError) {
        this.id = Objects.requireNonNull(id, "id");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.onSuccess = Objects.requireNonNull(onSuccess, "onSuccess");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    public static <T> TextInput<T> of(String id, Parser<T> parser, Success<T> onSuccess, Failure onError) {
        return new TextInput<>(id, parser, onSuccess, onError);
    }

    /** A text input that keeps the text as it is. */
    public static TextInput<String> text(String id, Success<String> onSuccess) {
        return new TextInput<>(id, text -> text, onSuccess, (ctx, text, error) -> Transition.stay());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public @Nullable Transition onMessage(WidgetContext ctx, Message message) throws Exception {
        String text = message.text();
        if (text == null || text.startsWith("/")) {
            return null;
        }
        T value;
        try {
            value = parser.parse(text);
        } catch (Exception e) {
            return onError.onError(ctx, text, e);
        }
        return onSuccess.onValue(ctx, value);
    }
}
