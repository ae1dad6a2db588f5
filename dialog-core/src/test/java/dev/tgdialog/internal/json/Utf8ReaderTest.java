package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

    @Test
    void decodesAsciiLatinBmpAndSupplementaryCharacters() {
        String text = "{\"text\":\"« Prev · Next » — Привет 你好 👍🏽 𝄞\"}";
        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), 1024)).isEqualTo(text);
    }

    @Test
    void aSurrogatePairSplitAcrossTwoReadsStaysWhole() {
        String text = "a👍b🎉";
        for (int chunk = 1; chunk <= 4; chunk++) {
            assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), chunk)).as("chunk %d", chunk).isEqualTo(text);
        }
    }

    @Test
    void malformedBytesBecomeReplacementCharactersExactlyAsTheJdkDecodes() {
        Random random = new Random(20261125);
        byte[] interesting = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
            (byte) 0xE0, (byte) 0xA0, (byte) 0xED, (byte) 0x9F, (byte) 0xEF, (byte) 0xF0, (byte) 0x90, (byte) 0xF4,
            (byte) 0x8F, (byte) 0xF5, (byte) 0xFF, 'a', '"', 0};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            String expected = new String(bytes, StandardCharsets.UTF_8);
            assertThat(readAll(bytes, 1 + random.nextInt(5))).as("round %d, bytes %s", round, java.util.HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyBodyIsAtItsEndAtOnce() {
        assertThat(new Utf8Reader(new byte[0]).read(new char[4], 0, 4)).isEqualTo(-1);
    }

    private static String readAll(byte[] bytes, int chunk) {
        Utf8Reader reader = new Utf8Reader(bytes);
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n; (n = reader.read(buffer, 0, chunk)) != -1; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
