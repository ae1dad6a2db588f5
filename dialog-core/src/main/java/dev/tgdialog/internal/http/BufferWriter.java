package dev.tgdialog.internal.http;

import java.io.Writer;
import okio.Buffer;

/**
 * A Writer that encodes UTF-8 straight into an okio {@link Buffer}, so a JSON body is written once as bytes instead of
 * being built as a String and encoded again. A lone surrogate becomes {@code ?}, as {@code String.getBytes(UTF_8)}
 * makes it. Not thread-safe.
 */
public final class BufferWriter extends Writer {
    private final Buffer out;
    /** A high surrogate that ended the last write; its low half may start the next. */
    private char pendingHigh;

    public BufferWriter(Buffer out) {
        this.out = out;
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(ch)) {
                out.writeUtf8CodePoint(Character.toCodePoint(high, ch));
                return;
            }
            out.writeByte('?');
        }
        if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else if (ch < 0x80) {
            out.writeByte(ch);
        } else if (Character.isLowSurrogate(ch)) {
            out.writeByte('?');
        } else {
            out.writeUtf8CodePoint(ch);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        int end = off + len;
        while (off < end && pendingHigh != 0) {
            write(s.charAt(off++));
        }
        if (off < end && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
            out.writeUtf8(s, off, end);
            pendingHigh = s.charAt(end);
        } else if (off < end) {
            out.writeUtf8(s, off, end);
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

    /** Ends the text: a high surrogate left without its low half is written as {@code ?}. */
    @Override
    public void flush() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            out.writeByte('?');
        }
    }

    @Override
    public void close() {
        flush();
    }
}
