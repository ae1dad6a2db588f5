package dev.tgdialog.telegram;

import org.jspecify.annotations.Nullable;

/**
 * A Bot API call that failed: Telegram answered {@code ok: false}, or the request never got an answer.
 *
 * <p>The subclasses are what callers usually branch on ({@link TooManyRequests}, {@link BadRequest},
 * {@link Unauthorized}, {@link Forbidden}, {@link NotFound}, {@link Conflict}, {@link ServerError},
 * {@link Network}, {@link UnexpectedResponse}); any other error code arrives as this class itself. The 4xx
 * subclasses stand for Telegram's own JSON answers only: an answer without a Bot API body is a
 * {@link ServerError} when its status is 5xx, else an {@link UnexpectedResponse}. The message names the method, the code and
 * Telegram's description, never the bot token.
 */
public sealed class TelegramException extends RuntimeException
        permits TelegramException.TooManyRequests,
                TelegramException.BadRequest,
                TelegramException.Unauthorized,
                TelegramException.Forbidden,
                TelegramException.NotFound,
                TelegramException.Conflict,
                TelegramException.ServerError,
                TelegramException.Network,
                TelegramException.UnexpectedResponse {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int errorCode;
    private final String description;
    private final @Nullable Long retryAfter;
    private final @Nullable Long migrateToChatId;

    /** An error answered by Telegram (or an HTTP status with no Bot API body). */
    public TelegramException(
            String method,
            int errorCode,
            String description,
            @Nullable Long retryAfter,
            @Nullable Long migrateToChatId,
            @Nullable Throwable cause) {
        super(method + " failed: " + (errorCode > 0 ? errorCode + " " : "") + description, cause);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
        this.migrateToChatId = migrateToChatId;
    }

    /** Builds the most specific exception for an error answer of Telegram. */
    public static TelegramException of(
            String method,
            int errorCode,
            String description,
            @Nullable Long retryAfter,
            @Nullable Long migrateToChatId) {
        return switch (errorCode) {
            case 400 -> new BadRequest(method, description, migrateToChatId);
            case 401 -> new Unauthorized(method, description);
            case 403 -> new Forbidden(method, description);
            case 404 -> new NotFound(method, description);
            case 409 -> new Conflict(method, description);
            case 429 -> new TooManyRequests(method, description, retryAfter);
            default ->
                errorCode >= 500 && errorCode < 600
                        ? new ServerError(method, errorCode, description)
                        : new TelegramException(method, errorCode, description, retryAfter, migrateToChatId, null);
        };
    }

    /** The Bot API method that failed, for example {@code sendMessage}. */
    public String method() {
        return method;
    }

    /** Telegram's {@code error_code} (the HTTP status when the body was not a Bot API answer); 0 for no answer. */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's {@code description}, for example {@code Bad Request: chat not found}. */
    public String description() {
        return description;
    }

    /** Seconds to wait before repeating the request, from {@code parameters.retry_after}; null if not given. */
    public @Nullable Long retryAfter() {
        return retryAfter;
    }

    /** The new supergroup id when the group was upgraded, from {@code parameters.migrate_to_chat_id}. */
    public @Nullable Long migrateToChatId() {
        return migrateToChatId;
    }

    /** 429: flood control; {@link #retryAfter()} says how long to wait. */
    public static final class TooManyRequests extends TelegramException {
        private static final long serialVersionUID = 1L;

        public TooManyRequests(String method, String description, @Nullable Long retryAfter) {
            super(method, 429, description, retryAfter, null, null);
        }
    }

    /** 400: the request was wrong, or the message is in a state that does not allow it. */
    public static final class BadRequest extends TelegramException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String method, String description, @Nullable Long migrateToChatId) {
            super(method, 400, description, null, migrateToChatId, null);
        }

        /** The edit changed nothing: the message already shows exactly this content and markup. */
        public boolean isMessageNotModified() {
            return description().contains("message is not modified");
        }

        /** The callback query is too old to answer, or its id is invalid. */
        public boolean isQueryTooOld() {
            return description().contains("query is too old");
        }

        /** The group became a supergroup; {@link #migrateToChatId()} is its new id. */
        public boolean isChatMigrated() {
            return migrateToChatId() != null;
        }
    }

    /** 401: the bot token is wrong or was revoked. */
    public static final class Unauthorized extends TelegramException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String method, String description) {
            super(method, 401, description, null, null, null);
        }
    }

    /** 403: the bot may not act in this chat, for example because the user blocked it. */
    public static final class Forbidden extends TelegramException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String method, String description) {
            super(method, 403, description, null, null, null);
        }

        /** The user blocked the bot; sending to this private chat fails until they unblock it. */
        public boolean isBlockedByUser() {
            return description().contains("bot was blocked by the user");
        }
    }

    /** 404 in a Bot API answer: the method does not exist on this server, or no bot has this token. */
    public static final class NotFound extends TelegramException {
        private static final long serialVersionUID = 1L;

        public NotFound(String method, String description) {
            super(method, 404, description, null, null, null);
        }
    }

    /** 409: another getUpdates poller or a webhook is active for this bot. */
    public static final class Conflict extends TelegramException {
        private static final long serialVersionUID = 1L;

        public Conflict(String method, String description) {
            super(method, 409, description, null, null, null);
        }
    }

    /** 5xx: Telegram or a proxy in front of it failed. */
    public static final class ServerError extends TelegramException {
        private static final long serialVersionUID = 1L;

        public ServerError(String method, int errorCode, String description) {
            super(method, errorCode, description, null, null, null);
        }
    }

    /**
     * An HTTP answer whose body is not a Bot API answer and whose status is not 5xx: a proxy's HTML error page, an
     * empty or cut-off body. {@link #errorCode()} is the HTTP status. Unlike a {@link NotFound} or an
     * {@link Unauthorized}, it says nothing about the token: long polling backs off and polls again.
     */
    public static final class UnexpectedResponse extends TelegramException {
        private static final long serialVersionUID = 1L;

        public UnexpectedResponse(String method, int httpStatus, String description) {
            super(method, httpStatus, description, null, null, null);
        }
    }

    /** No answer: the connection failed or timed out. The cause is a copy with the bot token removed. */
    public static final class Network extends TelegramException {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;
        private final boolean requestSent;

        public Network(String method, String description, boolean timeout, boolean requestSent, Throwable cause) {
            super(method, 0, description, null, null, cause);
            this.timeout = timeout;
            this.requestSent = requestSent;
        }

        /** Whether the call timed out (as opposed to failing to connect or breaking). */
        public boolean isTimeout() {
            return timeout;
        }

        /** Whether the request may have reached Telegram, so a repeat could apply it twice. */
        public boolean mayHaveBeenApplied() {
            return requestSent;
        }
    }
}
