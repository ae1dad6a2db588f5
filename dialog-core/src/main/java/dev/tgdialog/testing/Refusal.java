package dev.tgdialog.testing;

import org.jspecify.annotations.Nullable;

/**
 * A call the fake refuses, as Telegram would: the error code, the description and, for a 429, the retry-after.
 * It is thrown from wherever a check fails and turned into the error reply in one place, so that checks deep in a
 * call need not pass errors back up.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String description;
    private final @Nullable Long retryAfter;

    Refusal(int code, String description, @Nullable Long retryAfter) {
        super(description, null, false, false);
        this.code = code;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    /** A 400, its description after Telegram's {@code "Bad Request: "}. */
    static Refusal badRequest(String description) {
        return new Refusal(400, "Bad Request: " + description, null);
    }

    /** Telegram's 404, for a path or method name that is no Bot API method. */
    static Refusal notFound() {
        return new Refusal(404, "Not Found", null);
    }

    int code() {
        return code;
    }

    String description() {
        return description;
    }

    @Nullable
    Long retryAfter() {
        return retryAfter;
    }
}
