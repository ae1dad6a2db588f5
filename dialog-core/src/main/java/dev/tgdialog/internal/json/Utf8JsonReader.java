package dev.tgdialog.internal.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link JsonReader} that reads a UTF-8 body in place: tokens are found in the bytes, no character buffer is
 * filled, and member names come from a shared table of the names already seen, so the forty-odd names of an update
 * cost no String each. It reads what Gson's reader reads in its default (legacy strict) mode and refuses what that
 * refuses, with the same exception types: {@link MalformedJsonException} for bad syntax, {@link EOFException} for
 * input that ends too soon, {@link IllegalStateException} for a token other than the one asked for and
 * {@link NumberFormatException} for a number that does not fit; a differential test holds it to that. Strings are
 * decoded as {@code new String(bytes, UTF_8)} decodes (malformed input becomes U+FFFD). Gson's map adapter reaches
 * into its own reader's internals, so a {@code Map} cannot be read with this one (it fails as bad JSON); no Bot API
 * type has a map. Not thread-safe; the name table is.
 */
public final class Utf8JsonReader extends JsonReader {
    private static final Reader UNUSED = Reader.nullReader();

    // What has been peeked and not yet consumed.
    private static final int NONE = 0;
    private static final int BEGIN_OBJECT = 1;
    private static final int END_OBJECT = 2;
    private static final int BEGIN_ARRAY = 3;
    private static final int END_ARRAY = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;
    private static final int NULL = 7;
    private static final int STRING = 8;
    private static final int LONG = 9;
    private static final int NUMBER = 10;
    private static final int NAME = 11;
    private static final int END_DOCUMENT = 12;

    // Where the reader is, per level of nesting.
    private static final int EMPTY_ARRAY = 1;
    private static final int NONEMPTY_ARRAY = 2;
    private static final int EMPTY_OBJECT = 3;
    private static final int DANGLING_NAME = 4;
    private static final int NONEMPTY_OBJECT = 5;
    private static final int EMPTY_DOCUMENT = 6;
    private static final int NONEMPTY_DOCUMENT = 7;
    private static final int CLOSED = 8;

    /** As deep as Gson's reader lets a document nest by default. */
    private static final int NESTING_LIMIT = 255;

    private static final byte[] NOTHING = new byte[0];
    /** Each thread's reader while it is not lent out (Gson's reader allocates 2.5 KB of buffers it never uses here). */
    private static final ThreadLocal<Utf8JsonReader> SPARE = new ThreadLocal<>();

    private byte[] in;
    private int end;
    private int pos;
    /** Whether {@link #close()} gives this reader back to its thread's spare slot. */
    private boolean lent;

    private int peeked = NONE;
    /** The peeked string or name: its bytes between the quotes, and whether it holds an escape. */
    private int valueStart;
    private int valueEnd;
    private boolean escaped;
    /** Where the peeked value starts in the input (its quote, bracket or first character). */
    private int tokenStart;
    /** The peeked number: its value when it is a long, else its text in {@code [valueStart, valueEnd)}. */
    private long peekedLong;

    private int[] stack = new int[16];
    private int depth;
    private String[] pathNames = new String[16];
    private int[] pathIndices = new int[16];

    /** Reads the whole of {@code in}. */
    public Utf8JsonReader(byte[] in) {
        this(in, 0, in.length);
    }

    /** Reads {@code in[offset, offset + length)}. */
    public Utf8JsonReader(byte[] in, int offset, int length) {
        super(UNUSED);
        start(in, offset, length);
    }

    /**
     * A reader over {@code in}: this thread's spare one when it has one, else a new one. {@link #close()} gives it
     * back, after which it must not be used; a reader that is never closed is simply not reused.
     */
    public static Utf8JsonReader borrow(byte[] in) {
        Utf8JsonReader reader = SPARE.get();
        if (reader == null) {
            reader = new Utf8JsonReader(NOTHING);
        } else {
            SPARE.set(null);
        }
        reader.start(in, 0, in.length);
        reader.lent = true;
        return reader;
    }

