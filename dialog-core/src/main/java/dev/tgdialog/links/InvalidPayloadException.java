package dev.tgdialog.links;

/**
 * A deep-link payload that does not decode: not made by the codec (cut, mistyped, made up), or signed with another
 * secret or edited after signing. Its message never contains the payload's decoded contents.
 */
public final class InvalidPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a payload was refused. */
    public enum Reason {
        /** Not a payload of this codec: wrong characters, wrong length, or bytes that do not read as its value. */
        MALFORMED,
        /** Well-formed, but its signature does not match: forged, edited, or signed with another secret. */
        FORGED
    }

    private final Reason reason;

    InvalidPayloadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the payload was refused. */
    public Reason reason() {
        return reason;
    }
}
