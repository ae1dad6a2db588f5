package dev.tgdialog.internal.http;

/** What the client may assume about a Bot API method, judged by its name. */
public final class MethodKind {
    private MethodKind() {}

    /**
     * Whether repeating the call after an unknown outcome (timeout, broken response, 5xx) is harmless: reads,
     * settings, edits, answers and deletes are; sends, forwards and the like would arrive twice.
     */
    public static boolean isIdempotent(String method) {
        return method.startsWith("get")
                || method.startsWith("set")
                || method.startsWith("edit")
                || method.startsWith("answer")
                || method.startsWith("delete");
    }

    /** Whether the call creates a message in a chat, and so counts against the per-chat flood limits. */
    public static boolean createsMessage(String method) {
        return method.startsWith("send") || method.startsWith("copyMessage") || method.startsWith("forwardMessage");
    }
}
