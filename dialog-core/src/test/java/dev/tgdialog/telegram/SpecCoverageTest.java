package dev.tgdialog.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import dev.tgdialog.telegram.types.UnknownUpdateKind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated model against the spec facts resource, with the type mapping written out here on its own
 * (not taken from the generator), so a generator bug shows up as a difference.
 */
class SpecCoverageTest {

    private static final String TYPES = "dev.tgdialog.telegram.types.";
    private static final String METHODS = "dev.tgdialog.telegram.methods.";

    // ---- Known, deliberate differences between the spec and the Java model. Anything else fails. ----

    /** InputFile is the hand-written {@link InputFile}, not a generated record. */
    private static final Set<String> NOT_GENERATED = Set.of("InputFile");

    /**
     * RichText's non-object variants: the spec lists "String" and "Array of RichText" as subtypes; the model has
     * the generated records RichTextPlain and RichTextList (written as a bare string / array).
     */
    private static final Map<String, String> NON_OBJECT_VARIANTS =
            Map.of("String", "RichTextPlain", "Array of RichText", "RichTextList");

    /** sendMediaGroup.media is a union of five "Array of InputMedia*" types; the model takes List<InputMedia>. */
    private static final Map<String, String> ARRAY_UNIONS =
            Map.of("sendMediaGroup.media", "java.util.List<" + TYPES + "InputMedia>");

    // The String fields documented with attach:// (marked "upload": true in the facts: InputMedia*.media,
    // .thumbnail, .cover, InputPaidMedia*, InputProfilePhoto*, InputStoryContent*, InputSticker.sticker) are
    // InputFile in the model, so they can carry uploads; see expectedType.

    /**
     * Every union but MaybeInaccessibleMessage (whose date rule places every object) also permits the generated
     * {@code <Union>Unknown}, what a variant of a kind the model does not know reads as.
     */
    private static final Set<String> NO_UNKNOWN_VARIANT = Set.of("MaybeInaccessibleMessage");

    /** Update has one component the spec does not: {@code unknownKind}, last, for update kinds it does not know. */
    private static final String UNKNOWN_KIND_OWNER = "Update";

    /** The four reply_markup alternatives share the synthetic sealed interface ReplyMarkup. */
    private static final Set<String> REPLY_MARKUP_UNION =
            Set.of("InlineKeyboardMarkup", "ReplyKeyboardMarkup", "ReplyKeyboardRemove", "ForceReply");

    private static JsonObject facts;

