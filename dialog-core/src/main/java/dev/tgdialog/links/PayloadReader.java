package dev.tgdialog.links;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields a {@link PayloadWriter} wrote, in the same order. Reading past the end, or bytes that are not
 * what the field needs, throws {@link InvalidPayloadException} ({@code MALFORMED}). One reader serves one decoding;
 * not thread-safe.
 */
public final class PayloadReader {
    private final byte[] bytes;
    private int position;

    PayloadReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads a number written by {@link PayloadWriter#putLong}. */
    public long getLong() {
        long zigzag = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw malformed("a number longer than ten bytes");
    }

    /** Reads an {@code int} written by {@link PayloadWriter#putInt}. */
    public int getInt() {
        long value = getLong();
        if (value != (int) value) {
            throw malformed("a number out of int range");
        }
        return (int) value;
    }

    /** Reads a flag written by {@link PayloadWriter#putBoolean}. */
    public boolean getBoolean() {
        int b = next();
        if (b > 1) {
            throw malformed("a flag that is neither 0 nor 1");
        }
        return b == 1;
    }

    /** Reads a text written by {@link PayloadWriter#putString}. */
    public String getString() {
        long length = getLong();
        if (length < 0 || length > bytes.length - position) {
            throw malformed("a text longer than the payload");
        }
        int start = position;
        position += (int) length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, (int) length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("a text that is not UTF-8");
        }
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    private int next() {
        if (position >= bytes.length) {
            throw malformed("fewer bytes than its fields need");
        }
        return bytes[position++] & 0xFF;
    }

    private static InvalidPayloadException malformed(String what) {
        return new InvalidPayloadException(InvalidPayloadException.Reason.MALFORMED, "the payload has " + what);
    }
}
