package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackCodecTest {

    /** Several frames, every field set somewhere, unicode, JSON-looking text inside values, empty maps. */
    private static Stack richStack() {
        Frame bottom = new Frame("0", "menu", "MAIN", 0, null, Map.of(), Map.of(), Map.of());
        Frame middle = new Frame(
                "1",
                "заказ",
                "РАЗМЕР",
                3,
                "{\"from\":\"menu\",\"n\":[1,2]}",
                Map.of("size", "\"M\"", "note", "\"say \\\"hi\\\" 👋 — 世界\"", "nested", "{\"a\":{\"b\":[null,true]}}"),
                Map.of("addr/text", "\"Main St 1\\nFlat 2\""),
                Map.of());
        Frame top = new Frame(
                "a",
                "pay",
                "CARD",
                12,
                "\"\"",
                Map.of("", "", "empty", "\"\""),
                Map.of("day/page", "\"2026-02\"", "list/selected", "[\"x\",\"y\"]"),
                Map.of("k7", "{\"id\":12345}", "k8", "} not json {"));
        return new Stack(
                "side/😀",
                List.of(bottom, middle, top),
                42,
                new ShownMessage(9001, "photo", "f00d"),
                List.of(1L, 2L, 3L, Long.MAX_VALUE),
                11);
    }

    @Test
    void encodeThenDecode_ofRichStack_isEqual() {
        Stack stack = richStack();

        Stack decoded = StackCodec.decode(StackCodec.encode(stack));

        assertThat(decoded).isEqualTo(stack);
        assertThat(decoded.frames().get(0).startInput()).isNull();
        assertThat(decoded.frames().get(2).data()).containsEntry("", "");
    }

    @Test
    void theBytesForm_isTheTextsUtf8_andDecodesToTheSameStack() {
        Stack stack = richStack();

        byte[] bytes = StackCodec.encodeUtf8(stack);

        assertThat(bytes).isEqualTo(StackCodec.encode(stack).getBytes(StandardCharsets.UTF_8));
        assertThat(StackCodec.decode(bytes)).isEqualTo(stack);
    }

    @Test
    void theBytesForm_ofGarbage_orOfBrokenUtf8_throwsStackStoreException() {
        byte[] cut = Arrays.copyOf(StackCodec.encodeUtf8(richStack()), 200);
        byte[] brokenUtf8 = "{\"v\":1,\"id\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        brokenUtf8[14] = (byte) 0xC3;
        brokenUtf8[15] = (byte) 0x28;

        assertThatThrownBy(() -> StackCodec.decode(cut))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageStartingWith("not a stack document");
        assertThatThrownBy(() -> StackCodec.decode(brokenUtf8))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageStartingWith("not a stack document");
    }

    @Test
    void theAlbumAboveTheLastMessage_survivesBothReadings_andIsWrittenOnlyWhenThere() {
        ShownMessage.Album album = new ShownMessage.Album(List.of(40L, 41L, -3L), "a1");
        Stack stack = new Stack("", List.of(), 2, new ShownMessage(42, "text", "h", album), List.of(), 0);

        String text = StackCodec.encode(stack);

        assertThat(text)
                .contains(
                        "\"last\":{\"id\":42,\"kind\":\"text\",\"hash\":\"h\",\"album\":{\"ids\":[40,41,-3],\"hash\":\"a1\"}}");
        assertThat(StackCodec.decode(text)).isEqualTo(stack);
        assertThat(StackCodec.decodeTree(text)).isEqualTo(stack);
        assertThat(StackCodec.encode(new Stack("", List.of(), 2, new ShownMessage(42, "text", "h"), List.of(), 0)))
                .doesNotContain("album");
        assertThatThrownBy(() -> StackCodec.decode(text.replace("[40,41,-3]", "[]")))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"ids\" is empty");
    }

    @Test
    void encodeThenDecode_ofEmptyStack_withoutLastMessage_isEqual() {
        Stack stack = Stack.empty("");

        assertThat(StackCodec.decode(StackCodec.encode(stack))).isEqualTo(stack);
    }

    @Test
    void encodedText_isTheDocumentedLayout_whoseHeadRedisReadsTheVersionFrom() {
        Frame frame = new Frame("0", "menu", "MAIN", 3, "\"in\"", Map.of("n", "2"), Map.of("w/k", "true"), Map.of());
        Stack stack = new Stack("s\"1", List.of(frame), 7, new ShownMessage(42, "text", "h"), List.of(10L, 11L), 1);

        assertThat(StackCodec.encode(stack))
                .isEqualTo("{\"v\":1,\"id\":\"s\\\"1\",\"version\":7,\"next\":1,"
                        + "\"last\":{\"id\":42,\"kind\":\"text\",\"hash\":\"h\"},\"updates\":[10,11],\"frames\":[{\"id\":\"0\","
                        + "\"dialog\":\"menu\",\"window\":\"MAIN\",\"rev\":3,\"input\":\"\\\"in\\\"\",\"data\":{\"n\":\"2\"},"
                        + "\"state\":{\"w/k\":\"true\"},\"spill\":{}}]}");
    }

    @Test
    void encodedText_carriesFormatVersion1() {
        String text = StackCodec.encode(richStack());

        assertThat(text).contains("\"v\":1");
        assertThat(JsonParser.parseString(text).getAsJsonObject().get("v").getAsInt())
                .isEqualTo(StackCodec.FORMAT_VERSION)
                .isEqualTo(1);
        assertThat(StackCodec.formatOf(text)).isEqualTo(1);
    }

    @Test
    void formatOf_readsTheVersion_ofAnyFormat() {
        assertThat(StackCodec.formatOf("{\"v\":2,\"whatever\":true}")).isEqualTo(2);
        assertThat(StackCodec.formatOf("{\"v\":1}")).isEqualTo(1);
    }

    @Test
    void formatOf_ofGarbage_throwsStackStoreException() {
        assertThatThrownBy(() -> StackCodec.formatOf("not json {")).isInstanceOf(StackStoreException.class);
        assertThatThrownBy(() -> StackCodec.formatOf("[]")).isInstanceOf(StackStoreException.class);
        assertThatThrownBy(() -> StackCodec.formatOf("{\"id\":\"\"}"))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"v\"");
    }

    /** A small stack's exact text: change this only with a deliberate format change (and a new "v"). */
    @Test
    void encode_ofSmallStack_matchesGoldenJson() {
        Frame frame = new Frame(
                "0",
                "order",
                "SIZE",
                1,
                "{\"promo\":true}",
                Map.of("size", "\"M\""),
                Map.of("size/page", "2"),
                Map.of());
        Stack stack = new Stack("", List.of(frame), 3, new ShownMessage(42, "text", "h1"), List.of(100L, 101L), 1);

        String golden = """
                {"v":1,"id":"","version":3,"next":1,"last":{"id":42,"kind":"text","hash":"h1"},\
                "updates":[100,101],"frames":[{"id":"0","dialog":"order","window":"SIZE","rev":1,\
                "input":"{\\"promo\\":true}","data":{"size":"\\"M\\""},"state":{"size/page":"2"},"spill":{}}]}""";
        assertThat(StackCodec.encode(stack)).isEqualTo(golden);
        assertThat(StackCodec.decode(golden)).isEqualTo(stack);
    }

    @Test
    void decode_ofFutureFormat_throwsStackStoreException_namingTheFormat() {
        String v2 = StackCodec.encode(richStack()).replace("{\"v\":1,", "{\"v\":2,");

        assertThatThrownBy(() -> StackCodec.decode(v2))
                .isInstanceOf(StackStoreException.class)
                .hasMessageContaining("format 2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "null",
                "42",
                "\"text\"",
                "[]",
                "{",
                "not json at all",
                "{\"v\":1} trailing",
                "{\"v\":\"one\"}",
                "{\"v\":{}}"
            })
    void decode_ofGarbage_throwsStackStoreException(String text) {
        assertThatThrownBy(() -> StackCodec.decode(text))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageStartingWith("not a stack document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v", "id", "version", "next", "updates", "frames"})
    void decode_ofDocumentMissingATopLevelField_throwsStackStoreException_namingIt(String field) {
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.remove(field);

        assertThatThrownBy(() -> StackCodec.decode(json.toString()))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "dialog", "window", "rev"})
    void decode_ofFrameMissingAField_throwsStackStoreException_namingIt(String field) {
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.getAsJsonArray("frames").get(1).getAsJsonObject().remove(field);

        assertThatThrownBy(() -> StackCodec.decode(json.toString()))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("frames[1]")
                .hasMessageContaining("\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "kind", "hash"})
    void decode_ofLastMessageMissingAField_throwsStackStoreException_namingIt(String field) {
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.getAsJsonObject("last").remove(field);

        assertThatThrownBy(() -> StackCodec.decode(json.toString()))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"last\":[]",
                "\"last\":7",
                "\"updates\":{}",
                "\"updates\":[\"x\"]",
                "\"frames\":{}",
                "\"frames\":[1]",
                "\"frames\":[null]",
                "\"id\":null",
                "\"id\":{}",
                "\"version\":\"x\""
            })
    void decode_ofFieldOfTheWrongType_throwsStackStoreException(String replacement) {
        String field = replacement.substring(1, replacement.indexOf("\":"));
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.add(field, JsonParser.parseString(replacement.substring(field.length() + 3)));

        assertThatThrownBy(() -> StackCodec.decode(json.toString()))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining(field);
    }

    @Test
    void decode_readsNullLastMessageAndNullStartInput_asAbsent() {
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.add("last", JsonNull.INSTANCE);
        json.getAsJsonArray("frames").get(1).getAsJsonObject().add("input", JsonNull.INSTANCE);

        Stack decoded = StackCodec.decode(json.toString());

        assertThat(decoded.lastMessage()).isNull();
        assertThat(decoded.frames().get(1).startInput()).isNull();
    }

    @Test
    void decode_ofVersionBeyondLongOrFractional_throwsStackStoreException() {
        String text = StackCodec.encode(richStack());

        assertThatThrownBy(() -> StackCodec.decode(text.replace("\"version\":42", "\"version\":1.5")))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"version\"");
        assertThatThrownBy(() -> StackCodec.decode(text.replace("\"version\":42", "\"version\":1e30")))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"version\"");
        assertThatThrownBy(() -> StackCodec.decode(text.replace("{\"v\":1,", "{\"v\":4294967297,")))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("\"v\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "{\"k\":null}", "{\"k\":{}}", "{\"k\":[1]}"})
    void decode_ofFrameMapOfTheWrongShape_throwsStackStoreException(String data) {
        JsonObject json = JsonParser.parseString(StackCodec.encode(richStack())).getAsJsonObject();
        json.getAsJsonArray("frames").get(0).getAsJsonObject().add("data", JsonParser.parseString(data));

        assertThatThrownBy(() -> StackCodec.decode(json.toString()))
                .isExactlyInstanceOf(StackStoreException.class)
                .hasMessageContaining("frames[0]")
                .hasMessageContaining("\"data\"");
    }
}
