package dev.tgdialog.internal.text;

/**
 * Broken markup: the message is what the Bot API server says after {@code "Bad Request: can't parse entities: "},
 * for example {@code Unsupported start tag "foo" at byte offset 0}.
 */
public final class MarkupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MarkupException(String description) {
        super(description, null, false, false);
    }
}