    private void start(byte[] in, int offset, int length) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
        this.peeked = NONE;
        this.depth = 0;
        // A byte order mark is skipped, as Gson's reader skips U+FEFF at the start.
        if (end - pos >= 3 && (in[pos] & 0xFF) == 0xEF && (in[pos + 1] & 0xFF) == 0xBB && (in[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
        stack[depth] = EMPTY_DOCUMENT;
        pathIndices[depth] = 0;
        pathNames[depth] = null;
        depth++;
    }

    // ------------------------------------------------------------------------------------------------ structure

    @Override
    public void beginArray() throws IOException {
        if (peeked() != BEGIN_ARRAY) {
            throw unexpected("BEGIN_ARRAY");
        }
        push(EMPTY_ARRAY);
        pathIndices[depth - 1] = 0;
        peeked = NONE;
    }

    @Override
    public void endArray() throws IOException {
        if (peeked() != END_ARRAY) {
            throw unexpected("END_ARRAY");
        }
        depth--;
        pathIndices[depth - 1]++;
        peeked = NONE;
    }

    @Override
    public void beginObject() throws IOException {
        if (peeked() != BEGIN_OBJECT) {
            throw unexpected("BEGIN_OBJECT");
        }
        push(EMPTY_OBJECT);
        peeked = NONE;
    }

    @Override
    public void endObject() throws IOException {
        if (peeked() != END_OBJECT) {
            throw unexpected("END_OBJECT");
        }
        depth--;
        pathNames[depth] = null;
        pathIndices[depth - 1]++;
        peeked = NONE;
    }

    @Override
    public boolean hasNext() throws IOException {
        int p = peeked();
        return p != END_OBJECT && p != END_ARRAY && p != END_DOCUMENT;
    }

    @Override
    public JsonToken peek() throws IOException {
        return switch (peeked()) {
            case BEGIN_OBJECT -> JsonToken.BEGIN_OBJECT;
            case END_OBJECT -> JsonToken.END_OBJECT;
            case BEGIN_ARRAY -> JsonToken.BEGIN_ARRAY;
            case END_ARRAY -> JsonToken.END_ARRAY;
            case NAME -> JsonToken.NAME;
            case TRUE, FALSE -> JsonToken.BOOLEAN;
            case NULL -> JsonToken.NULL;
            case STRING -> JsonToken.STRING;
            case LONG, NUMBER -> JsonToken.NUMBER;
            default -> JsonToken.END_DOCUMENT;
        };
    }

    // ------------------------------------------------------------------------------------------------ values

    @Override
    public String nextName() throws IOException {
        if (peeked() != NAME) {
            throw unexpected("a name");
        }
        String name = escaped ? decode(valueStart, valueEnd) : NameTable.name(in, valueStart, valueEnd);
        pathNames[depth - 1] = name;
        peeked = NONE;
        return name;
    }

    @Override
    public String nextString() throws IOException {
        String value = switch (peeked()) {
            case STRING -> string();
            case LONG -> Long.toString(peekedLong);
            case NUMBER -> ascii(valueStart, valueEnd);
            default -> throw unexpected("a string");
        };
        consumed();
        return value;
    }

    @Override
    public boolean nextBoolean() throws IOException {
        int p = peeked();
        if (p != TRUE && p != FALSE) {
            throw unexpected("a boolean");
        }
        consumed();
        return p == TRUE;
    }

    @Override
    public void nextNull() throws IOException {
        if (peeked() != NULL) {
            throw unexpected("null");
        }
        consumed();
    }

    @Override
    public double nextDouble() throws IOException {
        double result = switch (peeked()) {
            case LONG -> (double) peekedLong;
            case NUMBER -> Double.parseDouble(ascii(valueStart, valueEnd));
            case STRING -> Double.parseDouble(string());
            default -> throw unexpected("a double");
        };
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw syntaxError("JSON forbids NaN and infinities: " + result);
        }
        consumed();
        return result;
    }

    @Override
    public long nextLong() throws IOException {
        return nextWhole("a long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public int nextInt() throws IOException {
        return (int) nextWhole("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A whole number within {@code [min, max]}, read as Gson reads one: a number, or a string holding one, where
     * "1e3" and "7.0" are whole too; anything else is a {@link NumberFormatException} naming what it was.
     */
    private long nextWhole(String expected, long min, long max) throws IOException {
        int p = peeked();
        String text;
        if (p == LONG) {
            if (peekedLong >= min && peekedLong <= max) {
                consumed();
                return peekedLong;
            }
            text = Long.toString(peekedLong);
        } else if (p == NUMBER) {
            text = ascii(valueStart, valueEnd);
        } else if (p == STRING) {
            text = string();
            try {
                long result = Long.parseLong(text);
                if (result >= min && result <= max) {
                    consumed();
                    return result;
                }
            } catch (NumberFormatException notPlain) {
                // Read as a double below, as Gson does ("1e3" is whole too).
            }
        } else {
            throw unexpected(expected);
        }
        double asDouble = Double.parseDouble(text);
        long result = (long) asDouble;
        if (result != asDouble || result < min || result > max) {
            throw new NumberFormatException("Expected " + expected + " but was " + text + location());
        }
        consumed();
        return result;
    }

    @Override
    public void skipValue() throws IOException {
        int count = 0;
        do {
            switch (peeked()) {
                case BEGIN_ARRAY -> {
                    push(EMPTY_ARRAY);
                    count++;
                }
                case BEGIN_OBJECT -> {
                    push(EMPTY_OBJECT);
                    count++;
                }
                case END_ARRAY -> {
                    depth--;
                    count--;
                }
                case END_OBJECT -> {
                    if (count == 0) {
                        // Skipping the end of the enclosing object leaves it, as Gson's reader does.
                        pathNames[depth - 1] = null;
                    }
                    depth--;
                    count--;
                }
                case NAME -> {
                    if (count == 0) {
                        pathNames[depth - 1] = "<skipped>";
                    }
                }
                case END_DOCUMENT -> {
                    // Nothing to skip; Gson's reader leaves its state as it is too.
                    return;
                }
                default -> {
                    // A scalar: its end was found when it was peeked.
                }
            }
            peeked = NONE;
        } while (count > 0);
        pathIndices[depth - 1]++;
    }

    /**
     * Reads the next value, whatever it is, and gives its JSON text exactly as the input has it (what a value of a
     * kind the model does not know keeps, so it can be written back unchanged).
     */
    public String nextRawValue() throws IOException {
        int start = valueOffset();
        skipValue();
        return textFrom(start);
    }

    /** Where the next value starts in the input (it is peeked); once it is read, {@link #textFrom} gives its text. */
    public int valueOffset() throws IOException {
        int p = peeked();
        if (p == NAME || p == END_OBJECT || p == END_ARRAY || p == END_DOCUMENT) {
            throw unexpected("a value");
        }
        return tokenStart;
    }

    /** The input from {@code offset} to where the reader is, as text: a value's own JSON once it has been read. */
    public String textFrom(int offset) {
        return new String(in, offset, pos - offset, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        peeked = NONE;
        stack[0] = CLOSED;
        depth = 1;
        if (lent) {
            lent = false;
            in = NOTHING;
            Arrays.fill(pathNames, null);
            SPARE.set(this);
        }
    }

    @Override
    public String getPath() {
        return path(false);
    }

    @Override
    public String getPreviousPath() {
        return path(true);
    }

    @Override
    public String toString() {
        return "Utf8JsonReader" + location();
    }

    // ------------------------------------------------------------------------------------------------ scanning

    private int peeked() throws IOException {
        int p = peeked;
        return p != NONE ? p : doPeek();
    }

    /** After a value: the next one in an array gets the next index. */
    private void consumed() {
        peeked = NONE;
        pathIndices[depth - 1]++;
    }

    private int doPeek() throws IOException {
        int scope = stack[depth - 1];
        switch (scope) {
            case EMPTY_ARRAY -> stack[depth - 1] = NONEMPTY_ARRAY;
            case NONEMPTY_ARRAY -> {
                int c = nextNonWhitespace(true);
                pos++;
                if (c == ']') {
                    return peeked = END_ARRAY;
                }
                if (c != ',') {
                    pos--;
                    throw syntaxError("Unterminated array");
                }
            }
            case EMPTY_OBJECT, NONEMPTY_OBJECT -> {
                stack[depth - 1] = DANGLING_NAME;
                if (scope == NONEMPTY_OBJECT) {
                    int c = nextNonWhitespace(true);
                    pos++;
                    if (c == '}') {
                        return peeked = END_OBJECT;
                    }
                    if (c != ',') {
                        pos--;
                        throw syntaxError("Unterminated object");
                    }
                }
                int c = nextNonWhitespace(true);
                if (c == '"') {
                    pos++;
                    scanString();
                    return peeked = NAME;
                }
                if (c == '}' && scope != NONEMPTY_OBJECT) {
                    pos++;
                    return peeked = END_OBJECT;
                }
                throw syntaxError(c == '}' ? "Expected name" : "Use JsonReader.setStrictness(Strictness.LENIENT)"
                        + " to accept malformed JSON");
            }
            case DANGLING_NAME -> {
                stack[depth - 1] = NONEMPTY_OBJECT;
                int c = nextNonWhitespace(true);
                if (c != ':') {
                    throw syntaxError("Expected ':'");
                }
                pos++;
            }
            case EMPTY_DOCUMENT -> stack[depth - 1] = NONEMPTY_DOCUMENT;
            case NONEMPTY_DOCUMENT -> {
                if (nextNonWhitespace(false) == -1) {
                    return peeked = END_DOCUMENT;
                }
                throw syntaxError("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON");
            }
            case CLOSED -> throw new IllegalStateException("JsonReader is closed");
            default -> throw new AssertionError(scope);
        }
        int c = nextNonWhitespace(true);
        tokenStart = pos;
        switch (c) {
            case ']' -> {
                if (scope == EMPTY_ARRAY) {
                    pos++;
                    return peeked = END_ARRAY;
                }
                throw syntaxError("Unexpected value");
            }
            case ';', ',' -> throw syntaxError("Unexpected value");
            case '"' -> {
                pos++;
                scanString();
                return peeked = STRING;
            }
            case '[' -> {
                pos++;
                return peeked = BEGIN_ARRAY;
            }
            case '{' -> {
                pos++;
                return peeked = BEGIN_OBJECT;
            }
            default -> {
                int keyword = keyword();
                if (keyword != NONE) {
                    return peeked = keyword;
                }
                int number = number();
                if (number != NONE) {
                    return peeked = number;
                }
                throw syntaxError("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON");
            }
        }
    }

    /** The next byte that is not whitespace, left unconsumed; -1 at the end when that is allowed. */
    private int nextNonWhitespace(boolean required) throws EOFException {
        byte[] b = in;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                p++;
                continue;
            }
            pos = p;
            return c;
        }
        pos = p;
        if (required) {
            throw new EOFException("End of input" + location());
        }
        return -1;
    }

    /** Finds the end of the string whose first byte (after the quote) is at {@code pos}, checking its escapes. */
    private void scanString() throws IOException {
        byte[] b = in;
        int start = pos;
        int p = start;
        boolean sawEscape = false;
        // Eight bytes at a time while none of them is a quote or a backslash: most strings have neither but the end.
        while (p + 8 <= end) {
            long word = (long) LONGS.get(b, p);
            if (hasByte(word, QUOTES) || hasByte(word, BACKSLASHES)) {
                break;
            }
            p += 8;
        }
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                valueStart = start;
                valueEnd = p;
                escaped = sawEscape;
                pos = p + 1;
                return;
            }
            if (c == '\\') {
                sawEscape = true;
                pos = p;
                p = checkEscape(p + 1);
            } else {
                p++;
            }
        }
        pos = p;
        throw syntaxError("Unterminated string");
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    /** Whether any byte of {@code word} equals the byte repeated in {@code pattern}. */
    private static boolean hasByte(long word, long pattern) {
        long x = word ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

    /** Checks the escape whose letter is at {@code p}; returns where the string goes on. */
    private int checkEscape(int p) throws IOException {
        if (p >= end) {
            pos = p;
            throw syntaxError("Unterminated escape sequence");
        }
        switch (in[p]) {
            case 'u' -> {
                if (p + 4 >= end) {
                    pos = p;
                    throw syntaxError("Unterminated escape sequence");
                }
                for (int i = p + 1; i <= p + 4; i++) {
                    if (Character.digit(in[i], 16) < 0) {
                        pos = p;
                        throw syntaxError("Malformed Unicode escape \\u" + ascii(p + 1, p + 5));
                    }
                }
                return p + 5;
            }
            case 't', 'b', 'n', 'r', 'f', '\n', '\'', '"', '\\', '/' -> {
                return p + 1;
            }
            default -> {
                pos = p;
                throw syntaxError("Invalid escape sequence");
            }
        }
    }

    /** true, false or null (in any letter case, as Gson's legacy mode accepts), ending where a literal ends. */
    private int keyword() throws MalformedJsonException {
        byte[] b = in;
        int p = pos;
        // The spellings JSON has, compared as bytes; other letter cases go the long way below.
        if (p + 4 <= end) {
            if (b[p] == 't' && b[p + 1] == 'r' && b[p + 2] == 'u' && b[p + 3] == 'e') {
                return endOfKeyword(4, TRUE);
            }
            if (b[p] == 'n' && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l') {
                return endOfKeyword(4, NULL);
            }
            if (p + 5 <= end && b[p] == 'f' && b[p + 1] == 'a' && b[p + 2] == 'l' && b[p + 3] == 's'
                    && b[p + 4] == 'e') {
                return endOfKeyword(5, FALSE);
            }
        }
        String keyword;
        int token;
        switch (in[pos]) {
            case 't', 'T' -> {
                keyword = "true";
                token = TRUE;
            }
            case 'f', 'F' -> {
                keyword = "false";
                token = FALSE;
            }
            case 'n', 'N' -> {
                keyword = "null";
                token = NULL;
            }
            default -> {
                return NONE;
            }
        }
        int length = keyword.length();
        if (pos + length > end) {
            return NONE;
        }
        for (int i = 0; i < length; i++) {
            int c = in[pos + i];
            if (c != keyword.charAt(i) && c != Character.toUpperCase(keyword.charAt(i))) {
                return NONE;
            }
        }
        return endOfKeyword(length, token);
    }

    /** The keyword of {@code length} bytes at {@code pos}, unless a literal runs on after it ("nullsoft"). */
    private int endOfKeyword(int length, int token) throws MalformedJsonException {
        if (pos + length < end && isLiteral(in[pos + length])) {
            return NONE;
        }
        pos += length;
        return token;
    }

    /**
     * A JSON number: a long when it is an integer that fits (and not -0), else its text. A number that runs on into
     * other literal characters is no number.
     */
    private int number() throws MalformedJsonException {
        byte[] b = in;
        int start = pos;
        int p = pos;
        boolean negative = false;
        if (p < end && b[p] == '-') {
            negative = true;
            p++;
        }
        int digitsStart = p;
        long value = 0; // accumulated negatively, so Long.MIN_VALUE fits
        boolean fitsInLong = true;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            int digit = b[p] - '0';
            if (p > digitsStart && b[digitsStart] == '0') {
                return NONE; // a leading zero
            }
            if (value < Long.MIN_VALUE / 10 || (value == Long.MIN_VALUE / 10 && digit > 8)) {
                fitsInLong = false;
            }
            value = value * 10 - digit;
            p++;
        }
        if (p == digitsStart) {
            return NONE;
        }
        boolean integer = true;
        if (p < end && b[p] == '.') {
            integer = false;
            p++;
            int fraction = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == fraction) {
                return NONE;
            }
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            integer = false;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int exponent = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == exponent) {
                return NONE;
            }
        }
        if (p < end && isLiteral(b[p])) {
            return NONE;
        }
        pos = p;
        if (integer && fitsInLong && (value != Long.MIN_VALUE || negative) && (value != 0 || !negative)) {
            peekedLong = negative ? value : -value;
            return LONG;
        }
        valueStart = start;
        valueEnd = p;
        return NUMBER;
    }

