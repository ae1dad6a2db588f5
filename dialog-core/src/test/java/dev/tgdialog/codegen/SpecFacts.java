package dev.tgdialog.codegen;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The facts of the Bot API spec the generator works from: names, doc anchors, field types and required flags,
 * return types, union membership and discriminators. Also the importer that distils them from the upstream
 * {@code api.json} (PaulSonOfLars/telegram-bot-api-spec), dropping all description prose.
 */
final class SpecFacts {

    /** Upstream repository and commit of the imported {@code api.json}; update together with the spec. */
    static final String SOURCE = "https://github.com/PaulSonOfLars/telegram-bot-api-spec api.json at commit"
            + " 160fd99507e1c7c77e92dc90f5993d724735b51c (MIT, see botapi-spec.LICENSE.txt)";

    /**
     * Finds a union variant's discriminator value in its type/status/source field description. The README's
     * pattern stops at digits ({@code [a-z_]+}), which would turn {@code mpeg4_gif} into {@code mpeg}, so digits
     * are allowed after the first letter.
     */
    static final Pattern DISCRIMINATOR = Pattern.compile("(?:must be|always)\\s+[\"“]?([a-z][a-z0-9_]*)");

    static final List<String> DISCRIMINATOR_FIELDS = List.of("type", "status", "source");

    record Field(String name, List<String> types, boolean required, boolean upload) {}

    record Discriminator(String field, String value) {}

    record TypeDef(
            String name,
            String href,
            @Nullable List<Field> fields,
            List<String> subtypes,
            List<String> subtypeOf,
            @Nullable Discriminator discriminator) {

        boolean isUnion() {
            return !subtypes.isEmpty();
        }
    }

    record MethodDef(String name, String href, List<Field> fields, List<String> returns) {}

    record Spec(String version, String releaseDate, Map<String, TypeDef> types, Map<String, MethodDef> methods) {}

    private SpecFacts() {}

    // ---------------------------------------------------------------------------------------------- importing

    /** Distils {@code api.json} into the facts document (a deterministic, pretty-printed JSON string). */
    static String importApiJson(Path apiJson) throws IOException {
        JsonObject api = JsonParser.parseString(Files.readString(apiJson, StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject out = new JsonObject();
        out.addProperty("version", api.get("version").getAsString());
        out.addProperty("release_date", api.get("release_date").getAsString());
        out.addProperty("source", SOURCE);
        JsonObject apiTypes = api.getAsJsonObject("types");

        JsonObject methods = new JsonObject();
        for (Map.Entry<String, JsonElement> e : api.getAsJsonObject("methods").entrySet()) {
            JsonObject m = e.getValue().getAsJsonObject();
            JsonObject f = new JsonObject();
            f.addProperty("name", m.get("name").getAsString());
            f.addProperty("href", m.get("href").getAsString());
            f.add("returns", m.get("returns").deepCopy());
            f.add("fields", importFields(m));
            methods.add(e.getKey(), f);
        }
        JsonObject types = new JsonObject();
        for (Map.Entry<String, JsonElement> e : apiTypes.entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            JsonObject f = new JsonObject();
            f.addProperty("name", t.get("name").getAsString());
            f.addProperty("href", t.get("href").getAsString());
            if (t.has("fields")) {
                f.add("fields", importFields(t));
            }
            if (t.has("subtypes")) {
                f.add("subtypes", t.get("subtypes").deepCopy());
            }
            if (t.has("subtype_of")) {
                f.add("subtype_of", t.get("subtype_of").deepCopy());
                JsonObject d = discriminatorOf(t);
                if (d != null) {
                    f.add("discriminator", d);
                }
            }
            types.add(e.getKey(), f);
        }
        out.add("methods", methods);
        out.add("types", types);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        return gson.toJson(out) + "\n";
    }

    private static JsonArray importFields(JsonObject owner) {
        JsonArray fields = new JsonArray();
        if (!owner.has("fields")) {
            return fields;
        }
        for (JsonElement fe : owner.getAsJsonArray("fields")) {
            JsonObject field = fe.getAsJsonObject();
            JsonObject f = new JsonObject();
            f.addProperty("name", field.get("name").getAsString());
            JsonArray types = field.getAsJsonArray("types");
            f.add("types", types.deepCopy());
            f.addProperty("required", field.get("required").getAsBoolean());
            // A plain String field documented with "attach://<name>" also takes a multipart upload.
            if (types.size() == 1
                    && types.get(0).getAsString().equals("String")
                    && field.get("description").getAsString().contains("attach://")) {
                f.addProperty("upload", true);
            }
            fields.add(f);
        }
        return fields;
    }

    private static @Nullable JsonObject discriminatorOf(JsonObject variant) {
        if (!variant.has("fields")) {
            return null;
        }
        for (JsonElement fe : variant.getAsJsonArray("fields")) {
            JsonObject field = fe.getAsJsonObject();
            String name = field.get("name").getAsString();
            if (!DISCRIMINATOR_FIELDS.contains(name)) {
                continue;
            }
            Matcher m = DISCRIMINATOR.matcher(field.get("description").getAsString());
            if (m.find()) {
                JsonObject d = new JsonObject();
                d.addProperty("field", name);
                d.addProperty("value", m.group(1));
                return d;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- reading

    static Spec parse(String factsJson) {
        JsonObject root = JsonParser.parseString(factsJson).getAsJsonObject();
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("types").entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            Discriminator d = null;
            if (t.has("discriminator")) {
                JsonObject dj = t.getAsJsonObject("discriminator");
                d = new Discriminator(
                        dj.get("field").getAsString(), dj.get("value").getAsString());
            }
            types.put(
                    e.getKey(),
                    new TypeDef(
                            t.get("name").getAsString(),
                            t.get("href").getAsString(),
                            t.has("fields") ? fields(t.getAsJsonArray("fields")) : null,
                            strings(t.getAsJsonArray("subtypes")),
                            strings(t.getAsJsonArray("subtype_of")),
                            d));
        }
        Map<String, MethodDef> methods = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("methods").entrySet()) {
            JsonObject m = e.getValue().getAsJsonObject();
            methods.put(
                    e.getKey(),
                    new MethodDef(
                            m.get("name").getAsString(),
                            m.get("href").getAsString(),
                            fields(m.getAsJsonArray("fields")),
                            strings(m.getAsJsonArray("returns"))));
        }
        return new Spec(
                root.get("version").getAsString(), root.get("release_date").getAsString(), types, methods);
    }

    private static List<Field> fields(@Nullable JsonArray array) {
        List<Field> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (JsonElement fe : array) {
            JsonObject f = fe.getAsJsonObject();
            out.add(new Field(
                    f.get("name").getAsString(),
                    strings(f.getAsJsonArray("types")),
                    f.get("required").getAsBoolean(),
                    f.has("upload") && f.get("upload").getAsBoolean()));
        }
        return List.copyOf(out);
    }

    private static List<String> strings(@Nullable JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> out.add(e.getAsString()));
        }
        return List.copyOf(out);
    }
}
