package dev.tgdialog.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array the bench writes its JSON into (updates it sends, answers its fake gives): the harness's
 * share of each update is measured too, so it is kept to array stores, as V8's JSON.stringify keeps the peers'.
 */
final class Bytes {
    /** Each thread's scratch: grown once to the largest message, so building one is not a chain of copies. */
    private static final ThreadLocal<Bytes> SCRATCH = ThreadLocal.withInitial(Bytes::new);

    private byte[] buf = new byte[512];
    private int size;

    /**
     * This thread's scratch, emptied. The caller takes its bytes with {@link #toByteArray()} before it builds
     * anything else on this thread (none of the bench's messages is built inside another).
     */
    static Bytes scratch() {
        Bytes b = SCRATCH.get();
        b.size = 0;
        return b;
    }

    Bytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // The ASCII prefix written so far is overwritten: size has not moved yet.
                return bytes(s.getBytes(StandardCharsets.UTF_8));
            }
            buf[size + i] = (byte) c;
        }
        size += s.length();
        return this;
    }

    Bytes number(long v) {
        return ascii(Long.toString(v));
    }

    Bytes bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
