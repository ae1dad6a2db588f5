package dev.tgdialog.internal.json;

import java.io.Reader;

/**
 * Reads UTF-8 bytes as characters, straight into the reader's buffer. Bodies arrive as bytes; making a String of them
 * first and reading that decodes twice (bytes to String, String to chars) and allocates the String, which a
 * profile of the update path showed as its largest single cost. Malformed input becomes U+FFFD exactly where
 * {@code new String(bytes, UTF_8)} puts one. Not thread-safe.
 */
public final class Utf8Reader extends Reader {
    private static final char REPLACEMENT = '\uFFFD';

    private final byte[] in;
    private final int end;
    private int pos;
    /** The low surrogate of a supplementary character whose high half filled the last slot of a read. */
    private char pendingLow;

    public Utf8Reader(byte[] in) {
        this(in, 0, in.length);
    }

    public Utf8Reader(byte[] in, int offset, int length) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
    }

    @Override
    public int read(char[] out, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int o = off;
        int max = off + len;
        if (pendingLow != 0) {
            out[o++] = pendingLow;
            pendingLow = 0;
        }
        byte[] in = this.in;
        int p = pos;
        while (o < max && p < end) {
            // A run of ASCII in a counted loop of its own, which the JIT compiles to a tight (vectorisable) copy.
            int run = Math.min(max - o, end - p);
            int i = 0;
            while (i < run && in[p + i] >= 0) {
                out[o + i] = (char) in[p + i];
                i++;
            }
            o += i;
            p += i;
            if (o == max || p == end) {
                break;
            }
            int b = in[p] & 0xFF;
            if (b >= 0xC2 && b <= 0xDF) {
                if (p + 1 < end && isContinuation(in[p + 1])) {
                    out[o++] = (char) (((b & 0x1F) << 6) | (in[p + 1] & 0x3F));
                    p += 2;
                } else {
                    out[o++] = REPLACEMENT;
                    p++;
                }
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (p + 1 >= end || !secondOfThree(b, in[p + 1])) {
                    out[o++] = REPLACEMENT;
                    p++;
                } else if (p + 2 >= end || !isContinuation(in[p + 2])) {
                    out[o++] = REPLACEMENT;
                    p += 2;
                } else {
                    char c = (char) (((b & 0x0F) << 12) | ((in[p + 1] & 0x3F) << 6) | (in[p + 2] & 0x3F));
                    // An encoded surrogate (ED A0..BF xx) is one malformed sequence, as the JDK decodes it.
                    out[o++] = Character.isSurrogate(c) ? REPLACEMENT : c;
                    p += 3;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (p + 1 >= end || !secondOfFour(b, in[p + 1])) {
                    out[o++] = REPLACEMENT;
                    p++;
                } else if (p + 2 >= end || !isContinuation(in[p + 2])) {
                    out[o++] = REPLACEMENT;
                    p += 2;
                } else if (p + 3 >= end || !isContinuation(in[p + 3])) {
                    out[o++] = REPLACEMENT;
                    p += 3;
                } else {
                    int cp = ((b & 0x07) << 18) | ((in[p + 1] & 0x3F) << 12) | ((in[p + 2] & 0x3F) << 6)
                            | (in[p + 3] & 0x3F);
                    out[o++] = Character.highSurrogate(cp);
                    char low = Character.lowSurrogate(cp);
                    if (o < max) {
                        out[o++] = low;
                    } else {
                        pendingLow = low;
                    }
                    p += 4;
                }
            } else {
                // A continuation byte without a lead, an overlong lead (C0, C1) or a lead past U+10FFFF (F5..FF).
                out[o++] = REPLACEMENT;
                p++;
            }
        }
        pos = p;
        return o == off ? -1 : o - off;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The second byte of a three-byte sequence, excluding overlong forms (E0). */
    private static boolean secondOfThree(int lead, byte second) {
        int s = second & 0xFF;
        if (lead == 0xE0) {
            return s >= 0xA0 && s <= 0xBF;
        }
        return s >= 0x80 && s <= 0xBF;
    }

    /** The second byte of a four-byte sequence, excluding overlong forms (F0) and code points past U+10FFFF (F4). */
    private static boolean secondOfFour(int lead, byte second) {
        int s = second & 0xFF;
        if (lead == 0xF0) {
            return s >= 0x90 && s <= 0xBF;
        }
        if (lead == 0xF4) {
            return s >= 0x80 && s <= 0x8F;
        }
        return s >= 0x80 && s <= 0xBF;
    }

    @Override
    public void close() {
        // Nothing to release: the bytes belong to the caller.
    }
}
