package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

    /** Everything the reader hands out, asked for {@code chunk} chars at a time (random sizes when 0). */
    private static String readAll(byte[] bytes, int chunk, Random random) {
        Utf8Reader reader = new Utf8Reader(bytes);
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[64];
        while (true) {
            int want = chunk > 0 ? chunk : 1 + random.nextInt(buffer.length);
            int offset = random.nextInt(buffer.length - want + 1);
            int n = reader.read(buffer, offset, want);
            if (n == -1) {
                return text.toString();
            }
            assertThat(n)
                    .as("a read hands out at least one char and no more than asked")
                    .isBetween(1, want);
            text.append(buffer, offset, n);
        }
    }

    @Test
    void textOfEveryPlane_readsAsTheStringOfItsBytes_inChunksOfAnySize() {
        Random random = new Random(7);
        int[] samples = {'a', '{', 0xAB, 0xBB, 0x416, 0x20AC, 0xFFFD, 0x1F600, 0x10FFFF};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(samples[random.nextInt(samples.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (int chunk : new int[] {1, 2, 3, 0}) {
                assertThat(readAll(bytes, chunk, random)).isEqualTo(text.toString());
            }
        }
    }

    @Test
    void malformedBytes_readAsReplacementCharacters_exactlyAsTheJdkStringDecodesThem() {
        Random random = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            String expected = new String(bytes, StandardCharsets.UTF_8);
            for (int chunk : new int[] {1, 0}) {
                assertThat(readAll(bytes, chunk, random)).isEqualTo(expected);
            }
        }
    }

    @Test
    void anEmptyBody_isAtItsEndAtOnce() {
        assertThat(new Utf8Reader(new byte[0]).read(new char[4], 0, 4)).isEqualTo(-1);
        assertThat(new Utf8Reader(new byte[0]).read(new char[4], 0, 0)).isZero();
    }
}
