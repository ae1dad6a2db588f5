package dev.tgdialog.internal.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A compact {@link JsonWriter} that writes UTF-8 straight into a byte array: a request body is made once, as the
 * bytes that are sent. It writes the same text as Gson's writer in compact form (the same escapes, the
 * deferred-name rule that drops a name whose value is a skipped null, the same checks on numbers and nesting),
 * honouring the settings Gson's {@code toJson} gives it (nulls, HTML-safe, strictness); a differential test holds
 * it to that. Pretty printing is not supported. A lone surrogate becomes {@code ?}, as
 * {@code String.getBytes(UTF_8)} makes it. Not thread-safe.
 */
public final class Utf8JsonWriter extends JsonWriter {
    private static final Writer UNUSED = Writer.nullWriter();

    private static final int EMPTY_ARRAY = 1;
    private static final int NONEMPTY_ARRAY = 2;
    private static final int EMPTY_OBJECT = 3;
    private static final int DANGLING_NAME = 4;
    private static final int NONEMPTY_OBJECT = 5;
    private static final int EMPTY_DOCUMENT = 6;
    private static final int NONEMPTY_DOCUMENT = 7;
    private static final int CLOSED = 8;

    /** The escape of each ASCII character that needs one (null for the rest). */
    private static final byte[][] ESCAPES = new byte[128][];
    private static final byte[][] HTML_ESCAPES;

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII);
        }
        ESCAPES['"'] = "\\\"".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\\'] = "\\\\".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\t'] = "\\t".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\b'] = "\\b".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\n'] = "\\n".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\r'] = "\\r".getBytes(StandardCharsets.US_ASCII);
        ESCAPES['\f'] = "\\f".getBytes(StandardCharsets.US_ASCII);
        HTML_ESCAPES = ESCAPES.clone();
        for (char c : new char[] {'<', '>', '&', '=', '\''}) {
            HTML_ESCAPES[c] = String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** What Gson's writer accepts as the text of a number whose class it does not know. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

    private byte[] buf;
    private int size;
    private int[] stack = new int[16];
    private int depth;
    private @Nullable String deferredName;

    /** An empty writer whose buffer starts at {@code initialCapacity} bytes. */
    public Utf8JsonWriter(int initialCapacity) {
        super(UNUSED);
        this.buf = new byte[Math.max(16, initialCapacity)];
        stack[depth++] = EMPTY_DOCUMENT;
    }

    /** The bytes written so far; valid up to {@link #size()}. */
    public byte[] bytes() {
        return buf;
    }

    /** How many bytes have been written. */
    public int size() {
        return size;
    }

    // ------------------------------------------------------------------------------------------------ structure

    @Override
    public JsonWriter beginArray() throws IOException {
        writeDeferredName();
        return open(EMPTY_ARRAY, '[');
    }

    @Override
    public JsonWriter endArray() throws IOException {
        return close(EMPTY_ARRAY, NONEMPTY_ARRAY, ']');
    }

    @Override
    public JsonWriter beginObject() throws IOException {
        writeDeferredName();
        return open(EMPTY_OBJECT, '{');
    }

    @Override
    public JsonWriter endObject() throws IOException {
        return close(EMPTY_OBJECT, NONEMPTY_OBJECT, '}');
    }

    private JsonWriter open(int empty, char bracket) {
        beforeValue();
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = empty;
        ensure(1);
        buf[size++] = (byte) bracket;
        return this;
    }

    private JsonWriter close(int empty, int nonempty, char bracket) {
        int context = peek();
        if (context != nonempty && context != empty) {
            throw new IllegalStateException("Nesting problem.");
        }
        if (deferredName != null) {
            throw new IllegalStateException("Dangling name: " + deferredName);
        }
        depth--;
        ensure(1);
        buf[size++] = (byte) bracket;
        return this;
    }

    @Override
    public JsonWriter name(String name) {
        java.util.Objects.requireNonNull(name, "name == null");
        if (deferredName != null) {
            throw new IllegalStateException("Already wrote a name, expecting a value.");
        }
        int context = peek();
        if (context != EMPTY_OBJECT && context != NONEMPTY_OBJECT) {
            throw new IllegalStateException("Please begin an object before writing a name.");
        }
        deferredName = name;
        return this;
    }

    // ------------------------------------------------------------------------------------------------ values

    @Override
    public JsonWriter value(@Nullable String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        writeDeferredName();
        beforeValue();
        string(value);
        return this;
    }

    @Override
    public JsonWriter jsonValue(@Nullable String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        writeDeferredName();
        beforeValue();
        raw(value);
        return this;
    }

    @Override
    public JsonWriter nullValue() throws IOException {
        if (deferredName != null) {
            if (!getSerializeNulls()) {
                // A null member is left out whole: the name goes with it.
                deferredName = null;
                return this;
            }
            writeDeferredName();
        }
        beforeValue();
        ascii("null");
        return this;
    }

    @Override
    public JsonWriter value(boolean value) throws IOException {
        writeDeferredName();
        beforeValue();
        ascii(value ? "true" : "false");
        return this;
    }

    @Override
    public JsonWriter value(@Nullable Boolean value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        return value(value.booleanValue());
    }

    @Override
    public JsonWriter value(float value) throws IOException {
        writeDeferredName();
        if (!isLenient() && (Float.isNaN(value) || Float.isInfinite(value))) {
            throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
        }
        beforeValue();
        ascii(Float.toString(value));
        return this;
    }

    @Override
    public JsonWriter value(double value) throws IOException {
        writeDeferredName();
        if (!isLenient() && (Double.isNaN(value) || Double.isInfinite(value))) {
            throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
        }
        beforeValue();
        ascii(Double.toString(value));
        return this;
    }

    @Override
    public JsonWriter value(long value) throws IOException {
        writeDeferredName();
        beforeValue();
        ascii(Long.toString(value));
        return this;
    }

    @Override
    public JsonWriter value(@Nullable Number value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        writeDeferredName();
        String text = value.toString();
        if (text.equals("-Infinity") || text.equals("Infinity") || text.equals("NaN")) {
            if (!isLenient()) {
                throw new IllegalArgumentException("Numeric values must be finite, but was " + text);
            }
        } else {
            Class<? extends Number> type = value.getClass();
            if (!trusted(type) && !NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("String created by " + type + " is not a valid JSON number: "
                        + text);
            }
        }
        beforeValue();
        raw(text);
        return this;
    }

    private static boolean trusted(Class<? extends Number> type) {
        return type == Integer.class || type == Long.class || type == Double.class || type == Float.class
                || type == Byte.class || type == Short.class || type == BigDecimal.class || type == BigInteger.class
                || type == AtomicInteger.class || type == AtomicLong.class;
    }

    @Override
    public void flush() {
        // Everything is in the array already.
    }

    @Override
    public void close() throws IOException {
        if (depth > 1 || (depth == 1 && stack[0] != NONEMPTY_DOCUMENT)) {
            throw new IOException("Incomplete document");
        }
        depth = 0;
    }

    // ------------------------------------------------------------------------------------------------ writing

    private int peek() {
        if (depth == 0) {
            throw new IllegalStateException("JsonWriter is closed.");
        }
        return stack[depth - 1];
    }

    private void writeDeferredName() {
        String name = deferredName;
        if (name != null) {
            int context = peek();
            if (context == NONEMPTY_OBJECT) {
                ensure(1);
                buf[size++] = ',';
            } else if (context != EMPTY_OBJECT) {
                throw new IllegalStateException("Nesting problem.");
            }
            stack[depth - 1] = DANGLING_NAME;
            string(name);
            deferredName = null;
        }
    }

    private void beforeValue() {
        switch (peek()) {
            case NONEMPTY_DOCUMENT -> {
                if (getStrictness() != Strictness.LENIENT) {
                    throw new IllegalStateException("JSON must have only one top-level value.");
                }
                stack[depth - 1] = NONEMPTY_DOCUMENT;
            }
            case EMPTY_DOCUMENT -> stack[depth - 1] = NONEMPTY_DOCUMENT;
            case EMPTY_ARRAY -> stack[depth - 1] = NONEMPTY_ARRAY;
            case NONEMPTY_ARRAY -> {
                ensure(1);
                buf[size++] = ',';
            }
            case DANGLING_NAME -> {
                ensure(1);
                buf[size++] = ':';
                stack[depth - 1] = NONEMPTY_OBJECT;
            }
            default -> throw new IllegalStateException("Nesting problem.");
        }
    }

    /** A quoted, escaped string. */
    private void string(String s) {
        byte[][] escapes = isHtmlSafe() ? HTML_ESCAPES : ESCAPES;
        int length = s.length();
        ensure(length + 2);
        buf[size++] = '"';
        int i = 0;
        while (i < length) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte[] escape = escapes[c];
                if (escape == null) {
                    ensure(1);
                    buf[size++] = (byte) c;
                } else {
                    bytes(escape);
                }
                i++;
            } else if (c == '\u2028' || c == '\u2029') {
                ascii(c == '\u2028' ? "\\u2028" : "\\u2029");
                i++;
            } else {
                i = encode(s, i, length);
            }
        }
        ensure(1);
        buf[size++] = '"';
    }

    /**
     * Encodes the non-ASCII character at {@code i} (a surrogate pair whole) as the JDK's UTF-8 encoder does, a lone
     * surrogate as {@code ?}; returns the index after it.
     */
    private int encode(String s, int i, int length) {
        char c = s.charAt(i);
        ensure(4);
        byte[] b = buf;
        int n = size;
        if (c < 0x800) {
            b[n++] = (byte) (0xC0 | (c >> 6));
            b[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
                size = n;
                return i + 2;
            }
            b[n++] = '?';
        } else {
            b[n++] = (byte) (0xE0 | (c >> 12));
            b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (c & 0x3F));
        }
        size = n;
        return i + 1;
    }

    /** Text known to be ASCII. */
    private void ascii(String s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    /** Text written as it is, UTF-8 encoded. */
    private void raw(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buf.length)));
        }
    }
}
