package dev.tgdialog.auth;

import java.util.Objects;

/** Data that does not prove it came from Telegram, with the check it failed. Its message never holds the token. */
public final class InvalidAuthDataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The check that failed. */
    public enum Reason {
        /** Not a query string of key=value pairs, or a field unreadable (a user that is not JSON). */
        MALFORMED,
        /** No {@code hash} (or, for a third party, no {@code signature}) to check. */
        MISSING_HASH,
        /** The hash or signature does not match: edited data, or data for another bot. */
        MISMATCH,
        /** {@code auth_date} missing, or older than the maximum age. */
        EXPIRED,
        /** {@code auth_date} later than now by more than the allowed clock skew. */
        FROM_THE_FUTURE
    }

    private final Reason reason;

    InvalidAuthDataException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
