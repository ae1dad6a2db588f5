package dev.tgdialog.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array the bench writes its JSON into (updates it sends, answers its fake gives): the harness's
 * share of each update is measured too, so it is kept to array stores, as V8's JSON.stringify keeps the peers'.
 */
final class Bytes {
    private byte[] buf = new byte[512];
    private int size;

    Bytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                size = size - i;
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
