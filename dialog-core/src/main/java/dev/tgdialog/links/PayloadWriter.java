package dev.tgdialog.links;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the fields of a deep-link payload in a compact binary form, read back in the same order by a
 * {@link PayloadReader}: numbers as variable-length integers (small ones take one byte), texts as UTF-8 with their
 * length. One writer serves one encoding; not thread-safe.
 */
public final class PayloadWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadWriter() {}

    /** Writes a number; -64 to 63 take one byte, the largest ten. */
    public PayloadWriter putLong(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return this;
    }

    /** Writes an {@code int}, as {@link #putLong} does. */
    public PayloadWriter putInt(int value) {
        return putLong(value);
    }

    /** Writes a flag in one byte. */
    public PayloadWriter putBoolean(boolean value) {
        out.write(value ? 1 : 0);
        return this;
    }

    /** Writes a text as its UTF-8 bytes after their count. */
    public PayloadWriter putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putLong(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
