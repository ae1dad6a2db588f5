package dev.tgdialog.widgets;

import dev.tgdialog.Transition;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.Message;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Takes typed text and turns it into a {@code T} with a parser: on success the success handler runs with the value,
 * when the parser throws the failure handler runs with the text and the exception. The author words what the user
 * reads: the exception's message ({@code For input string: "abc"}) is written for developers and is never shown by
 * default; without a failure handler the user is told "That is not a valid answer. Please try again.", and
 * {@link Failure#reply} words it otherwise. Commands ({@code /…}) and non-text messages are left to others. Keeps
 * no state.
 *
 * <pre>{@code
 * TextInput.of("qty", Integer::parseInt, (ctx, n) -> next().with(QTY, n), Failure.reply("Please send a number"))
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

    /**
     * Handles text the parser refused: says what is wrong (typically {@link Transition#stay()} with a
     * {@linkplain Transition.Move#reply reply}). It gets the parser's exception to tell one mistake from another, not
     * to show its message, which is written for developers.
     */
    @FunctionalInterface
    public interface Failure {
        Transition onError(WidgetContext ctx, String text, Exception error) throws Exception;

        /** Stays on the window and shows {@code message} above its text once, whatever the parser's exception. */
        static Failure reply(String message) {
            Objects.requireNonNull(message, "message");
            if (message.isBlank()) {
                throw new IllegalArgumentException("a text input's error message must not be blank");
            }
            return (ctx, text, error) -> Transition.stay().reply(message);
        }
    }

    /** What a text input without a failure handler tells the user when its parser refuses the text. */
    static final String DEFAULT_ERROR = "That is not a valid answer. Please try again.";

    private final String id;
    private final Parser<T> parser;
    private final Success<T> onSuccess;
    private final Failure onError;
    private final java.util.List<Transition.Move> moves;

    private TextInput(String id, Parser<T> parser, Success<T> onSuccess, Failure onError) {
        this(id, parser, onSuccess, onError, java.util.List.of());
    }

    private TextInput(
            String id, Parser<T> parser, Success<T> onSuccess, Failure onError, java.util.List<Transition.Move> moves) {
        this.id = Objects.requireNonNull(id, "id");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.onSuccess = Objects.requireNonNull(onSuccess, "onSuccess");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.moves = java.util.List.copyOf(moves);
    }

    /**
     * This input, declaring the moves its handlers may make ({@code next()}, {@code done()}, …): a hint for
     * transition maps, which cannot read a handler's lambda. The engine ignores it.
     */
    public TextInput<T> leadsTo(Transition.Move... moves) {
        return new TextInput<>(id, parser, onSuccess, onError, java.util.List.of(moves));
    }

    @Override
    public java.util.List<Transition.Move> leadsTo() {
        return moves;
    }

    /**
     * A text input that answers a refused text with "That is not a valid answer. Please try again." (and stays);
     * give a {@link Failure} to word it.
     */
    public static <T> TextInput<T> of(String id, Parser<T> parser, Success<T> onSuccess) {
        return new TextInput<>(id, parser, onSuccess, Failure.reply(DEFAULT_ERROR));
    }

    /** A text input whose refused texts go to {@code onError}, which words the error. */
    public static <T> TextInput<T> of(String id, Parser<T> parser, Success<T> onSuccess, Failure onError) {
        return new TextInput<>(id, parser, onSuccess, onError);
    }

    /** A text input that keeps the text as it is. */
    public static TextInput<String> text(String id, Success<String> onSuccess) {
        return of(id, text -> text, onSuccess);
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
