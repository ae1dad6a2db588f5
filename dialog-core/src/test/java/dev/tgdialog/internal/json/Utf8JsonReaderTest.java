package dev.tgdialog.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.tgdialog.telegram.types.Update;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8JsonReader} against Gson's own reader: the same documents, valid and broken, read the same way, must
 * give the same tokens, values and paths, and fail with the same kind of exception.
 */
class Utf8JsonReaderTest {

    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "1.5", "-0.25", "1e3", "1E+3",
        "-1.0e-2", "1.0", "100000000000000000000", "4.9e-324", "1e400", "01", "1.", ".5", "-", "1e", "1.5x", "12/"};
    private static final String[] TEXTS = {"", "a", "item 7", "« Prev", "Next »", "é", "\uD83D\uDE00", "\u0001",
        "tab\there", "42", "-3", "1e3", "1.5", "true", "NaN", "Infinity", " 5", "9223372036854775808"};
    private static final String[] ESCAPES = {"\\n", "\\\"", "\\\\", "\\/", "\\t", "\\b", "\\f", "\\r", "\\u00e9",
        "\\uD83D\\uDE00", "\\u0041", "\\'", "\\\n"};
    private static final String[] KEYWORDS = {"true", "false", "null", "TRUE", "Null", "fAlse", "nul", "truex"};
    private static final byte[] NOISE = "{}[]:,\"\\ \n0a-.etn/#;='".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsAsGsonReads_twentyThousandValidAndBrokenDocuments() throws Exception {
        Random random = new Random(20261125);
        int broken = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] doc = document(random);
            if (i % 2 == 1) {
                doc = mutate(doc, random);
            }
            long seed = random.nextLong();
            String gson = walk(new JsonReader(new StringReader(new String(doc, StandardCharsets.UTF_8))), seed);
            String ours = walk(new Utf8JsonReader(doc), seed);
            assertThat(ours).as("document %s", new String(doc, StandardCharsets.UTF_8)).isEqualTo(gson);
            if (gson.contains("!")) {
                broken++;
            }
        }
        // Both halves were exercised: a good share of the documents fail, and most do not.
        assertThat(broken).isBetween(2_000, 14_000);
    }

    @Test
    void malformedUtf8_decodesAsTheJdkDecodesIt() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] text = new byte[random.nextInt(12)];
            for (int j = 0; j < text.length; j++) {
                text[j] = (byte) (0x80 + random.nextInt(0x80));
                if (random.nextInt(4) == 0) {
                    text[j] = (byte) "a\\\"".charAt(random.nextInt(3));
                }
            }
            byte[] doc = concat("[\"".getBytes(StandardCharsets.US_ASCII), text, "\",1]".getBytes(StandardCharsets.US_ASCII));
            long seed = random.nextLong();
            String gson = walk(new JsonReader(new StringReader(new String(doc, StandardCharsets.UTF_8))), seed);
            assertThat(walk(new Utf8JsonReader(doc), seed)).isEqualTo(gson);
        }
    }

    @Test
    void aByteOrderMark_isSkipped_andNamesComeBackEqual() throws Exception {
        byte[] doc = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"update_id\":1,\"update_id\":2}".getBytes(StandardCharsets.UTF_8));
        JsonReader reader = new Utf8JsonReader(doc);

        reader.beginObject();
        String first = reader.nextName();
        reader.skipValue();
        String second = reader.nextName();

        assertThat(first).isEqualTo("update_id").isSameAs(second);
        assertThat(reader.nextLong()).isEqualTo(2);
        assertThat(reader.getPath()).isEqualTo("$.update_id");
    }

    @Test
    void aBorrowedReader_isReusedOnceClosed_andTwoBorrowedAtOnceAreTwo() throws Exception {
        Utf8JsonReader first = Utf8JsonReader.borrow("{\"a\":[1,2,{\"b\":3".getBytes(StandardCharsets.UTF_8));
        first.beginObject();
        first.nextName();
        first.beginArray();
        Utf8JsonReader second = Utf8JsonReader.borrow("[true]".getBytes(StandardCharsets.UTF_8));
        assertThat(second).isNotSameAs(first);
        second.close();
        first.close();

        Utf8JsonReader again = Utf8JsonReader.borrow("\"x\"".getBytes(StandardCharsets.UTF_8));

        assertThat(again).isSameAs(first);
        assertThat(again.getPath()).isEqualTo("$");
        assertThat(again.nextString()).isEqualTo("x");
        assertThat(again.peek()).isEqualTo(JsonToken.END_DOCUMENT);
        again.close();
    }

    @Test
    void aMap_whichGsonReadsThroughItsOwnReadersInternals_isRefusedClearly_notMisread() {
        // No Bot API type has a map; this pins down what would happen if one came.
        assertThatThrownBy(() -> Json.fromUtf8("{\"a\":1}".getBytes(StandardCharsets.UTF_8), java.util.Map.class))
                .isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void deepNesting_isRefusedAtGsonsLimit() {
        String deep = "[".repeat(300) + "]".repeat(300);

        assertThatThrownBy(() -> Json.fromUtf8(deep.getBytes(StandardCharsets.US_ASCII), Object.class))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("Nesting limit");
    }

    @Test
    void fromUtf8_readsAnUpdate_nullForNothing_andRefusesTrailingContent() {
        byte[] json = "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":2,\"chat\":{\"id\":3,\"type\":\"private\"}}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Json.fromUtf8(json, Update.class).message().chat().id()).isEqualTo(3);
        assertThat(Json.fromUtf8(new byte[0], Update.class)).isNull();
        assertThat(Json.fromUtf8(" \n".getBytes(StandardCharsets.US_ASCII), Update.class)).isNull();
        assertThatThrownBy(() -> Json.fromUtf8(concat(json, "{}".getBytes(StandardCharsets.US_ASCII)), Update.class))
                .isInstanceOf(JsonSyntaxException.class);
        assertThatThrownBy(() -> Json.fromUtf8("[1]".getBytes(StandardCharsets.US_ASCII), Update.class))
                .isInstanceOf(JsonSyntaxException.class);
    }

    // ------------------------------------------------------------------------------------------------ the walk

    /** Reads the whole document, choosing how to read each value by {@code seed}; the trace of what it saw. */
    private static String walk(JsonReader reader, long seed) {
        StringBuilder trace = new StringBuilder();
        Random choice = new Random(seed);
        try {
            value(reader, choice, trace);
            trace.append(" end=").append(reader.peek());
        } catch (MalformedJsonException e) {
            trace.append(" !syntax");
        } catch (EOFException e) {
            trace.append(" !eof");
        } catch (IllegalStateException e) {
            trace.append(" !state");
        } catch (NumberFormatException e) {
            trace.append(" !number");
        } catch (IOException e) {
            trace.append(" !io ").append(e.getClass().getSimpleName());
        }
        return trace.toString();
    }

    private static void value(JsonReader reader, Random choice, StringBuilder trace) throws IOException {
        int how = choice.nextInt(10);
        if (how == 0) {
            reader.skipValue();
            trace.append(" skip@").append(reader.getPath());
            return;
        }
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_ARRAY -> {
                reader.beginArray();
                trace.append(" [");
                while (reader.hasNext()) {
                    value(reader, choice, trace);
                }
                reader.endArray();
                trace.append(" ]@").append(reader.getPath());
            }
            case BEGIN_OBJECT -> {
                reader.beginObject();
                trace.append(" {");
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    trace.append(' ').append(name).append(':');
                    value(reader, choice, trace);
                }
                reader.endObject();
                trace.append(" }@").append(reader.getPath());
            }
            case NUMBER, STRING -> {
                String read = switch (how % 4) {
                    case 0 -> "s" + reader.nextString();
                    case 1 -> "l" + reader.nextLong();
                    case 2 -> "d" + reader.nextDouble();
                    default -> "i" + reader.nextInt();
                };
                trace.append(' ').append(read).append('@').append(reader.getPath());
            }
            case BOOLEAN -> {
                boolean read = reader.nextBoolean();
                trace.append(' ').append(read).append('@').append(reader.getPath());
            }
            case NULL -> {
                reader.nextNull();
                trace.append(" null@").append(reader.getPath());
            }
            default -> {
                // A wrong call on purpose: the reader must refuse it the same way.
                reader.nextString();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ documents

    private static byte[] document(Random random) {
        StringBuilder json = new StringBuilder();
        value(json, random, 0);
        if (random.nextInt(10) == 0) {
            json.insert(0, " \n\t");
            json.append("\r\n ");
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder json, Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 3 : 5);
        switch (kind) {
            case 0 -> json.append(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 1 -> string(json, random);
            case 2 -> json.append(KEYWORDS[random.nextInt(KEYWORDS.length)]);
            case 3 -> {
                json.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    json.append(i > 0 ? (random.nextInt(8) == 0 ? " , " : ",") : "");
                    value(json, random, depth + 1);
                }
                json.append(']');
            }
            default -> {
                json.append('{');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    json.append(i > 0 ? "," : "");
                    string(json, random);
                    json.append(random.nextInt(8) == 0 ? " : " : ":");
                    value(json, random, depth + 1);
                }
                json.append('}');
            }
        }
    }

    private static void string(StringBuilder json, Random random) {
        json.append('"');
        int parts = random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            json.append(random.nextInt(4) == 0
                    ? ESCAPES[random.nextInt(ESCAPES.length)]
                    : TEXTS[random.nextInt(TEXTS.length)]);
        }
        json.append('"');
    }

    private static byte[] mutate(byte[] doc, Random random) {
        if (doc.length == 0) {
            return doc;
        }
        int at = random.nextInt(doc.length);
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(doc, at);
            case 1 -> {
                byte[] copy = doc.clone();
                copy[at] = noise(random);
                yield copy;
            }
            case 2 -> concat(java.util.Arrays.copyOf(doc, at), new byte[] {noise(random)},
                    java.util.Arrays.copyOfRange(doc, at, doc.length));
            default -> concat(doc, List.of("x", " 1", "}", "\"", "  ").get(random.nextInt(5))
                    .getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static byte noise(Random random) {
        return random.nextInt(5) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : NOISE[random.nextInt(NOISE.length)];
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