    @BeforeAll
    static void loadFacts() throws IOException {
        try (InputStream in = SpecCoverageTest.class.getResourceAsStream("/dev/tgdialog/telegram/botapi-spec.json")) {
            facts = JsonParser.parseString(
                            new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }

    @Test
    void facts_holdBotApi101_with180Methods_and359Types() {
        assertThat(facts.get("version").getAsString()).isEqualTo("Bot API 10.1");
        assertThat(facts.getAsJsonObject("methods").size()).isEqualTo(180);
        assertThat(facts.getAsJsonObject("types").size()).isEqualTo(359);
    }

    @Test
    void everyConcreteType_isARecord_withOneComponentPerField() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonElement> e : facts.getAsJsonObject("types").entrySet()) {
            JsonObject type = e.getValue().getAsJsonObject();
            if (NOT_GENERATED.contains(e.getKey()) || type.has("subtypes")) {
                continue;
            }
            Class<?> cls = Class.forName(TYPES + e.getKey());
            checkRecord(e.getKey(), cls, type, problems);
            for (String union : strings(type, "subtype_of")) {
                if (!Class.forName(TYPES + union).isAssignableFrom(cls)) {
                    problems.add(e.getKey() + " does not implement " + union);
                }
            }
            if (REPLY_MARKUP_UNION.contains(e.getKey())
                    && !Class.forName(TYPES + "ReplyMarkup").isAssignableFrom(cls)) {
                problems.add(e.getKey() + " does not implement ReplyMarkup");
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isEqualTo(359 - 25 - NOT_GENERATED.size());
    }

    @Test
    void everyUnion_isASealedInterface_permittingExactlyTheSpecSubtypes() throws Exception {
        int unions = 0;
        for (Map.Entry<String, JsonElement> e : facts.getAsJsonObject("types").entrySet()) {
            JsonObject type = e.getValue().getAsJsonObject();
            if (!type.has("subtypes")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (String s : strings(type, "subtypes")) {
                expected.add(TYPES + NON_OBJECT_VARIANTS.getOrDefault(s, s));
            }
            if (!NO_UNKNOWN_VARIANT.contains(e.getKey())) {
                expected.add(TYPES + e.getKey() + "Unknown");
            }
            assertSealedPermitting(Class.forName(TYPES + e.getKey()), expected);
            unions++;
        }
        assertThat(unions).isEqualTo(25);
        List<String> replyMarkup =
                new ArrayList<>(REPLY_MARKUP_UNION.stream().map(n -> TYPES + n).toList());
        replyMarkup.add(TYPES + "ReplyMarkupUnknown");
        assertSealedPermitting(Class.forName(TYPES + "ReplyMarkup"), replyMarkup);
    }

    @Test
    void everyMethod_isARecordBotMethod_withItsNameFieldsAndResultType() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : facts.getAsJsonObject("methods").entrySet()) {
            String name = e.getKey();
            JsonObject method = e.getValue().getAsJsonObject();
            Class<?> cls = Class.forName(METHODS + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            checkRecord(name, cls, method, problems);
            assertThat(BotMethod.class).isAssignableFrom(cls);

            String expectedResult = expectedResult(strings(method, "returns"));
            Type declared = Arrays.stream(cls.getGenericInterfaces())
                    .filter(t -> t instanceof ParameterizedType p && p.getRawType() == BotMethod.class)
                    .map(t -> ((ParameterizedType) t).getActualTypeArguments()[0])
                    .findFirst()
                    .orElseThrow();
            if (!declared.getTypeName().equals(expectedResult)) {
                problems.add(name + " is BotMethod<" + declared.getTypeName() + ">, expected " + expectedResult);
            }
            BotMethod<?> instance = (BotMethod<?>) newWithDefaults(cls);
            if (!instance.methodName().equals(name)) {
                problems.add(name + ".methodName() is " + instance.methodName());
            }
            if (!instance.resultType().getTypeName().equals(expectedResult)) {
                problems.add(name + ".resultType() is " + instance.resultType().getTypeName());
            }
            boolean uploads = reachesInputFile(method, new HashSet<>());
            if (instance.mayUpload() != uploads) {
                problems.add(name + ".mayUpload() is " + instance.mayUpload() + ", expected " + uploads);
            }
        }
        assertThat(problems).isEmpty();
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static void checkRecord(String owner, Class<?> cls, JsonObject def, List<String> problems) {
        if (!cls.isRecord()) {
            problems.add(owner + " is not a record");
            return;
        }
        List<JsonObject> fields = new ArrayList<>();
        if (def.has("fields")) {
            def.getAsJsonArray("fields").forEach(f -> fields.add(f.getAsJsonObject()));
        }
        RecordComponent[] components = cls.getRecordComponents();
        if (owner.equals(UNKNOWN_KIND_OWNER)) {
            RecordComponent last = components[components.length - 1];
            if (!last.getName().equals("unknownKind")
                    || last.getType() != UnknownUpdateKind.class
                    || !last.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                problems.add(owner + " does not end with @Nullable UnknownUpdateKind unknownKind");
            }
            components = Arrays.copyOf(components, components.length - 1);
        }
        if (components.length != fields.size()) {
            problems.add(owner + " has " + components.length + " components, spec has " + fields.size());
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            JsonObject field = fields.get(i);
            RecordComponent c = components[i];
            String snake = field.get("name").getAsString();
            String where = owner + "." + snake;
            if (!c.getName().equals(camel(snake))) {
                problems.add(where + " is component " + c.getName());
            }
            // @SerializedName targets fields and methods, so it lands on the record's private field (where Gson
            // reads it), not on the RecordComponent.
            SerializedName sn = field(cls, c.getName()).getAnnotation(SerializedName.class);
            String jsonName = sn == null ? c.getName() : sn.value();
            if (!jsonName.equals(snake)) {
                problems.add(where + " is written as " + jsonName);
            }
            boolean required = field.get("required").getAsBoolean();
            String expected = expectedType(owner, field);
            if (!c.getGenericType().getTypeName().equals(expected)) {
                problems.add(where + " is " + c.getGenericType().getTypeName() + ", expected " + expected);
            }
            boolean nullable = c.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (nullable == required) {
                problems.add(where + (required ? " is @Nullable but required" : " is optional but not @Nullable"));
            }
        }
    }

    /** The mapping rules of CODEGEN.md, written independently of the generator. */
    private static String expectedType(String owner, JsonObject field) {
        List<String> types = strings(field, "types");
        boolean required = field.get("required").getAsBoolean();
        String key = owner + "." + field.get("name").getAsString();
        if (ARRAY_UNIONS.containsKey(key)) {
            return ARRAY_UNIONS.get(key);
        }
        if (field.has("upload") && field.get("upload").getAsBoolean()) {
            return InputFile.class.getName(); // deliberate: an attach:// String field takes uploads
        }
        if (types.equals(List.of("Integer", "String"))) {
            return ChatId.class.getName();
        }
        if (types.equals(List.of("InputFile", "String")) || types.equals(List.of("InputFile"))) {
            return InputFile.class.getName();
        }
        if (new HashSet<>(types).equals(REPLY_MARKUP_UNION)) {
            return TYPES + "ReplyMarkup";
        }
        assertThat(types).as(key).hasSize(1);
        String t = types.get(0);
        if (t.startsWith("Array of ")) {
            return "java.util.List<" + element(t.substring("Array of ".length())) + ">";
        }
        return switch (t) {
            case "Integer" -> required ? "long" : "java.lang.Long";
            case "Float" -> required ? "double" : "java.lang.Double";
            case "Boolean" -> required ? "boolean" : "java.lang.Boolean";
            default -> element(t);
        };
    }

    private static String element(String t) {
        if (t.startsWith("Array of ")) {
            return "java.util.List<" + element(t.substring("Array of ".length())) + ">";
        }
        return switch (t) {
            case "Integer" -> "java.lang.Long";
            case "Float" -> "java.lang.Double";
            case "Boolean" -> "java.lang.Boolean";
            case "String" -> "java.lang.String";
            case "InputFile" -> InputFile.class.getName();
            default -> TYPES + t;
        };
    }

    private static String expectedResult(List<String> returns) {
        if (returns.equals(List.of("Message", "Boolean"))) {
            return MessageOrTrue.class.getName();
        }
        assertThat(returns).hasSize(1);
        return element(returns.get(0));
    }

    private boolean reachesInputFile(JsonObject def, Set<String> seen) {
        if (def.has("subtypes")) {
            for (String s : strings(def, "subtypes")) {
                if (typeReaches(s.replace("Array of ", ""), seen)) {
                    return true;
                }
            }
        }
        if (!def.has("fields")) {
            return false;
        }
        for (JsonElement fe : def.getAsJsonArray("fields")) {
            JsonObject f = fe.getAsJsonObject();
            if (f.has("upload")) {
                return true;
            }
            for (String t : strings(f, "types")) {
                String base = t.replace("Array of ", "");
                if (base.equals("InputFile") || typeReaches(base, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean typeReaches(String type, Set<String> seen) {
        JsonObject def = facts.getAsJsonObject("types").getAsJsonObject(type);
        return def != null && seen.add(type) && reachesInputFile(def, seen);
    }

    private static void assertSealedPermitting(Class<?> union, List<String> expected) {
        assertThat(union.isInterface()).as(union + " is an interface").isTrue();
        assertThat(union.isSealed()).as(union + " is sealed").isTrue();
        assertThat(Arrays.stream(union.getPermittedSubclasses()).map(Class::getName))
                .as(union.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static java.lang.reflect.Field field(Class<?> cls, String name) {
        try {
            return cls.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(cls + " has no field " + name, e);
        }
    }

    private static Object newWithDefaults(Class<?> record) throws Exception {
        RecordComponent[] cs = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            args[i] = types[i] == long.class
                    ? 0L
                    : types[i] == double.class ? 0.0 : types[i] == boolean.class ? Boolean.FALSE : null;
        }
        return record.getDeclaredConstructor(types).newInstance(args);
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        String[] parts = snake.split("_");
        b.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key)) {
            o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }
}
