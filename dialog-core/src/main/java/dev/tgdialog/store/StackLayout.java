package dev.tgdialog.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stack document's layout as {@link StackCodec#encodeUtf8} writes it (its fields in its order, no whitespace,
 * plain-digit numbers), written and read as bytes in place for the common case: a Redis-backed bot writes and reads
 * one stack per update, and nearly every one holds only printable ASCII text that needs no escape.
 *
 * <ul>
 *   <li>{@link #write} writes such a stack byte for byte as the general JSON writer would, and answers null for any
 *       other (text needing an escape or beyond ASCII): {@link StackCodec} then writes it the general way.
 *   <li>{@link #read} reads such a document, and answers null for anything else, down to one byte: {@link StackCodec}
 *       then reads it with its general reader, so this class never decides what is accepted or how an error is
 *       worded.
 * </ul>
 *
 * Not thread-safe; one instance per document.
 */
final class StackLayout {
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

    /** The document: read from, or written into (and grown). */
    private byte[] buf;
    private int pos;

    private StackLayout(byte[] buf) {
        this.buf = buf;
    }

    /**
     * The document of {@code stack}, exactly as the general writer of {@link StackCodec#encodeUtf8} would write it;
     * null when some text of it is not printable ASCII free of quotes and backslashes.
     */
    static byte @Nullable [] write(Stack stack) {
        StackLayout out = new StackLayout(new byte[320]);
        try {
            out.stackOut(stack);
        } catch (NotTheLayout e) {
            return null;
        }
        return Arrays.copyOf(out.buf, out.pos);
    }

    private void stackOut(Stack stack) throws NotTheLayout {
        put(HEAD);
        put(stack.id());
        put(VERSION);
        put(stack.version());
        put(NEXT);
        put(stack.nextFrameId());
        ShownMessage last = stack.lastMessage();
        if (last != null) {
            put(LAST);
            put(last.messageId());
            put(KIND);
            put(last.kind());
            put(HASH);
            put(last.renderHash());
            put('}');
        }
        put(UPDATES);
        List<Long> updates = stack.recentUpdateIds();
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                put(',');
            }
            put(updates.get(i));
        }
        put(']');
        put(FRAMES);
        List<Frame> frames = stack.frames();
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                put(',');
            }
            Frame frame = frames.get(i);
            put(FRAME_ID);
            put(frame.id());
            put(DIALOG);
            put(frame.dialogId());
            put(WINDOW);
            put(frame.windowId());
            put(REV);
            put(frame.revision());
            if (frame.startInput() != null) {
                put(INPUT);
                put(frame.startInput());
            }
            put(DATA);
            putMap(frame.data());
            put(STATE);
            putMap(frame.widgetState());
            put(SPILL);
            putMap(frame.spill());
            put('}');
        }
        put(']');
        put('}');
    }

    private void putMap(Map<String, String> values) throws NotTheLayout {
        put('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                put(',');
            }
            first = false;
            put(e.getKey());
            put(':');
            put(e.getValue());
        }
        put('}');
    }

    /** A string as the general writer writes one that needs no escape; throws for one that would. */
    private void put(String text) throws NotTheLayout {
        int length = text.length();
        room(length + 2);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                throw NotTheLayout.INSTANCE;
            }
            b[p++] = (byte) c;
        }
        b[p++] = '"';
        pos = p;
    }

    private void put(long value) {
        String digits = Long.toString(value);
        room(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            buf[pos++] = (byte) digits.charAt(i);
        }
    }

    private void put(byte[] text) {
        room(text.length);
        System.arraycopy(text, 0, buf, pos, text.length);
        pos += text.length;
    }

    private void put(char c) {
        room(1);
        buf[pos++] = (byte) c;
    }

    private void room(int more) {
        if (buf.length - pos < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    /** The stack, or null when {@code utf8} is not exactly of the layout {@link StackCodec#encodeUtf8} writes. */
    static @Nullable Stack read(byte[] utf8) {
        try {
            return new StackLayout(utf8).stack();
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
        if (pos != buf.length) {
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
        byte[] b = buf;
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
        boolean negative = pos < buf.length && buf[pos] == '-';
        int i = negative ? pos + 1 : pos;
        int start = i;
        long value = 0;
        while (i < buf.length && buf[i] >= '0' && buf[i] <= '9') {
            value = value * 10 + (buf[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || digits > 1 && buf[start] == '0') {
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
        if (buf.length - pos < text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (buf[pos + i] != text[i]) {
                return false;
            }
        }
        pos += text.length;
        return true;
    }

    private boolean at(char c) {
        if (pos < buf.length && buf[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
