package dev.tgdialog.internal.json;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A reader of a whole UTF-8 body held in memory, decoded by the JDK's decoder straight into the caller's buffer.
 * It exists for Gson's {@code JsonReader}: decoding the body to a {@code String} first and reading that through a
 * {@code StringReader} copied every update's text twice (and a click's keyboard labels, « and », made it a
 * two-byte-per-char string); a decoding {@code InputStreamReader} allocates 8 KB of buffers per body. Malformed input
 * reads as U+FFFD, as {@code new String(bytes, UTF_8)} does. Not thread-safe; one per body.
 */
final class Utf8Reader extends Reader {

    private final ByteBuffer in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Room for a surrogate pair when the caller asks for a single char; made only then, as it almost never is. */
    private @Nullable CharBuffer spill;

    Utf8Reader(byte[] utf8) {
        this.in = ByteBuffer.wrap(utf8);
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (spill != null && spill.hasRemaining() && n < length) {
            buffer[offset + n++] = spill.get();
        }
        if (n == length) {
            return n;
        }
        if (!in.hasRemaining()) {
            return n == 0 ? -1 : n;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset + n, length - n);
        // The whole input is here, so every call is the end of input: a sequence cut short at the end is malformed.
        decoder.decode(in, out, true);
        n += out.position() - (offset + n);
        if (n == 0 && in.hasRemaining()) {
            // One char of room and a supplementary character next: decode its pair aside and hand out its first half.
            CharBuffer pair = spill != null ? spill.clear() : CharBuffer.allocate(2);
            decoder.decode(in, pair, true);
            pair.flip();
            buffer[offset] = pair.get();
            spill = pair;
            n = 1;
        }
        return n;
    }

    @Override
    public void close() {
        // Nothing to release: the bytes belong to the caller.
    }
}
