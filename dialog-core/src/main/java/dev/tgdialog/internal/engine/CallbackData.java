package dev.tgdialog.internal.engine;

import dev.tgdialog.telegram.Limits;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The engine's callback data: {@code ~owner.stack.frame.revision.widget.payload}. The owner (base-62 user id) is
 * set only for per-user stacks in group chats, the stack id only for extra stacks, so a default private-chat button
 * costs 8 bytes plus its widget id and payload. Everything decoded is untrusted and checked against the stack.
 */
final class CallbackData {
    static final String SPILL = "~";
    private static final char PREFIX = '~';
    private static final char SEP = '.';

    private CallbackData() {}

    record Decoded(String owner, String stackId, String frameId, long revision, String widgetId, String payload) {}

    static String header(String owner, String stackId, String frameId, long revision, String widgetId) {
        return PREFIX + owner + SEP + stackId + SEP + frameId + SEP + Base62.encode(revision) + SEP + widgetId + SEP;
    }

    /** Whether this payload can ride in the button as it is, after this header. */
    static boolean fits(String header, String payload) {
        return !payload.startsWith(SPILL) && utf8Length(header) + utf8Length(payload) <= Limits.CALLBACK_DATA_BYTES;
    }

    static int utf8Length(String text) {
        int ascii = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
            ascii++;
        }
        return ascii;
    }

    /** The parts of one of our callback datas, or null when it is not one of ours. */
    static @Nullable Decoded decode(@Nullable String data) {
        if (data == null || data.isEmpty() || data.charAt(0) != PREFIX) {
            return null;
        }
        String[] parts = data.substring(1).split("\\.", 6);
        if (parts.length != 6) {
            return null;
        }
        long revision = Base62.decode(parts[3]);
        if (revision < 0 || parts[2].isEmpty() || parts[4].isEmpty()) {
            return null;
        }
        return new Decoded(parts[0], parts[1], parts[2], revision, parts[4], parts[5]);
    }
}