    /**
     * Whether {@code c} can be part of an unquoted literal: anything but structure and whitespace. The characters
     * only lenient JSON gives a meaning to are refused where they are met, as Gson's reader refuses them.
     */
    private boolean isLiteral(byte c) throws MalformedJsonException {
        return switch (c) {
            case '/', '\\', ';', '#', '=' -> throw syntaxError(
                    "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON");
            case '{', '}', '[', ']', ':', ',', ' ', '\t', '\f', '\r', '\n' -> false;
            default -> true;
        };
    }

    private void push(int scope) throws MalformedJsonException {
        if (depth - 1 >= NESTING_LIMIT) {
            throw new MalformedJsonException("Nesting limit " + NESTING_LIMIT + " reached" + location());
        }
        if (depth == stack.length) {
            int size = depth * 2;
            stack = Arrays.copyOf(stack, size);
            pathIndices = Arrays.copyOf(pathIndices, size);
            pathNames = Arrays.copyOf(pathNames, size);
        }
        stack[depth] = scope;
        pathIndices[depth] = 0;
        pathNames[depth] = null;
        depth++;
    }

    // ------------------------------------------------------------------------------------------------ text

    /** The peeked string's value. */
    private String string() {
        return escaped ? decode(valueStart, valueEnd) : utf8(valueStart, valueEnd);
    }

