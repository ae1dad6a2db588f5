package dev.tgdialog.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Removes the bot token from text and exceptions before they reach a log or a caller, since OkHttp and the JDK
 * put request URLs (which hold the token) into their messages.
 */
public final class Redactor {
    static final String MASK = "<bot-token>";

    private final String token;
    private final String encodedToken;

    public Redactor(String token) {
        this.token = token;
        this.encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The text with every occurrence of the token, plain or URL-encoded, replaced. */
    public String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (!token.isEmpty() && out.contains(token)) {
            out = out.replace(token, MASK);
        }
        if (!encodedToken.isEmpty() && out.contains(encodedToken)) {
            out = out.replace(encodedToken, MASK);
        }
        return out;
    }

    /**
     * A copy of this exception chain whose messages are redacted, keeping each original's class name and stack
     * trace. The originals are not kept: their messages may hold the token.
     */
    public @Nullable Throwable redact(@Nullable Throwable error) {
        if (error == null) {
            return null;
        }
        Throwable copy = new RedactedException(
                error.getClass().getName() + (error.getMessage() == null ? "" : ": " + redact(error.getMessage())),
                redact(error.getCause() == error ? null : error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message was redacted; its message starts with the original class name. */
    public static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
