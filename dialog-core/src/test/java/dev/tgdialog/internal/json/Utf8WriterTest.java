package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    @Test
    void encodesEveryKindOfCharacterAsStringGetBytesDoes() {
        String text = "{\"text\":\"« Prev · Next » — Привет 你好 👍🏽 𝄞\"}";
        assertThat(encode(text, 1000)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSurrogatePairSplitAcrossWritesStaysOneCodePoint() {
        String text = "a👍b🎉c";
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertThat(encode(text, chunk)).as("chunk %d", chunk).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void loneSurrogatesBecomeQuestionMarksAsTheJdkEncodes() {
        Random random = new Random(20261125);
        char[] interesting = {'a', '"', 'é', '€', '\uD83D', '\uDC4D', '\uDBFF', '\uDFFF', '\u2028'};
        for (int round = 0; round < 20_000; round++) {
            char[] chars = new char[random.nextInt(10)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = interesting[random.nextInt(interesting.length)];
            }
            String text = new String(chars);
            assertThat(encode(text, 1 + random.nextInt(4)))
                    .as("round %d: %s", round, HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_16BE)))
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void growsPastItsFirstCapacity() {
        String text = "x".repeat(10_000) + "é".repeat(10_000);
        assertThat(encode(text, 777)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the text in chunks, alternating the Writer's ways in, as JsonWriter mixes them. */
    private static byte[] encode(String text, int chunk) {
        Utf8Writer writer = new Utf8Writer(16);
        int way = 0;
        for (int i = 0; i < text.length(); i += chunk) {
            int end = Math.min(text.length(), i + chunk);
            switch (way++ % 3) {
                case 0 -> writer.write(text, i, end - i);
                case 1 -> writer.write(text.toCharArray(), i, end - i);
                default -> {
                    for (int j = i; j < end; j++) {
                        writer.write(text.charAt(j));
                    }
                }
            }
        }
        writer.flush();
        return Arrays.copyOf(writer.bytes(), writer.size());
    }
}
