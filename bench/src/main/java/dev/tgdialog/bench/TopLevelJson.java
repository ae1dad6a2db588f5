package dev.tgdialog.bench;

import java.nio.charset.StandardCharsets;

/**
 * Finds top-level members of a JSON object in its UTF-8 bytes, each value kept as the raw JSON it was written as
 * (strings with their quotes, objects as written). The bench fake only needs a few fields of each request and echoes
 * text and keyboard back as they came, so one pass over the bytes with no tree and no String is enough (V8's
 * JSON.parse plays this part in the Node peers' harness). Structural characters are ASCII, so they are single
 * bytes in UTF-8 and a byte scan never mistakes part of a multi-byte character for one.
 */
final class TopLevelJson {
    private final byte[] json;
    private final byte[][] names;
    private final int[] starts;
    private final int[] ends;

    /** Splits {@code json}, keeping the members named in {@code wanted}. */
    TopLevelJson(byte[] json, byte[]... wanted) {
        this(json, 0, wanted);
    }

    /** Splits the object that starts at {@code from} in {@code json}, keeping the members named in {@code wanted}. */
    TopLevelJson(byte[] json, int from, byte[]... wanted) {
        this.json = json;
        this.names = wanted;
        this.starts = new int[wanted.length];
        this.ends = new int[wanted.length];
        java.util.Arrays.fill(starts, -1);
        int i = skipSpace(json, from);
        if (json[i] != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        i = skipSpace(json, i + 1);
        while (json[i] != '}') {
            int keyEnd = endOfString(json, i);
            int slot = slot(i + 1, keyEnd - 1);
            i = skipSpace(json, keyEnd);
            i = skipSpace(json, i + 1);
            int valueEnd = endOfValue(json, i);
            if (slot >= 0) {
                starts[slot] = i;
                ends[slot] = valueEnd;
            }
            i = skipSpace(json, valueEnd);
            if (json[i] == ',') {
                i = skipSpace(json, i + 1);
            }
        }
    }

    /** The raw value of wanted member {@code n}, or null when the object has no such member. */
    byte[] raw(int n) {
        return starts[n] < 0 ? null : java.util.Arrays.copyOfRange(json, starts[n], ends[n]);
    }

    /** Whether wanted member {@code n} is there and its raw value starts with {@code prefix}. */
    boolean startsWith(int n, String prefix) {
        if (starts[n] < 0 || ends[n] - starts[n] < prefix.length()) {
            return false;
        }
        for (int j = 0; j < prefix.length(); j++) {
            if (json[starts[n] + j] != prefix.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Wanted member {@code n} as a number. */
    long number(int n) {
        long v = 0;
        boolean negative = json[starts[n]] == '-';
        for (int j = negative ? starts[n] + 1 : starts[n]; j < ends[n]; j++) {
            v = v * 10 + (json[j] - '0');
        }
        return negative ? -v : v;
    }

    /** Wanted member {@code n}, a JSON string, unescaped. */
    String string(int n) {
        for (int j = starts[n] + 1; j < ends[n] - 1; j++) {
            if (json[j] == '\\') {
                return string(java.util.Arrays.copyOfRange(json, starts[n], ends[n]));
            }
        }
        return new String(json, starts[n] + 1, ends[n] - starts[n] - 2, StandardCharsets.UTF_8);
    }

    /** The value of a raw JSON string literal, unescaped. */
    static String string(byte[] raw) {
        String literal = new String(raw, StandardCharsets.UTF_8);
        if (literal.indexOf('\\') < 0) {
            return literal.substring(1, literal.length() - 1);
        }
        return com.google.gson.JsonParser.parseString(literal).getAsString();
    }

    /** The ASCII bytes of a member name, for {@link #TopLevelJson(byte[], byte[][])}. */
    static byte[] name(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private int slot(int from, int to) {
        for (int s = 0; s < names.length; s++) {
            byte[] name = names[s];
            if (name.length == to - from && java.util.Arrays.equals(json, from, to, name, 0, name.length)) {
                return s;
            }
        }
        return -1;
    }

    /** Whether the string literal {@code s[start, end)} (quotes included) is exactly {@code "key"}. */
    static boolean isKey(byte[] s, int start, int end, String key) {
        if (end - start != key.length() + 2) {
            return false;
        }
        for (int j = 0; j < key.length(); j++) {
            if (s[start + 1 + j] != key.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    static int skipSpace(byte[] s, int i) {
        while (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
            i++;
        }
        return i;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static int endOfString(byte[] s, int i) {
        int j = i + 1;
        // Eight bytes at a time while none is a quote or a backslash, as a native JSON parser would.
        while (j + 8 <= s.length) {
            long word = (long) LONGS.get(s, j);
            if (hasByte(word, 0x2222222222222222L) || hasByte(word, 0x5C5C5C5C5C5C5C5CL)) {
                break;
            }
            j += 8;
        }
        for (; ; j++) {
            byte c = s[j];
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
    }

    private static boolean hasByte(long word, long pattern) {
        long x = word ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

    private static int endOfValue(byte[] s, int i) {
        byte c = s[i];
        if (c == '"') {
            return endOfString(s, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; ; j++) {
                byte d = s[j];
                if (d == '"') {
                    j = endOfString(s, j) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        return j + 1;
                    }
                }
            }
        }
        int j = i;
        while (j < s.length
                && s[j] != ','
                && s[j] != '}'
                && s[j] != ']'
                && s[j] != ' '
                && s[j] != '\n'
                && s[j] != '\r'
                && s[j] != '\t') {
            j++;
        }
        return j;
    }
}
