package dev.tgdialog.telegram;

import java.lang.reflect.Type;

/**
 * One Bot API call with its parameters, whose successful result is an {@code R}.
 *
 * <p>Every method of the Bot API has a generated record in {@code dev.tgdialog.telegram.methods} that implements
 * this interface; run it with {@link TelegramClient#execute(BotMethod)}. Implementations are immutable values.
 *
 * @param <R> the type of the {@code result} field of a successful response
 */
public interface BotMethod<R> {

    /** The Bot API method name as the spec spells it, for example {@code sendMessage}. */
    String methodName();

    /** The Java type the response's {@code result} is read into: a class, or a {@code List<X>} type. */
    Type resultType();

    /**
     * Whether this call can carry an upload ({@link InputFile#isUpload()}), directly or inside a nested object,
     * and so may need a multipart body. Only the generated file-carrying methods answer {@code true}.
     */
    default boolean mayUpload() {
        return false;
    }
}
