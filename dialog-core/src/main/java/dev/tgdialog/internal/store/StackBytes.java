package dev.tgdialog.internal.store;

import dev.tgdialog.store.Frame;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the in-memory store keeps a stack at rest: one byte array of variable-length numbers and strings, a few dozen
 * bytes for a dialog in the middle of a wizard where the records it decodes to take several hundred. The names a
 * bot repeats in every stack (dialog and window ids, data keys, message kinds) are written as small numbers from a
 * dictionary this codec keeps, bounded at {@link #MAX_NAMES}; past the bound, names are written out in full. The
 * stack's version comes first, so a compare-and-set reads it without decoding the rest. In-process only: the
 * dictionary's numbers mean nothing to another process, which is what {@code StackCodec}'s JSON is for.
 * Thread-safe.
 */
final class StackBytes {
    /** Names the dictionary holds at most; a bot's own set of dialog, window and key names is far smaller. */
    static final int MAX_NAMES = 4096;

    private static final byte HASH_TEXT = 0;
    private static final byte HASH_HEX = 1;
    private static final int HAS_START_INPUT = 1;
    private static final int HAS_SPILL = 2;

    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    /** By code; replaced, never changed in place, when a name is added, so readers need no lock. */
    private volatile String[] names = new String[16];

    /** The stack as bytes. */
    byte[] encode(Stack stack) {
        Out out = new Out();
        out.varlong(stack.version());
        name(out, stack.id());
        out.varlong(stack.nextFrameId());
        out.varint(stack.frames().size());
        for (Frame frame : stack.frames()) {
            out.string(frame.id());
            name(out, frame.dialogId());
            name(out, frame.windowId());
            out.varlong(frame.revision());
            String startInput = frame.startInput();
            // One byte says which of the parts most frames lack this frame has.
            out.raw((byte)
                    ((startInput == null ? 0 : HAS_START_INPUT) | (frame.spill().isEmpty() ? 0 : HAS_SPILL)));
            if (startInput != null) {
                out.string(startInput);
            }
            namedMap(out, frame.data());
            namedMap(out, frame.widgetState());
            if (!frame.spill().isEmpty()) {
                out.varint(frame.spill().size());
                frame.spill().forEach((token, payload) -> {
                    out.string(token);
                    out.string(payload);
                });
            }
        }
        ShownMessage shown = stack.lastMessage();
        if (shown == null) {
            out.varint(0);
        } else {
            out.varint(1);
            out.varlong(shown.messageId());
            name(out, shown.kind());
            hash(out, shown.renderHash());
            ShownMessage.Album album = shown.album();
            if (album == null) {
                out.varint(0);
            } else {
                out.varint(album.messageIds().size());
                for (long id : album.messageIds()) {
                    out.varlong(id);
                }
                out.string(album.mediaHash());
            }
        }
        // Update ids grow, mostly by little from one to the next of a chat: written as the first and the
        // differences, without a sign when they all grow (the count's lowest bit says so).
        List<Long> ids = stack.recentUpdateIds();
        boolean growing = true;
        for (int i = 1; i < ids.size() && growing; i++) {
            growing = ids.get(i) > ids.get(i - 1);
        }
        out.varint(ids.size() << 1 | (growing ? 1 : 0));
        long previous = 0;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (growing && i > 0) {
                out.unsigned(id - previous);
            } else {
                out.varlong(id - previous);
            }
            previous = id;
        }
        return out.toByteArray();
    }

    /** The stack these bytes were encoded from. */
    Stack decode(byte[] bytes) {
        In in = new In(bytes);
        long version = in.varlong();
        String id = name(in);
        long nextFrameId = in.varlong();
        int frameCount = in.varint();
        List<Frame> frames = new ArrayList<>(frameCount);
        for (int f = 0; f < frameCount; f++) {
            String frameId = in.string();
            String dialogId = name(in);
            String windowId = name(in);
            long revision = in.varlong();
            byte parts = in.bytes[in.at++];
            String startInput = (parts & HAS_START_INPUT) != 0 ? in.string() : null;
            Map<String, String> data = namedMap(in);
            Map<String, String> widgetState = namedMap(in);
            int spillCount = (parts & HAS_SPILL) != 0 ? in.varint() : 0;
            Map<String, String> spill = spillCount == 0 ? Map.of() : new HashMap<>();
            for (int i = 0; i < spillCount; i++) {
                spill.put(in.string(), in.string());
            }
            frames.add(new Frame(frameId, dialogId, windowId, revision, startInput, data, widgetState, spill));
        }
        ShownMessage shown = null;
        if (in.varint() == 1) {
            long messageId = in.varlong();
            String kind = name(in);
            String hash = in.bytes[in.at++] == HASH_HEX ? Long.toHexString(in.fixed64()) : in.string();
            int albumSize = in.varint();
            ShownMessage.Album album = null;
            if (albumSize > 0) {
                List<Long> albumIds = new ArrayList<>(albumSize);
                for (int i = 0; i < albumSize; i++) {
                    albumIds.add(in.varlong());
                }
                album = new ShownMessage.Album(albumIds, in.string());
            }
            shown = new ShownMessage(messageId, kind, hash, album);
        }
        int idHeader = in.varint();
        int idCount = idHeader >>> 1;
        boolean growing = (idHeader & 1) != 0;
        List<Long> ids = new ArrayList<>(idCount);
        long previous = 0;
        for (int i = 0; i < idCount; i++) {
            previous += growing && i > 0 ? in.unsigned() : in.varlong();
            ids.add(previous);
        }
        return new Stack(id, frames, version, shown, ids, nextFrameId);
    }

    /** The version of the stack these bytes hold, read without decoding the rest. */
    static long version(byte[] bytes) {
        return new In(bytes).varlong();
    }

    private void namedMap(Out out, Map<String, String> map) {
        out.varint(map.size());
        map.forEach((key, value) -> {
            name(out, key);
            out.string(value);
        });
    }

    private Map<String, String> namedMap(In in) {
        int count = in.varint();
        return switch (count) {
            case 0 -> Map.of();
            case 1 -> Map.of(name(in), in.string());
            case 2 -> Map.of(name(in), in.string(), name(in), in.string());
            default -> {
                Map<String, String> map = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    map.put(name(in), in.string());
                }
                yield map;
            }
        };
    }

    /** A name as its dictionary code plus one, or 0 and the name written out when the dictionary is full. */
    private void name(Out out, String name) {
        Integer code = codes.get(name);
        if (code == null) {
            code = add(name);
        }
        if (code < 0) {
            out.varint(0);
            out.string(name);
        } else {
            out.varint(code + 1);
        }
    }

    private String name(In in) {
        int code = in.varint();
        return code == 0 ? in.string() : names[code - 1];
    }

    /** The name's code, added to the dictionary if there is room; -1 when there is none. */
    private synchronized int add(String name) {
        Integer known = codes.get(name);
        if (known != null) {
            return known;
        }
        int code = codes.size();
        if (code >= MAX_NAMES) {
            return -1;
        }
        String[] grown = names.length > code ? names.clone() : Arrays.copyOf(names, names.length * 2);
        grown[code] = name;
        // The array is published before the code: a reader that finds the code finds its name.
        names = grown;
        codes.put(name, code);
        return code;
    }

    /**
     * A render hash the engine wrote ({@code Long.toHexString} of a 64-bit hash) as its eight bytes; any other text
     * as it is.
     */
    private static void hash(Out out, String hash) {
        if (isCanonicalHex(hash)) {
            out.raw(HASH_HEX);
            out.fixed64(Long.parseUnsignedLong(hash, 16));
        } else {
            out.raw(HASH_TEXT);
            out.string(hash);
        }
    }

    private static boolean isCanonicalHex(String s) {
        int n = s.length();
        if (n == 0 || n > 16 || (n > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** A growing buffer of the encoding. */
    private static final class Out {
        private byte[] buf = new byte[96];
        private int size;

        void raw(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        /** Zigzag, then seven bits a byte: small numbers of either sign take one byte. */
        void varlong(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        /** Seven bits a byte, lowest first, for a number read as unsigned. */
        void unsigned(long v) {
            long z = v;
            ensure(10);
            while ((z & ~0x7fL) != 0) {
                buf[size++] = (byte) ((z & 0x7f) | 0x80);
                z >>>= 7;
            }
            buf[size++] = (byte) z;
        }

        void fixed64(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[size++] = (byte) (v >>> (56 - 8 * i));
            }
        }

        /** Its length in bytes, then its UTF-8 (ASCII copied char by char, the usual case). */
        void string(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (ascii) {
                varint(n);
                ensure(n);
                for (int i = 0; i < n; i++) {
                    buf[size++] = (byte) s.charAt(i);
                }
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                varint(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, size, utf8.length);
                size += utf8.length;
            }
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** A reader over an encoding. */
    private static final class In {
        final byte[] bytes;
        int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long z = unsigned();
            return (z >>> 1) ^ -(z & 1);
        }

        long unsigned() {
            long z = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                z |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            return z;
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[at++] & 0xff);
            }
            return v;
        }

        String string() {
            return text(varint());
        }

        private String text(int n) {
            boolean ascii = true;
            for (int i = at; i < at + n && ascii; i++) {
                ascii = bytes[i] >= 0;
            }
            // ISO-8859-1 of ASCII bytes is the same text, and copies straight into a compact string.
            String s = new String(bytes, at, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            at += n;
            return s;
        }
    }
}
