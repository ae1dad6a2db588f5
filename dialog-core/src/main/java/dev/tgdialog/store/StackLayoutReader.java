package dev.tgdialog.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stack document laid out exactly as {@link StackCodec#encodeUtf8} writes it (its fields in its order, no
 * whitespace, ASCII strings without escapes, plain-digit numbers), matching the bytes in place: a Redis-backed bot
 * reads one stack per update, and nearly every one is such a document. Anything else, down to one byte, makes it
 * answer null, and {@link StackCodec} reads the document with its general reader instead, so this class never
 * decides what is accepted or how an error is worded. Not thread-safe; one instance per document.
 */
final class StackLayoutReader {
    private static final byte[] HEAD = ascii("{\"v\":1,\"id\":");
    private static final byte[] VERSION = ascii(",\"version\":");
    private static final byte[] NEXT = ascii(",\"next\":");
    private static final byte[] LAST = ascii(",\"last\":{\"id\":");
    private static final byte[] KIND = ascii(",\"kind\":");
    private static final byte[] HASH = ascii(",\"hash\":");
    private static final byte[] UPDATES = ascii(",\"updates\":[");
    private static final byte[] FRAMES = ascii(",\"frames\":[");
    private static final byte[] FRAME_ID = ascii("{\"id\":");
    private static final byte[] DIALOG = ascii(",\"dialog\":");
    private static final byte[] WINDOW = ascii(",\"window\":");
    private static final byte[] REV = ascii(",\"rev\":");
    private static final byte[] INPUT = ascii(",\"input\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] STATE = ascii(",\"state\":");
    private static final byte[] SPILL = ascii(",\"spill\":");

    /** Thrown on the first byte that is not of the layout; never escapes this class. */
    private static final class NotTheLayout extends Exception {
        private static final NotTheLayout INSTANCE = new NotTheLayout();

        private NotTheLayout() {
            super(null, null, false, false);
        }
    }

    private final byte[] in;
    private int pos;

    private StackLayoutReader(byte[] in) {
        this.in = in;
    }

    /** The stack, or null when {@code utf8} is not exactly of the layout {@link StackCodec#encodeUtf8} writes. */
    static @Nullable Stack read(byte[] utf8) {
        try {
            return new StackLayoutReader(utf8).stack();
        } catch (NotTheLayout | RuntimeException e) {
            // A record refusing a value words its error through the general reader too.
            return null;
        }
    }

    private Stack stack() throws NotTheLayout {
        expect(HEAD);
        String id = string();
        expect(VERSION);
        long version = number();
        expect(NEXT);
        long next = number();
        ShownMessage last = null;
        if (at(LAST)) {
            long messageId = number();
            expect(KIND);
            String kind = string();
            expect(HASH);
            String hash = string();
            expect('}');
            last = new ShownMessage(messageId, kind, hash);
        }
        expect(UPDATES);
        List<Long> updates = new ArrayList<>();
        if (!at(']')) {
            do {
                updates.add(number());
            } while (at(','));
            expect(']');
        }
        expect(FRAMES);
        List<Frame> frames = new ArrayList<>(2);
        if (!at(']')) {
            do {
                frames.add(frame());
            } while (at(','));
            expect(']');
        }
        expect('}');
        if (pos != in.length) {
            throw NotTheLayout.INSTANCE;
        }
        return new Stack(id, frames, version, last, updates, next);
    }

    private Frame frame() throws NotTheLayout {
        expect(FRAME_ID);
        String id = string();
        expect(DIALOG);
        String dialog = string();
        expect(WINDOW);
        String window = string();
        expect(REV);
        long revision = number();
        String input = at(INPUT) ? string() : null;
        expect(DATA);
        Map<String, String> data = map();
        expect(STATE);
        Map<String, String> state = map();
        expect(SPILL);
        Map<String, String> spill = map();
        expect('}');
        return new Frame(id, dialog, window, revision, input, data, state, spill);
    }

    private Map<String, String> map() throws NotTheLayout {
        expect('{');
        if (at('}')) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        do {
            String key = string();
            expect(':');
            if (values.put(key, string()) != null) {
                // A repeated key: the general reader decides which one counts.
                throw NotTheLayout.INSTANCE;
            }
        } while (at(','));
        expect('}');
        return values;
    }

    /** A quoted string of printable ASCII with no escape. */
    private String string() throws NotTheLayout {
        expect('"');
        int start = pos;
        byte[] b = in;
        int i = pos;
        while (true) {
            if (i == b.length) {
                throw NotTheLayout.INSTANCE;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            // Control characters, escapes and anything beyond ASCII go to the general reader.
            if (c < 0x20 || c == '\\') {
                throw NotTheLayout.INSTANCE;
            }
            i++;
        }
        pos = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
    }

    /** A whole number as {@link StackCodec#encodeUtf8} writes one: an optional minus, then 1 to 18 digits. */
    private long number() throws NotTheLayout {
        boolean negative = pos < in.length && in[pos] == '-';
        int i = negative ? pos + 1 : pos;
        int start = i;
        long value = 0;
        while (i < in.length && in[i] >= '0' && in[i] <= '9') {
            value = value * 10 + (in[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || digits > 1 && in[start] == '0') {
            throw NotTheLayout.INSTANCE;
        }
        pos = i;
        return negative ? -value : value;
    }

    private void expect(byte[] text) throws NotTheLayout {
        if (!at(text)) {
            throw NotTheLayout.INSTANCE;
        }
    }

    private void expect(char c) throws NotTheLayout {
        if (!at(c)) {
            throw NotTheLayout.INSTANCE;
        }
    }

    private boolean at(byte[] text) {
        if (in.length - pos < text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (in[pos + i] != text[i]) {
                return false;
            }
        }
        pos += text.length;
        return true;
    }

    private boolean at(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
