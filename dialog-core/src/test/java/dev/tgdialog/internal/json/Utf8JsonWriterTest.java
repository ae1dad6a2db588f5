package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8JsonWriter} against Gson's own writer: the same calls, in every combination of the settings Gson's
 * {@code toJson} passes on, must give the same bytes and fail the same way.
 */
class Utf8JsonWriterTest {

    private static final String[] TEXTS = {"", "a", "item 7", "« Prev", "Next »", "é", "\uD83D\uDE00", "\u0001",
        "tab\there", "quote\"back\\slash", "<b>&'='</b>", "\u2028\u2029", "lone \uD83D high", "lone \uDE00 low",
        "\u007f", "line\nbreak\r\f\b", "日本語"};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, 0.1, 1e300, 4.9e-324, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 52.52};

    @Test
    void writesAsGsonWrites_tenThousandCallSequences_inEverySetting() throws Exception {
        Random random = new Random(20261125);
        for (int i = 0; i < 10_000; i++) {
            boolean nulls = random.nextBoolean();
            boolean html = random.nextBoolean();
            Strictness strictness = random.nextBoolean() ? Strictness.LENIENT : Strictness.LEGACY_STRICT;
            long seed = random.nextLong();

            StringWriter text = new StringWriter();
            JsonWriter gson = new JsonWriter(text);
            Utf8JsonWriter ours = new Utf8JsonWriter(16);
            for (JsonWriter w : List.of(gson, ours)) {
                w.setSerializeNulls(nulls);
                w.setHtmlSafe(html);
                w.setStrictness(strictness);
            }
            String gsonTrace = run(gson, new Random(seed));
            String ourTrace = run(ours, new Random(seed));

            assertThat(ourTrace).isEqualTo(gsonTrace);
            assertThat(new String(ours.bytes(), 0, ours.size(), StandardCharsets.UTF_8))
                    .as("settings nulls=%s html=%s %s", nulls, html, strictness)
                    .isEqualTo(new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRequest_isTheBytesGsonWouldSend() throws Exception {
        EditMessageText edit = EditMessageText.builder().text("Pick a fruit (page 2/6)").chatId(42L).messageId(7L)
                .replyMarkup(new InlineKeyboardMarkup(List.of(
                        List.of(InlineKeyboardButton.builder("« Prev").callbackData("p").build(),
                                InlineKeyboardButton.builder("Next »").callbackData("n").build()))))
                .build();
        Utf8JsonWriter ours = new Utf8JsonWriter(16);

        Json.gson().toJson(edit, EditMessageText.class, ours);

        assertThat(new String(ours.bytes(), 0, ours.size(), StandardCharsets.UTF_8))
                .isEqualTo(Json.gson().toJson(edit))
                .startsWith("{\"chat_id\":42,\"message_id\":7,\"text\":\"Pick a fruit (page 2/6)\"");
    }

    /** Random calls, mostly ones that make sense where they are made; the trace of which failed and how. */
    private static String run(JsonWriter w, Random random) {
        StringBuilder trace = new StringBuilder();
        int depthGuess = 0;
        for (int op = 0; op < 40; op++) {
            int what = random.nextInt(22);
            try {
                switch (what) {
                    case 0, 1 -> {
                        w.beginObject();
                        depthGuess++;
                    }
                    case 2, 3 -> {
                        w.beginArray();
                        depthGuess++;
                    }
                    case 4 -> {
                        w.endObject();
                        depthGuess--;
                    }
                    case 5 -> {
                        w.endArray();
                        depthGuess--;
                    }
                    case 6, 7, 8 -> w.name(TEXTS[random.nextInt(TEXTS.length)]);
                    case 9, 10 -> w.value(TEXTS[random.nextInt(TEXTS.length)]);
                    case 11 -> w.value(random.nextLong() >> random.nextInt(64));
                    case 12 -> w.value(DOUBLES[random.nextInt(DOUBLES.length)]);
                    case 13 -> w.value((float) DOUBLES[random.nextInt(DOUBLES.length)]);
                    case 14 -> w.value(random.nextBoolean());
                    case 15 -> w.value(random.nextBoolean() ? null : Boolean.TRUE);
                    case 16 -> w.nullValue();
                    case 17 -> w.value((String) null);
                    case 18 -> w.value(List.<Number>of(7, new BigDecimal("1.50"), Double.NaN, new Odd("12"),
                            new Odd("0x1F"), new Odd("-Infinity")).get(random.nextInt(6)));
                    case 19 -> w.jsonValue(random.nextBoolean() ? "{\"raw\":[1,\"é\"]}" : null);
                    case 20 -> {
                        if (depthGuess > 0 && random.nextBoolean()) {
                            w.endObject();
                        } else {
                            w.endArray();
                        }
                        depthGuess--;
                    }
                    default -> w.close();
                }
                trace.append('.');
            } catch (IllegalStateException e) {
                trace.append('S');
            } catch (IllegalArgumentException e) {
                trace.append('A');
            } catch (java.io.IOException e) {
                trace.append('I');
            } catch (NullPointerException e) {
                trace.append('N');
            }
        }
        return trace.toString();
    }

    /** A number type Gson's writer does not trust, so its text is checked. */
    private static final class Odd extends Number {
        private final String text;

        Odd(String text) {
            this.text = text;
        }

        @Override
        public int intValue() {
            return 0;
        }

        @Override
        public long longValue() {
            return 0;
        }

        @Override
        public float floatValue() {
            return 0;
        }

        @Override
        public double doubleValue() {
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
