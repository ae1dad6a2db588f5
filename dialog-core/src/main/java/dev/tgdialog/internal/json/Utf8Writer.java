package dev.tgdialog.internal.json;

import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer that encodes UTF-8 into a growing byte array, so a JSON body is written once as bytes instead of being
 * built as a String and encoded again. Gson's writer makes several small writes per member (quotes, name, colon,
 * value); an array store each is what keeps that cheap. A lone surrogate becomes {@code ?}, as
 * {@code String.getBytes(UTF_8)} makes it. Not thread-safe.
 */
public final class Utf8Writer extends Writer {
    private byte[] buf;
    private int size;
    /** A high surrogate that ended the last write; its low half may start the next. */
    private char pendingHigh;

    public Utf8Writer(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes written so far; valid up to {@link #size()}. */
    public byte[] bytes() {
        return buf;
    }

    /** How many bytes have been written. */
    public int size() {
        return size;
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (ch < 0x80 && pendingHigh == 0) {
            ensure(1);
            buf[size++] = (byte) ch;
        } else {
            encode(ch);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(len);
        int end = off + len;
        int i = off;
        if (pendingHigh == 0) {
            byte[] b = buf;
            int n = size;
            while (i < end) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                b[n++] = (byte) c;
                i++;
            }
            size = n;
        }
        for (; i < end; i++) {
            encode(s.charAt(i));
        }
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(chars[i]);
        }
    }

    @Override
    public Writer append(CharSequence csq) {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) {
        String s = String.valueOf(csq);
        write(s, start, end - start);
        return this;
    }

    @Override
    public Writer append(char c) {
        write(c);
        return this;
    }

    private void encode(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                ensure(4);
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            ensure(1);
            buf[size++] = '?';
        }
        ensure(4);
        if (c < 0x80) {
            buf[size++] = (byte) c;
        } else if (c < 0x800) {
            buf[size++] = (byte) (0xC0 | (c >> 6));
            buf[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[size++] = '?';
        } else {
            buf[size++] = (byte) (0xE0 | (c >> 12));
            buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[size++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** Room for {@code bytes} more bytes (ASCII is one byte a character; {@link #encode} asks for more itself). */
    private void ensure(int bytes) {
        long needed = (long) size + bytes;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buf.length)));
        }
    }

    /** Ends the text: a high surrogate left without its low half is written as {@code ?}. */
    @Override
    public void flush() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            ensure(1);
            buf[size++] = '?';
        }
    }

    @Override
    public void close() {
        flush();
    }
}
