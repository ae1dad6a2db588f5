package dev.tgdialog.internal.json;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one union of the Bot API model (a sealed interface). Writing delegates to the variant's own
 * adapter. Reading picks the variant by the discriminator field's value, by {@code date == 0}, or by which required
 * fields are present. A value it cannot place (a variant from a newer Bot API version) reads as the union's unknown
 * variant ({@code ReactionTypeUnknown}, ...), which carries the value's JSON in compact form (see
 * {@link RecordFields#readJson}) and is written back as that JSON unchanged; it is logged at DEBUG, never thrown, and
 * never read as {@code null}. Thread-safe once built.
 *
 * @param <U> the union's interface
 */
public final class UnionTypeAdapter<U> extends TypeAdapter<U> {

    private static final Logger log = LoggerFactory.getLogger(UnionTypeAdapter.class);

    /** One variant: its class, its discriminator value (null for untagged unions) and its required fields. */
    private record Variant(Class<?> type, @Nullable String tag, List<String> required) {

        boolean hasAllRequired(JsonObject object) {
            for (String field : required) {
                if (!object.has(field)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Gson gson;
    private final Class<U> union;
    private final @Nullable String tagField;
    private final @Nullable Class<?> dateZero;
    private final List<Variant> variants;
    private final @Nullable Class<?> stringType;
    private final @Nullable Function<String, ? extends U> fromString;
    private final @Nullable Function<Object, String> toStringForm;
    private final @Nullable Class<?> arrayType;
    private final @Nullable Function<List<U>, ? extends U> fromArray;
    private final @Nullable Function<Object, List<U>> toArrayForm;
    private final @Nullable Class<? extends U> unknownType;
    private final @Nullable BiFunction<Fields, String, ? extends U> unknown;
    private final @Nullable Function<Object, String> unknownJson;
    private volatile @Nullable Delegate last;

    private UnionTypeAdapter(Builder<U> b) {
        this.gson = b.gson;
        this.union = b.union;
        this.tagField = b.tagField;
        this.dateZero = b.dateZero;
        this.variants = List.copyOf(b.variants);
        this.stringType = b.stringType;
        this.fromString = b.fromString;
        this.toStringForm = b.toStringForm;
        this.arrayType = b.arrayType;
        this.fromArray = b.fromArray;
        this.toArrayForm = b.toArrayForm;
        this.unknownType = b.unknownType;
        this.unknown = b.unknown;
        this.unknownJson = b.unknownJson;
    }

    /** Starts describing the union {@code union}. */
    public static <U> Builder<U> builder(Gson gson, Class<U> union) {
        return new Builder<>(gson, union);
    }

    @Override
    public void write(JsonWriter out, @Nullable U value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (stringType != null && stringType.isInstance(value)) {
            out.value(Objects.requireNonNull(toStringForm).apply(value));
        } else if (unknownType != null && unknownType.isInstance(value)) {
            RecordFields.writeJson(out, Objects.requireNonNull(unknownJson).apply(value));
        } else if (arrayType != null && arrayType.isInstance(value)) {
            out.beginArray();
            for (U item : Objects.requireNonNull(toArrayForm).apply(value)) {
                write(out, item);
            }
            out.endArray();
        } else {
            delegate(value.getClass()).write(out, value);
        }
    }

    @Override
    public @Nullable U read(JsonReader in) throws IOException {
        if (dateZero == dev.tgdialog.telegram.types.InaccessibleMessage.class
                && in.peek() == com.google.gson.stream.JsonToken.BEGIN_OBJECT) {
            // A callback's message is read in one pass as a Message (whose fields include all of
            // InaccessibleMessage's), instead of through a JSON tree: it is on every click's path.
            var message = (dev.tgdialog.telegram.types.Message)
                    delegate(dev.tgdialog.telegram.types.Message.class).read(in);
            return union.cast(
                    message.date() == 0
                            ? new dev.tgdialog.telegram.types.InaccessibleMessage(
                                    message.chat(), message.messageId(), 0)
                            : message);
        }
        return readTree(in);
    }

    /** Reads the value as a tree and places it; an unknown value keeps the tree's compact form. */
    private @Nullable U readTree(JsonReader in) throws IOException {
        return fromTree(gson.getAdapter(JsonElement.class).read(in));
    }

    /**
     * The variant's adapter. The last one is kept: a union is written or read as the same variant again and again
     * (every keyboard is an InlineKeyboardMarkup), and Gson's own lookup is a map probe per value.
     */
    private TypeAdapter<Object> delegate(Class<?> variant) {
        Delegate last = this.last;
        if (last != null && last.variant() == variant) {
            return last.adapter();
        }
        @SuppressWarnings("unchecked")
        TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(variant);
        this.last = new Delegate(variant, adapter);
        return adapter;
    }

    /** A variant and its adapter, swapped as one reference so readers on other threads never see a mixed pair. */
    private record Delegate(Class<?> variant, TypeAdapter<Object> adapter) {}

    /** The value of {@code element}. */
    private @Nullable U fromTree(@Nullable JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (fromString != null
                && element.isJsonPrimitive()
                && element.getAsJsonPrimitive().isString()) {
            return fromString.apply(element.getAsString());
        }
        if (fromArray != null && element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            List<U> items = new ArrayList<>(array.size());
            for (JsonElement e : array) {
                U item = fromTree(e);
                if (item != null) {
                    items.add(item);
                }
            }
            return fromArray.apply(Collections.unmodifiableList(items));
        }
        if (!element.isJsonObject()) {
            log.debug("{}: expected an object, got {}; read as unknown", union.getSimpleName(), element);
            return unknown(new JsonObject(), element);
        }
        JsonObject object = element.getAsJsonObject();
        Class<?> chosen = choose(object);
        if (chosen == null) {
            return unknown(object, object);
        }
        return union.cast(gson.getAdapter(chosen).fromJsonTree(object));
    }

    /** The unknown variant for {@code element}, its shared fields read from {@code object}; null only without one. */
    private @Nullable U unknown(JsonObject object, JsonElement element) {
        if (unknown == null) {
            return null;
        }
        return unknown.apply(new Fields(gson, object, tagField), element.toString());
    }

    /**
     * The adapter of the union's unknown variant on its own (what Gson uses for {@code ReactionTypeUnknown.class}):
     * reads any JSON value as the unknown variant, writes its JSON unchanged.
     */
    public TypeAdapter<U> unknownAdapter() {
        if (unknown == null) {
            throw new IllegalStateException(union.getSimpleName() + " has no unknown variant");
        }
        return new TypeAdapter<U>() {
            @Override
            public void write(JsonWriter out, @Nullable U value) throws IOException {
                UnionTypeAdapter.this.write(out, value);
            }

            @Override
            public @Nullable U read(JsonReader in) throws IOException {
                JsonElement element = gson.getAdapter(JsonElement.class).read(in);
                if (element == null || element.isJsonNull()) {
                    return null;
                }
                JsonObject object = element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
                return unknown(object, element);
            }
        };
    }

    private @Nullable Class<?> choose(JsonObject object) {
        if (dateZero != null) {
            JsonElement date = object.get("date");
            boolean zero = date != null
                    && date.isJsonPrimitive()
                    && date.getAsJsonPrimitive().isNumber()
                    && date.getAsLong() == 0;
            return zero ? dateZero : variants.get(0).type();
        }
        List<Variant> candidates = variants;
        if (tagField != null) {
            JsonElement tag = object.get(tagField);
            String value = tag instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
            candidates = variants.stream()
                    .filter(v -> Objects.equals(v.tag(), value))
                    .toList();
            if (candidates.isEmpty()) {
                log.debug("{}: unknown {} {}; read as unknown", union.getSimpleName(), tagField, value);
                return null;
            }
            if (candidates.size() == 1) {
                return candidates.get(0).type();
            }
        }
        // Several variants share the tag (InlineQueryResult's cached forms) or there is no tag at all:
        // take the variant whose required fields are all present, preferring the one that requires the most.
        Variant best = null;
        for (Variant v : candidates) {
            if (v.hasAllRequired(object)
                    && (best == null || v.required().size() > best.required().size())) {
                best = v;
            }
        }
        if (best != null) {
            return best.type();
        }
        if (tagField != null) {
            return candidates.get(0).type();
        }
        log.debug("{}: no variant matches the fields {}; read as unknown", union.getSimpleName(), object.keySet());
        return null;
    }

    /**
     * Describes a union: its discriminator, its variants, and special forms.
     *
     * @param <U> the union's interface
     */
    public static final class Builder<U> {
        private final Gson gson;
        private final Class<U> union;
        private @Nullable String tagField;
        private @Nullable Class<?> dateZero;
        private final List<Variant> variants = new ArrayList<>();
        private @Nullable Class<?> stringType;
        private @Nullable Function<String, ? extends U> fromString;
        private @Nullable Function<Object, String> toStringForm;
        private @Nullable Class<?> arrayType;
        private @Nullable Function<List<U>, ? extends U> fromArray;
        private @Nullable Function<Object, List<U>> toArrayForm;
        private @Nullable Class<? extends U> unknownType;
        private @Nullable BiFunction<Fields, String, ? extends U> unknown;
        private @Nullable Function<Object, String> unknownJson;

        private Builder(Gson gson, Class<U> union) {
            this.gson = gson;
            this.union = union;
        }

        /** The field whose string value names the variant. */
        public Builder<U> tagField(String field) {
            this.tagField = field;
            return this;
        }

        /** An object whose {@code date} is 0 is this variant; any other object is the first plain variant. */
        public Builder<U> dateZero(Class<? extends U> type) {
            this.dateZero = type;
            return this;
        }

        /** A variant, with its discriminator value (or null) and the names of its required JSON fields. */
        public Builder<U> variant(Class<? extends U> type, @Nullable String tag, String... requiredFields) {
            variants.add(new Variant(type, tag, List.of(requiredFields)));
            return this;
        }

        /** The variant written as a bare JSON string. */
        public <P extends U> Builder<U> stringForm(
                Class<P> type, Function<String, P> create, Function<P, String> text) {
            this.stringType = type;
            this.fromString = create;
            this.toStringForm = o -> text.apply(type.cast(o));
            return this;
        }

        /** The variant written as a bare JSON array of the union. */
        public <P extends U> Builder<U> arrayForm(
                Class<P> type, Function<List<U>, P> create, Function<P, List<U>> items) {
            this.arrayType = type;
            this.fromArray = create;
            this.toArrayForm = o -> items.apply(type.cast(o));
            return this;
        }

        /**
         * The variant for a value no other variant matches: {@code create} makes it from the value's shared fields
         * and its JSON in compact form; {@code json} gives that JSON back for writing.
         */
        public <K extends U> Builder<U> unknown(
                Class<K> type, BiFunction<Fields, String, K> create, Function<K, String> json) {
            this.unknownType = type;
            this.unknown = create;
            this.unknownJson = o -> json.apply(type.cast(o));
            return this;
        }

        /** The adapter, null-safe. */
        public UnionTypeAdapter<U> build() {
            return new UnionTypeAdapter<>(this);
        }
    }

    /**
     * The fields an unknown variant shares with every known one (a {@code MessageOrigin}'s {@code date}), read from
     * its JSON object with the model's own adapters; absent fields read as null, 0 or false, as in every record.
     */
    public static final class Fields {
        private final Gson gson;
        private final JsonObject object;
        private final @Nullable String tagField;

        private Fields(Gson gson, JsonObject object, @Nullable String tagField) {
            this.gson = gson;
            this.object = object;
            this.tagField = tagField;
        }

        /** The discriminator's value; empty when the value has none (absent or not a string). */
        public String tag() {
            JsonElement tag = tagField == null ? null : object.get(tagField);
            return tag instanceof JsonPrimitive p && p.isString() ? p.getAsString() : "";
        }

        /** The field {@code name} as {@code type}, or null when absent. */
        public <T> @Nullable T get(String name, Class<T> type) {
            return gson.getAdapter(type).fromJsonTree(field(name));
        }

        /** The field {@code name} as the parameterised {@code type} (a {@code List<X>}), or null when absent. */
        public <T> @Nullable T get(String name, TypeToken<?> type) {
            TypeAdapter<T> adapter = RecordFields.adapter(gson, type);
            return adapter.fromJsonTree(field(name));
        }

        /** The number {@code name}, 0 when absent. */
        public long longValue(String name) {
            Long value = get(name, Long.class);
            return value == null ? 0L : value;
        }

        /** The boolean {@code name}, false when absent. */
        public boolean booleanValue(String name) {
            Boolean value = get(name, Boolean.class);
            return value != null && value;
        }

        /** The number {@code name}, 0 when absent. */
        public double doubleValue(String name) {
            Double value = get(name, Double.class);
            return value == null ? 0.0 : value;
        }

        private JsonElement field(String name) {
            JsonElement value = object.get(name);
            return value == null ? JsonNull.INSTANCE : value;
        }
    }
}