    private String utf8(int from, int to) {
        return new String(in, from, to - from, StandardCharsets.UTF_8);
    }

    private String ascii(int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The string {@code [from, to)} with its escapes resolved (they were checked when it was scanned). */
    private String decode(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        int p = from;
        while (p < to) {
            if (in[p] != '\\') {
                p++;
                continue;
            }
            if (p > run) {
                out.append(utf8(run, p));
            }
            byte e = in[p + 1];
            switch (e) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(ascii(p + 2, p + 6), 16));
                    p += 6;
                }
                case 't' -> {
                    out.append('\t');
                    p += 2;
                }
                case 'b' -> {
                    out.append('\b');
                    p += 2;
                }
                case 'n' -> {
                    out.append('\n');
                    p += 2;
                }
                case 'r' -> {
                    out.append('\r');
                    p += 2;
                }
                case 'f' -> {
                    out.append('\f');
                    p += 2;
                }
                default -> {
                    out.append((char) e); // \n (a line continuation), ', ", \ and /
                    p += 2;
                }
            }
            run = p;
        }
        if (run < to) {
            out.append(utf8(run, to));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ errors

    private IllegalStateException unexpected(String expected) throws IOException {
        return new IllegalStateException("Expected " + expected + " but was " + peek() + location());
    }

    private MalformedJsonException syntaxError(String message) {
        return new MalformedJsonException(message + location());
    }

    /** Line and column of {@code pos}, counted only when an error needs them, and the path. */
    private String location() {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(pos, end); i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " at line " + line + " column " + (pos - lineStart + 1) + " path " + getPath();
    }

    private String path(boolean previous) {
        StringBuilder result = new StringBuilder("$");
        for (int i = 0; i < depth; i++) {
            switch (stack[i]) {
                case EMPTY_ARRAY, NONEMPTY_ARRAY -> {
                    int index = pathIndices[i];
                    if (previous && index > 0 && i == depth - 1) {
                        index--;
                    }
                    result.append('[').append(index).append(']');
                }
                case EMPTY_OBJECT, DANGLING_NAME, NONEMPTY_OBJECT -> {
                    result.append('.');
                    if (pathNames[i] != null) {
                        result.append(pathNames[i]);
                    }
                }
                default -> {
                    // The document level adds nothing.
                }
            }
        }
        return result.toString();
    }

    /**
     * Member names already read, shared by every reader: the Bot API has a few hundred, and a name that comes again
     * is a table probe instead of a new String. Bounded, so names an attacker makes up cannot grow it; a name that
     * finds no room is simply made anew. Entries are immutable, so a racing reader sees one whole or none.
     */
    static final class NameTable {
        private static final int SIZE = 4096;
        private static final int PROBES = 8;
        private static final int LONGEST = 64;
        private static final Entry[] TABLE = new Entry[SIZE];

        private record Entry(byte[] bytes, String name) {}

        private NameTable() {}

        static String name(byte[] in, int from, int to) {
            int length = to - from;
            if (length > LONGEST) {
                return new String(in, from, length, StandardCharsets.UTF_8);
            }
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + in[i];
            }
            hash ^= hash >>> 16;
            for (int probe = 0; probe < PROBES; probe++) {
                int slot = (hash + probe) & (SIZE - 1);
                Entry e = TABLE[slot];
                if (e == null) {
                    String name = new String(in, from, length, StandardCharsets.UTF_8);
                    TABLE[slot] = new Entry(Arrays.copyOfRange(in, from, to), name);
                    return name;
                }
                if (Arrays.equals(e.bytes, 0, e.bytes.length, in, from, to)) {
                    return e.name;
                }
            }
            return new String(in, from, length, StandardCharsets.UTF_8);
        }
    }
}
