package dev.tgdialog.codegen;

import dev.tgdialog.codegen.SpecFacts.Discriminator;
import dev.tgdialog.codegen.SpecFacts.Field;
import dev.tgdialog.codegen.SpecFacts.MethodDef;
import dev.tgdialog.codegen.SpecFacts.Spec;
import dev.tgdialog.codegen.SpecFacts.TypeDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the Bot API model (records for types and methods, sealed interfaces for unions, the Gson adapter
 * table) from the spec facts resource. Output is deterministic: spec order inside files, sorted imports, {@code \n}
 * line ends, four-space indent. See {@code dialog-core/CODEGEN.md}; run by dialog-core's {@code regenerate} profile.
 */
public final class BotApiGenerator {

    static final String TYPES_PKG = "dev.tgdialog.telegram.types";
    static final String METHODS_PKG = "dev.tgdialog.telegram.methods";
    static final String ADAPTERS_PKG = "dev.tgdialog.internal.json.generated";
    static final String TELEGRAM_PKG = "dev.tgdialog.telegram";

    /** Packages that hold only generated files; stale files there are deleted on regeneration. */
    static final List<String> GENERATED_PACKAGES = List.of(TYPES_PKG, METHODS_PKG, ADAPTERS_PKG);

    /** Where the facts live, relative to a module's {@code src/main/resources}. */
    static final String FACTS_RESOURCE = "dev/tgdialog/telegram/botapi-spec.json";

    /** The synthetic union of the four {@code reply_markup} alternatives. */
    static final String REPLY_MARKUP = "ReplyMarkup";

    static final List<String> REPLY_MARKUP_VARIANTS =
            List.of("InlineKeyboardMarkup", "ReplyKeyboardMarkup", "ReplyKeyboardRemove", "ForceReply");

    static final String RICH_TEXT = "RichText";
    static final String RICH_TEXT_PLAIN = "RichTextPlain";
    static final String RICH_TEXT_LIST = "RichTextList";
    static final String MAYBE_INACCESSIBLE = "MaybeInaccessibleMessage";
    static final String INPUT_MESSAGE_CONTENT = "InputMessageContent";

    static final int BUILDER_THRESHOLD = 4;

    /** The suffix of each union's generated variant for values of a kind the model does not know. */
    static final String UNKNOWN = "Unknown";

    /** The record holding an update of a kind the model does not know, and {@code Update}'s component for it. */
    static final String UNKNOWN_UPDATE_KIND = "UnknownUpdateKind";

    static final String UNKNOWN_KIND_COMPONENT = "unknownKind";

    /** The name of the raw-JSON component of unknown variants and of {@link #UNKNOWN_UPDATE_KIND}. */
    static final String RAW_JSON = "json";

    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "yield",
            "record",
            "sealed",
            "permits");

    private final Spec spec;
    private final String header;
    /** Union name → its variants (spec names; RichText's String/Array forms as RichTextPlain/RichTextList). */
    private final Map<String, List<String>> unions = new LinkedHashMap<>();
    /** Concrete type name → the unions it implements, in order. */
    private final Map<String, List<String>> implemented = new HashMap<>();
    /**
     * Union name → its generated unknown variant. Every union has one but {@code MaybeInaccessibleMessage}, whose
     * rule ({@code date == 0} or not) places every object.
     */
    private final Map<String, String> unknowns = new LinkedHashMap<>();

    BotApiGenerator(Spec spec) {
        this.spec = spec;
        this.header = "// Generated by dev.tgdialog.codegen.BotApiGenerator from the " + spec.version()
                + " spec. Do not edit.\n";
        for (TypeDef t : spec.types().values()) {
            if (t.isUnion()) {
                List<String> variants = new ArrayList<>();
                for (String s : t.subtypes()) {
                    variants.add(
                            switch (s) {
                                case "String" -> RICH_TEXT_PLAIN;
                                case "Array of RichText" -> RICH_TEXT_LIST;
                                default -> s;
                            });
                }
                unions.put(t.name(), variants);
            }
        }
        unions.put(REPLY_MARKUP, REPLY_MARKUP_VARIANTS);
        for (String union : unions.keySet()) {
            if (!union.equals(MAYBE_INACCESSIBLE)) {
                String unknown = union + UNKNOWN;
                if (spec.types().containsKey(unknown)) {
                    throw new IllegalStateException("the spec has a type named like a generated one: " + unknown);
                }
                unknowns.put(union, unknown);
            }
        }
        if (spec.types().containsKey(UNKNOWN_UPDATE_KIND)) {
            throw new IllegalStateException("the spec has a type named like a generated one: " + UNKNOWN_UPDATE_KIND);
        }
        for (Map.Entry<String, List<String>> u : unions.entrySet()) {
            for (String v : u.getValue()) {
                implemented.computeIfAbsent(v, k -> new ArrayList<>()).add(u.getKey());
            }
        }
        for (Map.Entry<String, List<String>> e : implemented.entrySet()) {
            // Keep the spec's subtype_of order where there is one; ReplyMarkup (synthetic) comes last.
            TypeDef t = spec.types().get(e.getKey());
            if (t != null && !t.subtypeOf().isEmpty()) {
                List<String> ordered = new ArrayList<>(t.subtypeOf());
                e.getValue().stream().filter(u -> !ordered.contains(u)).forEach(ordered::add);
                if (!new HashSet<>(ordered).equals(new HashSet<>(e.getValue()))) {
                    throw new IllegalStateException("subtype_of and subtypes disagree for " + e.getKey());
                }
                e.setValue(ordered);
            }
        }
    }

    // ================================================================================================ entry points

    /**
     * Regenerates the model: {@code BotApiGenerator <module dir> [<api.json to import>]}. The Maven profile
     * {@code regenerate} of dialog-core runs it (see CODEGEN.md); plain {@code java} runs it to bootstrap. A missing
     * or blank second argument (the profile's default) imports nothing; a relative one is tried as given, then from the
     * module's parent (the project root).
     */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args[0]);
        Path facts = module.resolve("src/main/resources").resolve(FACTS_RESOURCE);
        if (args.length > 1 && args[1] != null && !args[1].isBlank()) {
            Path api = Path.of(args[1]);
            if (!api.isAbsolute() && !Files.exists(api)) {
                api = module.toAbsolutePath().getParent().resolve(args[1]);
            }
            Files.createDirectories(facts.getParent());
            Files.writeString(facts, importSpec(api), StandardCharsets.UTF_8);
        }
        write(generate(Files.readString(facts, StandardCharsets.UTF_8)), module.resolve("src/main/java"));
    }

    /** Reads the facts and generates every file: relative path (under src/main/java) → content. */
    public static Map<String, String> generate(String factsJson) {
        return new BotApiGenerator(SpecFacts.parse(factsJson)).generateAll();
    }

    /** Distils an upstream {@code api.json} into the facts document. */
    public static String importSpec(Path apiJson) throws IOException {
        return SpecFacts.importApiJson(apiJson);
    }

    /** Writes the files under {@code srcMainJava} and deletes files in the generated packages that are not in it. */
    public static void write(Map<String, String> files, Path srcMainJava) throws IOException {
        for (String pkg : GENERATED_PACKAGES) {
            Path dir = srcMainJava.resolve(pkg.replace('.', '/'));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    for (Path p : list.collect(Collectors.toList())) {
                        String rel = srcMainJava.relativize(p).toString().replace('\\', '/');
                        if (Files.isRegularFile(p) && !files.containsKey(rel)) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = srcMainJava.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Differences between the generated files and what is under {@code srcMainJava}; empty when current. */
    public static List<String> compare(Map<String, String> files, Path srcMainJava) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> onDisk = new TreeSet<>();
        for (String pkg : GENERATED_PACKAGES) {
            Path dir = srcMainJava.resolve(pkg.replace('.', '/'));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(Files::isRegularFile)
                            .forEach(p -> onDisk.add(
                                    srcMainJava.relativize(p).toString().replace('\\', '/')));
                }
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
            Path p = srcMainJava.resolve(e.getKey());
            if (!Files.exists(p)) {
                problems.add("missing: " + e.getKey());
            } else if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("differs: " + e.getKey());
            }
        }
        for (String rel : onDisk) {
            if (!files.containsKey(rel)) {
                problems.add("extra: " + rel);
            }
        }
        return problems;
    }

    // ================================================================================================ generation

    Map<String, String> generateAll() {
        Map<String, String> out = new TreeMap<>();
        List<String> records = new ArrayList<>();
        Set<String> methodRecords = new HashSet<>();
        for (MethodDef m : spec.methods().values()) {
            methodRecords.add(pascal(m.name()));
        }
        for (TypeDef t : spec.types().values()) {
            if (t.name().equals("InputFile")) {
                continue; // the hand-written dev.tgdialog.telegram.InputFile
            }
            if (methodRecords.contains(t.name()) || unknowns.containsValue(t.name())) {
                throw new IllegalStateException("type and method record names clash: " + t.name());
            }
            String code = t.isUnion() ? unionInterface(t.name(), t.href()) : typeRecord(t);
            out.put(path(TYPES_PKG, t.name()), code);
            if (!t.isUnion()) {
                out.put(path(ADAPTERS_PKG, t.name() + "Adapter"), recordAdapter(TYPES_PKG, t.name(), components(t)));
                records.add(TYPES_PKG + "." + t.name());
            }
        }
        out.put(path(TYPES_PKG, REPLY_MARKUP), unionInterface(REPLY_MARKUP, null));
        for (Map.Entry<String, String> u : unknowns.entrySet()) {
            out.put(path(TYPES_PKG, u.getValue()), unknownRecord(u.getKey(), u.getValue()));
        }
        out.put(path(TYPES_PKG, UNKNOWN_UPDATE_KIND), unknownUpdateKind());
        String richTextHref = spec.types().get(RICH_TEXT).href();
        out.put(path(TYPES_PKG, RICH_TEXT_PLAIN), richTextPlain(richTextHref));
        out.put(path(TYPES_PKG, RICH_TEXT_LIST), richTextList(richTextHref));
        out.put(
                path(TYPES_PKG, "package-info"),
                packageInfo(
                        TYPES_PKG,
                        "The Bot API's types, generated from the spec: one record per object, one sealed interface per union"
                                + " (with a record for variants newer than the spec).\n * Each links to its section of the"
                                + " official reference. Optional fields are {@code null}; {@code of(...)} takes the"
                                + " required ones,\n * {@code builder(...)} is there for types with many optional ones."
                                + " A bot receives {@link Update}s, most\n * carrying a {@link Message} or a"
                                + " {@link CallbackQuery}."));
        for (MethodDef m : spec.methods().values()) {
            out.put(path(METHODS_PKG, pascal(m.name())), methodRecord(m));
            String name = pascal(m.name());
            out.put(path(ADAPTERS_PKG, name + "Adapter"), recordAdapter(METHODS_PKG, name, components(m)));
            records.add(METHODS_PKG + "." + name);
        }
        out.put(
                path(METHODS_PKG, "package-info"),
                packageInfo(
                        METHODS_PKG,
                        "The Bot API's methods, generated from the spec: one record per method, each a {@link"
                                + " dev.tgdialog.telegram.BotMethod} with its result type.\n * Each links to its section"
                                + " of the official reference; {@code of(...)} takes the required parameters,"
                                + " {@code builder(...)}\n * is there for methods with many optional ones. Sent with"
                                + " {@link dev.tgdialog.telegram.TelegramClient#execute(dev.tgdialog.telegram.BotMethod)},"
                                + "\n * as in {@code telegram.execute(SendMessage.of(chatId, \"Hello\"))}."));
        out.put(path(ADAPTERS_PKG, "GeneratedAdapters"), adapters(records));
        out.put(
                path(ADAPTERS_PKG, "package-info"),
                packageInfo(
                        ADAPTERS_PKG, "Generated Gson adapters for the Bot API model's records and unions. Not API."));
        return out;
    }

    private static String path(String pkg, String simpleName) {
        return pkg.replace('.', '/') + "/" + simpleName + ".java";
    }

    private String packageInfo(String pkg, String doc) {
        return header + "/**\n * " + doc + "\n */\n@NullMarked\npackage " + pkg
                + ";\n\nimport org.jspecify.annotations.NullMarked;\n";
    }

    // ------------------------------------------------------------------------------------------------ unions

    private String unionInterface(String name, String href) {
        List<String> variants = unions.get(name);
        Imports imports = new Imports(TYPES_PKG);
        StringBuilder b = new StringBuilder();
        b.append("/**\n");
        if (href == null) {
            b.append(" * The choice of reply markup the Bot API accepts in {@code reply_markup}: one of ")
                    .append(variants.stream().map(v -> "{@link " + v + "}").collect(Collectors.joining(", ")))
                    .append(".\n");
        } else {
            b.append(" * The Bot API union type <a href=\"")
                    .append(href)
                    .append("\">")
                    .append(name)
                    .append("</a>, one of the records it permits.\n");
        }
        String unknown = unknowns.get(name);
        if (unknown != null) {
            b.append(" *\n * <p>A value of a kind this model does not know (added to the Bot API after the ")
                    .append(spec.version())
                    .append(" spec) reads as\n * {@link ")
                    .append(unknown)
                    .append("}, never as null.\n");
        }
        b.append(" */\n");
        List<String> supers = implemented.getOrDefault(name, List.of());
        b.append("public sealed interface ").append(name);
        if (!supers.isEmpty()) {
            b.append(" extends ").append(String.join(", ", supers));
        }
        List<String> permitted = new ArrayList<>(variants);
        if (unknown != null) {
            permitted.add(unknown);
        }
        b.append("\n        permits ")
                .append(String.join(",\n                ", permitted))
                .append(" {\n");
        // Accessors every variant shares with the same Java type become interface methods.
        List<Component> common = commonComponents(variants);
        for (Component c : common) {
            b.append("\n    /** The {@code ").append(c.field.name()).append("} field, present in every variant. */\n");
            b.append("    ")
                    .append(c.type(imports))
                    .append(' ')
                    .append(c.javaName)
                    .append("();\n");
        }
        b.append("}\n");
        return header + "package " + TYPES_PKG + ";\n\n" + imports.render() + b;
    }

    private List<Component> commonComponents(List<String> variants) {
        List<Component> result = new ArrayList<>();
        TypeDef first = spec.types().get(variants.get(0));
        if (first == null || first.fields() == null) {
            return result;
        }
        for (Field f : first.fields()) {
            Component c = new Component(f, variants.get(0));
            boolean everywhere = variants.stream().allMatch(v -> {
                TypeDef t = spec.types().get(v);
                if (t == null || t.fields() == null) {
                    return false;
                }
                return t.fields().stream()
                        .anyMatch(o -> o.name().equals(f.name())
                                && new Component(o, v).typeKey().equals(c.typeKey()));
            });
            if (everywhere) {
                result.add(c);
            }
        }
        return result;
    }

    /** The discriminator field of a union's variants, or null for an untagged union. */
    private String tagField(String union) {
        String tagField = null;
        for (String v : unions.get(union)) {
            TypeDef vt = spec.types().get(v);
            if (vt != null && vt.discriminator() != null) {
                if (tagField != null && !tagField.equals(vt.discriminator().field())) {
                    throw new IllegalStateException("mixed discriminator fields in " + union);
                }
                tagField = vt.discriminator().field();
            }
        }
        return tagField;
    }

    /**
     * The components of a union's unknown variant, without the raw JSON: the discriminator (first, when the union
     * has one and it is not shared as a field) and the fields every variant shares, so the union's accessors work.
     */
    private List<Component> unknownComponents(String union) {
        List<Component> comps = new ArrayList<>(commonComponents(unions.get(union)));
        String tagField = tagField(union);
        if (tagField != null && comps.stream().noneMatch(c -> c.field.name().equals(tagField))) {
            comps.add(0, new Component(new Field(tagField, List.of("String"), true, false), union));
        }
        for (Component c : comps) {
            if (c.javaName.equals(RAW_JSON)) {
                throw new IllegalStateException(union + "." + RAW_JSON + " clashes with the unknown variant's JSON");
            }
        }
        return comps;
    }

    private String unknownRecord(String union, String name) {
        Imports imports = new Imports(TYPES_PKG);
        List<Component> comps = unknownComponents(union);
        String tagField = tagField(union);
        StringBuilder b = new StringBuilder();
        b.append("/**\n * ")
                .append(article(union))
                .append(" {@link ")
                .append(union)
                .append("} of a kind this model does not know, such as one added to the Bot API after the\n * ")
                .append(spec.version())
                .append(" spec it was generated from: read instead of null, and written back as"
                        + " its {@code json}\n * unchanged")
                .append(comps.isEmpty() ? "" : " (the other components are read from it and not written)")
                .append(".\n *\n");
        for (Component c : comps) {
            b.append(" * @param ")
                    .append(c.javaName)
                    .append(" the {@code ")
                    .append(c.field.name())
                    .append("} field")
                    .append(c.field.name().equals(tagField) ? " (empty when the value has none)" : "")
                    .append("\n");
        }
        b.append(" * @param ")
                .append(RAW_JSON)
                .append(" the value's JSON in compact form (the same value, its members in"
                        + " order and its numbers as sent, without whitespace)\n */\n");
        b.append("public record ").append(name).append('(');
        for (Component c : comps) {
            b.append("\n        ")
                    .append(c.type(imports))
                    .append(' ')
                    .append(c.javaName)
                    .append(',');
        }
        b.append("\n        String ")
                .append(RAW_JSON)
                .append(")\n        implements ")
                .append(union)
                .append(" {}\n");
        return header + "package " + TYPES_PKG + ";\n\n" + imports.render() + b;
    }

    private String unknownUpdateKind() {
        return header + "package " + TYPES_PKG + ";\n\n"
                + "/**\n * An update of a kind this model does not know, such as one added to the Bot API after the "
                + spec.version() + "\n * spec it was generated from: tgdialog's own, held by {@link Update#"
                + UNKNOWN_KIND_COMPONENT + "()} and written back as\n * {@code \"name\": json}.\n *\n"
                + " * @param name the update's field naming its kind, such as {@code \"future_kind\"}\n"
                + " * @param " + RAW_JSON + " that field's value in compact form (the same value, its members in"
                + " order and its numbers as sent, without whitespace)\n */\n"
                + "public record " + UNKNOWN_UPDATE_KIND + "(String name, String " + RAW_JSON + ") {}\n";
    }

    /** The synthetic last component of {@code Update}, holding an update kind the model does not know. */
    private boolean isUnknownKind(Component c) {
        return c.field.types().equals(List.of(UNKNOWN_UPDATE_KIND));
    }

    private String richTextPlain(String href) {
        return header + "package " + TYPES_PKG + ";\n\n"
                + "/**\n * The plain-string form of the Bot API union <a href=\"" + href + "\">RichText</a>,"
                + " written as a bare JSON string.\n */\n"
                + "public record RichTextPlain(String text) implements RichText {\n\n"
                + "    /** Plain text as rich text. */\n"
                + "    public static RichTextPlain of(String text) {\n"
                + "        return new RichTextPlain(text);\n"
                + "    }\n}\n";
    }

    private String richTextList(String href) {
        return header + "package " + TYPES_PKG + ";\n\nimport java.util.List;\n\n"
                + "/**\n * The array form of the Bot API union <a href=\"" + href + "\">RichText</a>"
                + " (a concatenation), written as a bare JSON array.\n */\n"
                + "public record RichTextList(List<RichText> items) implements RichText {\n\n"
                + "    /** The concatenation of these pieces of rich text. */\n"
                + "    public static RichTextList of(List<RichText> items) {\n"
                + "        return new RichTextList(items);\n"
                + "    }\n}\n";
    }

    // ------------------------------------------------------------------------------------------------ records

    /** One record component: the spec field, its Java name and type. */
    final class Component {
        final Field field;
        final String owner;
        final String javaName;

        Component(Field field, String owner) {
            this.field = field;
            this.owner = owner;
            this.javaName = javaName(field.name());
        }

        boolean optional() {
            return !field.required();
        }

        boolean isChatId() {
            return field.types().equals(List.of("Integer", "String"));
        }

        String type(Imports imports) {
            return mapType(this, imports, true);
        }

        /** The type without nullness, for comparisons. */
        String typeKey() {
            return mapType(this, new Imports("x"), true) + (optional() ? "?" : "");
        }
    }

    private String mapType(Component c, Imports imports, boolean annotate) {
        Field f = c.field;
        String base;
        boolean primitive = false;
        if (f.upload()
                || f.types().equals(List.of("InputFile", "String"))
                || f.types().equals(List.of("InputFile"))) {
            imports.add(TELEGRAM_PKG + ".InputFile");
            base = "InputFile";
        } else if (c.isChatId()) {
            imports.add(TELEGRAM_PKG + ".ChatId");
            base = "ChatId";
        } else if (f.types().size() > 1) {
            if (new HashSet<>(f.types()).equals(new HashSet<>(REPLY_MARKUP_VARIANTS))) {
                base = imports.type(REPLY_MARKUP);
            } else if (f.types().stream().allMatch(t -> t.startsWith("Array of "))) {
                Set<String> elements = f.types().stream()
                        .map(t -> t.substring("Array of ".length()))
                        .collect(Collectors.toSet());
                String union = smallestUnionOf(elements);
                imports.add("java.util.List");
                base = "List<" + imports.type(union) + ">";
            } else {
                throw new IllegalStateException("unmapped union " + f.types() + " in " + c.owner + "." + f.name());
            }
        } else {
            String t = f.types().get(0);
            if (t.startsWith("Array of ")) {
                base = listType(t, imports);
            } else {
                switch (t) {
                    case "Integer" -> {
                        base = f.required() ? "long" : "Long";
                        primitive = f.required();
                    }
                    case "Float" -> {
                        base = f.required() ? "double" : "Double";
                        primitive = f.required();
                    }
                    case "Boolean" -> {
                        base = f.required() ? "boolean" : "Boolean";
                        primitive = f.required();
                    }
                    case "String" -> base = "String";
                    default -> base = imports.type(t);
                }
            }
        }
        if (annotate && c.optional() && !primitive) {
            imports.add("org.jspecify.annotations.Nullable");
            return "@Nullable " + base;
        }
        return base;
    }

    private String listType(String t, Imports imports) {
        imports.add("java.util.List");
        String inner = t.substring("Array of ".length());
        if (inner.startsWith("Array of ")) {
            return "List<" + listType(inner, imports) + ">";
        }
        String element = switch (inner) {
            case "Integer" -> "Long";
            case "Float" -> "Double";
            case "Boolean" -> "Boolean";
            case "String" -> "String";
            case "InputFile" -> {
                imports.add(TELEGRAM_PKG + ".InputFile");
                yield "InputFile";
            }
            default -> imports.type(inner);
        };
        return "List<" + element + ">";
    }

    private String smallestUnionOf(Set<String> elements) {
        String best = null;
        for (Map.Entry<String, List<String>> u : unions.entrySet()) {
            if (u.getValue().containsAll(elements)
                    && (best == null || u.getValue().size() < unions.get(best).size())) {
                best = u.getKey();
            }
        }
        if (best == null) {
            throw new IllegalStateException("no union holds all of " + elements);
        }
        return best;
    }

    private String typeRecord(TypeDef t) {
        List<Component> comps = components(t);
        Imports imports = new Imports(TYPES_PKG);
        String doc = "/**\n * The Bot API type <a href=\"" + t.href() + "\">" + t.name() + "</a>.\n */\n";
        if (t.name().equals("Update")) {
            doc = "/**\n * The Bot API type <a href=\"" + t.href() + "\">" + t.name() + "</a>.\n *\n"
                    + " * <p>The last component, {@code " + UNKNOWN_KIND_COMPONENT + "}, is tgdialog's own: an update"
                    + " of a kind this model does not\n * know keeps its field's name and JSON there (null for every"
                    + " known kind), so a bot can still read it.\n */\n";
        }
        List<String> supers = implemented.getOrDefault(t.name(), List.of());
        Discriminator d = t.discriminator();
        String body = recordBody(t.name(), comps, supers, d, imports, null);
        return header + "package " + TYPES_PKG + ";\n\n" + imports.render() + doc + body;
    }

    private List<Component> components(TypeDef t) {
        List<Field> fields = new ArrayList<>(t.fields() == null ? List.of() : t.fields());
        if (t.name().equals("Update")) {
            // The one special case: an update's kind is its one optional field, and Telegram adds kinds often.
            fields.add(new Field(UNKNOWN_KIND_COMPONENT, List.of(UNKNOWN_UPDATE_KIND), false, false));
        }
        return fields.stream().map(f -> new Component(f, t.name())).collect(Collectors.toList());
    }

    private List<Component> components(MethodDef m) {
        return m.fields().stream().map(f -> new Component(f, m.name())).collect(Collectors.toList());
    }

    private String methodRecord(MethodDef m) {
        String name = pascal(m.name());
        List<Component> comps = components(m);
        Imports imports = new Imports(METHODS_PKG);
        imports.add(TELEGRAM_PKG + ".BotMethod");
        imports.add("java.lang.reflect.Type");
        String result;
        String resultExpr;
        String resultField = null;
        List<String> returns = m.returns();
        if (returns.equals(List.of("Message", "Boolean"))) {
            imports.add(TELEGRAM_PKG + ".MessageOrTrue");
            result = "MessageOrTrue";
            resultExpr = "MessageOrTrue.class";
        } else if (returns.size() != 1) {
            throw new IllegalStateException("unmapped result " + returns + " of " + m.name());
        } else if (returns.get(0).startsWith("Array of ")) {
            result = listType(returns.get(0), imports);
            String element = returns.get(0).substring("Array of ".length());
            if (element.startsWith("Array of ")) {
                throw new IllegalStateException("nested array result of " + m.name());
            }
            imports.add(TELEGRAM_PKG + ".ResultTypes");
            resultField = "    private static final Type RESULT_TYPE = ResultTypes.listOf("
                    + boxedName(element, imports) + ".class);\n";
            resultExpr = "RESULT_TYPE";
        } else {
            result = boxedName(returns.get(0), imports);
            resultExpr = result + ".class";
        }
        StringBuilder extra = new StringBuilder();
        extra.append("\n    @Override\n    public String methodName() {\n        return \"")
                .append(m.name())
                .append("\";\n    }\n");
        extra.append("\n    @Override\n    public Type resultType() {\n        return ")
                .append(resultExpr)
                .append(";\n    }\n");
        if (mayUpload(m)) {
            extra.append("\n    @Override\n    public boolean mayUpload() {\n        return true;\n    }\n");
        }
        String doc = "/**\n * The Bot API method <a href=\"" + m.href() + "\">" + m.name() + "</a>.\n */\n";
        String body = recordBody(name, comps, List.of("BotMethod<" + result + ">"), null, imports, new String[] {
            resultField, extra.toString()
        });
        return header + "package " + METHODS_PKG + ";\n\n" + imports.render() + doc + body;
    }

    private String boxedName(String specType, Imports imports) {
        return switch (specType) {
            case "Integer" -> "Long";
            case "Float" -> "Double";
            case "Boolean" -> "Boolean";
            case "String" -> "String";
            default -> imports.type(specType);
        };
    }

    /** Whether an InputFile is reachable from the method's parameters. */
    private boolean mayUpload(MethodDef m) {
        Set<String> seen = new HashSet<>();
        return m.fields().stream().anyMatch(f -> reachesUpload(f, seen));
    }

    private boolean reachesUpload(Field f, Set<String> seen) {
        if (f.upload()) {
            return true;
        }
        for (String t : f.types()) {
            String base = t.replace("Array of ", "");
            if (base.equals("InputFile") || typeReachesUpload(base, seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean typeReachesUpload(String name, Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        TypeDef t = spec.types().get(name);
        if (t == null) {
            return false;
        }
        for (String s : t.subtypes()) {
            if (typeReachesUpload(s.replace("Array of ", ""), seen)) {
                return true;
            }
        }
        return t.fields() != null && t.fields().stream().anyMatch(f -> reachesUpload(f, seen));
    }

    /**
     * The record declaration and body. {@code methodParts}: for methods, a static field (may be null) and the
     * BotMethod overrides.
     */
    private String recordBody(
            String name,
            List<Component> comps,
            List<String> supers,
            Discriminator d,
            Imports imports,
            String[] methodParts) {
        StringBuilder b = new StringBuilder();
        b.append("public record ").append(name).append('(');
        for (int i = 0; i < comps.size(); i++) {
            Component c = comps.get(i);
            b.append("\n        ");
            if (!c.javaName.equals(c.field.name())) {
                imports.add("com.google.gson.annotations.SerializedName");
                b.append("@SerializedName(\"").append(c.field.name()).append("\") ");
            }
            b.append(c.type(imports)).append(' ').append(c.javaName);
            if (i < comps.size() - 1) {
                b.append(',');
            }
        }
        b.append(')');
        if (!supers.isEmpty()) {
            b.append(comps.isEmpty() ? " " : "\n        ").append("implements ").append(String.join(", ", supers));
        }
        b.append(" {\n");
        if (methodParts != null && methodParts[0] != null) {
            b.append('\n').append(methodParts[0]);
        }
        Component disc = null;
        String constant = null;
        if (d != null) {
            disc = comps.stream()
                    .filter(c -> c.field.name().equals(d.field()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no discriminator field in " + name));
            constant = d.field().toUpperCase(java.util.Locale.ROOT);
            b.append("\n    /** The {@code ").append(d.field()).append("} value that identifies this variant. */\n");
            b.append("    public static final String ")
                    .append(constant)
                    .append(" = \"")
                    .append(d.value())
                    .append("\";\n");
            b.append("\n    /** Always sets {@code ")
                    .append(d.field())
                    .append("} to {@link #")
                    .append(constant)
                    .append("}. */\n");
            b.append("    public ")
                    .append(name)
                    .append(" {\n        ")
                    .append(disc.javaName)
                    .append(" = ")
                    .append(constant)
                    .append(";\n    }\n");
        }
        final Component discriminator = disc;
        List<Component> required =
                comps.stream().filter(c -> !c.optional() && c != discriminator).collect(Collectors.toList());
        List<Component> optional = comps.stream().filter(Component::optional).collect(Collectors.toList());
        boolean isMethod = methodParts != null;
        boolean wantOf = !optional.isEmpty() || discriminator != null || (isMethod && comps.isEmpty());
        if (wantOf) {
            factory(b, name, "of", required, comps, discriminator, imports, false, constant);
            if (required.stream().anyMatch(Component::isChatId)) {
                factory(b, name, "of", required, comps, discriminator, imports, true, constant);
            }
        }
        if (optional.size() >= BUILDER_THRESHOLD) {
            builder(b, name, required, optional, comps, discriminator, imports, constant);
        }
        if (methodParts != null) {
            b.append(methodParts[1]);
        }
        b.append("}\n");
        return b.toString();
    }

    private void factory(
            StringBuilder b,
            String name,
            String factoryName,
            List<Component> required,
            List<Component> all,
            Component disc,
            Imports imports,
            boolean longIds,
            String constant) {
        b.append("\n    /** ");
        if (required.isEmpty()) {
            b.append(article(name))
                    .append(" {@code ")
                    .append(name)
                    .append("}")
                    .append(all.size() > (disc == null ? 0 : 1) ? " with all its optional fields null" : "")
                    .append(". */\n");
        } else {
            b.append(article(name))
                    .append(" {@code ")
                    .append(name)
                    .append("} with its required fields")
                    .append(all.size() > required.size() + (disc == null ? 0 : 1) ? "; the optional ones are null" : "")
                    .append(". */\n");
        }
        b.append("    public static ")
                .append(name)
                .append(' ')
                .append(factoryName)
                .append('(')
                .append(params(required, imports, longIds))
                .append(") {\n");
        b.append("        return new ").append(name).append('(');
        List<String> args = new ArrayList<>();
        for (Component c : all) {
            if (c == disc) {
                args.add(constant);
            } else if (c.optional()) {
                args.add("null");
            } else {
                args.add(longIds && c.isChatId() ? "ChatId.of(" + c.javaName + ")" : c.javaName);
            }
        }
        b.append(String.join(", ", args)).append(");\n    }\n");
    }

    private String params(List<Component> required, Imports imports, boolean longIds) {
        List<String> ps = new ArrayList<>();
        for (Component c : required) {
            ps.add((longIds && c.isChatId() ? "long" : c.type(imports)) + " " + c.javaName);
        }
        return String.join(", ", ps);
    }

    private void builder(
            StringBuilder b,
            String name,
            List<Component> required,
            List<Component> optional,
            List<Component> all,
            Component disc,
            Imports imports,
            String constant) {
        String reqNames = required.stream().map(c -> c.javaName).collect(Collectors.joining(", "));
        b.append("\n    /** A builder for ")
                .append(article(name).toLowerCase(java.util.Locale.ROOT))
                .append(" {@code ")
                .append(name)
                .append("}, starting from its required fields. */\n");
        b.append("    public static Builder builder(")
                .append(params(required, imports, false))
                .append(") {\n");
        b.append("        return new Builder(").append(reqNames).append(");\n    }\n");
        if (required.stream().anyMatch(Component::isChatId)) {
            b.append("\n    /** A builder for ")
                    .append(article(name).toLowerCase(java.util.Locale.ROOT))
                    .append(" {@code ")
                    .append(name)
                    .append("}, starting from its required fields, with numeric chat ids. */\n");
            b.append("    public static Builder builder(")
                    .append(params(required, imports, true))
                    .append(") {\n");
            b.append("        return new Builder(")
                    .append(required.stream()
                            .map(c -> c.isChatId() ? "ChatId.of(" + c.javaName + ")" : c.javaName)
                            .collect(Collectors.joining(", ")))
                    .append(");\n    }\n");
        }
        b.append("\n    /** A builder holding this value's fields. */\n");
        b.append("    public Builder toBuilder() {\n");
        b.append("        Builder builder = new Builder(").append(reqNames).append(");\n");
        for (Component c : optional) {
            b.append("        builder.")
                    .append(c.javaName)
                    .append(" = ")
                    .append(c.javaName)
                    .append(";\n");
        }
        b.append("        return builder;\n    }\n");

        b.append("\n    /** Builds a {@code ").append(name).append("}; not thread-safe. */\n");
        b.append("    public static final class Builder {\n");
        for (Component c : required) {
            b.append("        private final ")
                    .append(c.type(imports))
                    .append(' ')
                    .append(c.javaName)
                    .append(";\n");
        }
        for (Component c : optional) {
            b.append("        private ")
                    .append(c.type(imports))
                    .append(' ')
                    .append(c.javaName)
                    .append(";\n");
        }
        b.append("\n        private Builder(")
                .append(params(required, imports, false))
                .append(") {\n");
        for (Component c : required) {
            b.append("            this.")
                    .append(c.javaName)
                    .append(" = ")
                    .append(c.javaName)
                    .append(";\n");
        }
        b.append("        }\n");
        for (Component c : optional) {
            if (isUnknownKind(c)) {
                b.append(
                        "\n        /** Sets the update's kind that this model does not know (not a Bot API field). */\n");
            } else {
                b.append("\n        /** Sets {@code ").append(c.field.name()).append("}. */\n");
            }
            b.append("        public Builder ")
                    .append(c.javaName)
                    .append('(')
                    .append(c.type(imports))
                    .append(' ')
                    .append(c.javaName)
                    .append(") {\n");
            b.append("            this.")
                    .append(c.javaName)
                    .append(" = ")
                    .append(c.javaName)
                    .append(";\n            return this;\n        }\n");
            if (c.isChatId()) {
                for (String alt : List.of("long", "String")) {
                    b.append("\n        /** Sets {@code ")
                            .append(c.field.name())
                            .append("} from a ")
                            .append(alt.equals("long") ? "numeric chat id" : "username")
                            .append(". */\n");
                    b.append("        public Builder ")
                            .append(c.javaName)
                            .append('(')
                            .append(alt)
                            .append(' ')
                            .append(c.javaName)
                            .append(") {\n");
                    b.append("            this.")
                            .append(c.javaName)
                            .append(" = ChatId.of(")
                            .append(c.javaName)
                            .append(");\n            return this;\n        }\n");
                }
            }
        }
        b.append("\n        /** The built value. */\n");
        b.append("        public ").append(name).append(" build() {\n");
        b.append("            return new ")
                .append(name)
                .append('(')
                .append(all.stream().map(c -> c == disc ? constant : c.javaName).collect(Collectors.joining(", ")))
                .append(");\n        }\n    }\n");
    }

    // ------------------------------------------------------------------------------------------------ record adapters

    /** Leaf types read and written by {@code RecordFields}, not through an adapter of their own. */
    private static final Set<String> LEAVES =
            Set.of("String", "Long", "Boolean", "Double", "long", "boolean", "double");

    /**
     * Records with more components than this read into an array and call their constructor from a method of its own:
     * HotSpot's C2 refuses to compile a call with more than about 54 arguments (measured: 50 compile, 60 do not),
     * and a read method holding a hundred locals also defeats C1, so Message's adapter would run interpreted.
     */
    private static final int WIDE = 40;

    /** The reader, the one name the generated read method declares beside the components' locals. */
    private static final String READER = "in";

    /** The local holding the field name in {@code Update}'s read method. */
    private static final String FIELD = "field";

    /**
     * A streaming adapter for one record: a switch over the JSON names into locals, then the canonical constructor;
     * writing calls the accessors in declaration order. Each non-leaf component has an adapter field of its own, so
     * every call site sees one adapter class.
     */
    private String recordAdapter(String pkg, String name, List<Component> comps) {
        Imports imports = new Imports(ADAPTERS_PKG);
        imports.add("com.google.gson.Gson");
        imports.add("com.google.gson.TypeAdapter");
        imports.add("com.google.gson.stream.JsonReader");
        imports.add("com.google.gson.stream.JsonToken");
        imports.add("com.google.gson.stream.JsonWriter");
        imports.add("java.io.IOException");
        imports.add("org.jspecify.annotations.Nullable");
        imports.add(pkg + "." + name);
        boolean wide = comps.size() > WIDE;
        String adapterName = name + "Adapter";
        StringBuilder fields = new StringBuilder();
        StringBuilder init = new StringBuilder();
        StringBuilder locals = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        StringBuilder writes = new StringBuilder();
        List<String> args = new ArrayList<>();
        Component unknownKind = null;
        for (int i = 0; i < comps.size(); i++) {
            Component c = comps.get(i);
            if (c.javaName.equals(READER) || (c.javaName.equals(FIELD) && name.equals("Update"))) {
                throw new IllegalStateException(name + "." + c.javaName + " clashes with a generated adapter name");
            }
            if (isUnknownKind(c)) {
                if (wide || i != comps.size() - 1) {
                    throw new IllegalStateException(name + "'s unknown kind must be the last of few components");
                }
                unknownKind = c;
                imports.add(TYPES_PKG + "." + UNKNOWN_UPDATE_KIND);
                args.add(c.javaName);
                locals.append("        @Nullable ")
                        .append(UNKNOWN_UPDATE_KIND)
                        .append(' ')
                        .append(c.javaName)
                        .append(" = null;\n");
                writes.append("        RecordFields.writeKind(out, value.")
                        .append(c.javaName)
                        .append("());\n");
                continue;
            }
            String type = mapType(c, imports, false);
            String json = c.field.name();
            boolean primitive = type.equals("long") || type.equals("boolean") || type.equals("double");
            String target;
            if (wide) {
                target = "values[" + i + "]";
                String boxed = switch (type) {
                    case "long" -> "Long";
                    case "boolean" -> "Boolean";
                    case "double" -> "Double";
                    default -> type;
                };
                String cast = "(" + boxed + ") values[" + i + "]";
                args.add(
                        switch (type) {
                            case "long" -> "values[" + i + "] == null ? 0L : (long) " + cast;
                            case "boolean" -> "values[" + i + "] != null && (boolean) " + cast;
                            case "double" -> "values[" + i + "] == null ? 0.0 : (double) " + cast;
                            default -> cast;
                        });
            } else {
                target = c.javaName;
                args.add(c.javaName);
                String initial = switch (type) {
                    case "long" -> "0L";
                    case "boolean" -> "false";
                    case "double" -> "0.0";
                    default -> "null";
                };
                locals.append("        ")
                        .append(primitive ? "" : "@Nullable ")
                        .append(type)
                        .append(' ')
                        .append(c.javaName)
                        .append(" = ")
                        .append(initial)
                        .append(";\n");
            }
            String read;
            String write;
            if (LEAVES.contains(type)) {
                imports.add("dev.tgdialog.internal.json.RecordFields");
                String kind = switch (type) {
                    case "long", "Long" -> "Long";
                    case "boolean", "Boolean" -> "Boolean";
                    case "double", "Double" -> "Double";
                    default -> "String";
                };
                read = "RecordFields.read" + kind + "(in" + (primitive ? ", \"" + name + "\", \"" + json + "\"" : "")
                        + ")";
                write = primitive
                        ? "out.name(\"" + json + "\").value(value." + c.javaName + "());"
                        : "RecordFields.write(out, \"" + json + "\", value." + c.javaName + "());";
            } else {
                String field = c.javaName + "Adapter";
                fields.append("    private final TypeAdapter<")
                        .append(type)
                        .append("> ")
                        .append(field)
                        .append(";\n");
                init.append("        this.").append(field).append(" = ");
                if (type.contains("<")) {
                    imports.add("com.google.gson.reflect.TypeToken");
                    imports.add("dev.tgdialog.internal.json.RecordFields");
                    init.append("RecordFields.adapter(gson,\n                ")
                            .append(typeToken(type))
                            .append(");\n");
                } else {
                    init.append("gson.getAdapter(").append(type).append(".class);\n");
                }
                read = field + ".read(in)";
                imports.add("dev.tgdialog.internal.json.RecordFields");
                write = "RecordFields.write(out, \"" + json + "\", value." + c.javaName + "(), " + field + ");";
            }
            cases.append("                case \"")
                    .append(json)
                    .append("\" -> ")
                    .append(target)
                    .append(" = ")
                    .append(read)
                    .append(";\n");
            writes.append("        ").append(write).append('\n');
        }
        StringBuilder b = new StringBuilder();
        b.append(header).append("package ").append(ADAPTERS_PKG).append(";\n\n").append(imports.render());
        b.append("/** Reads and writes {@link ").append(name).append("} as its Bot API JSON. */\n");
        b.append("final class ")
                .append(adapterName)
                .append(" extends TypeAdapter<")
                .append(name)
                .append("> {\n");
        if (fields.length() > 0) {
            b.append(fields).append('\n');
        }
        b.append("    ")
                .append(adapterName)
                .append("(Gson gson) {\n")
                .append(init)
                .append("    }\n\n");
        b.append("    @Override\n");
        b.append("    public @Nullable ").append(name).append(" read(JsonReader in) throws IOException {\n");
        b.append("        if (in.peek() == JsonToken.NULL) {\n            in.nextNull();\n            return null;\n"
                + "        }\n");
        if (wide) {
            b.append("        @Nullable Object[] values = new Object[")
                    .append(comps.size())
                    .append("];\n");
        }
        b.append(locals);
        b.append("        in.beginObject();\n        while (in.hasNext()) {\n");
        if (unknownKind != null) {
            // The first field the model does not know is the update's kind; its JSON is kept, not skipped.
            b.append("            String ").append(FIELD).append(" = in.nextName();\n");
            b.append("            switch (")
                    .append(FIELD)
                    .append(") {\n")
                    .append(cases)
                    .append("                default -> {\n                    if (")
                    .append(unknownKind.javaName)
                    .append(" == null) {\n                        ")
                    .append(unknownKind.javaName)
                    .append(" = new ")
                    .append(UNKNOWN_UPDATE_KIND)
                    .append('(')
                    .append(FIELD)
                    .append(", RecordFields.readJson(in));\n")
                    .append("                    } else {\n                        in.skipValue();\n"
                            + "                    }\n                }\n            }\n");
        } else if (comps.isEmpty()) {
            b.append("            in.nextName();\n            in.skipValue();\n");
        } else {
            b.append("            switch (in.nextName()) {\n")
                    .append(cases)
                    .append("                default -> in.skipValue();\n            }\n");
        }
        b.append("        }\n        in.endObject();\n");
        if (wide) {
            b.append("        return create(values);\n    }\n\n");
            b.append(
                    "    /**\n     * The constructor call on its own: with this many arguments the JIT's optimising compiler cannot"
                            + " compile a\n     * method that makes it, and the read loop above must not pay for that.\n     */\n");
            b.append("    private static ").append(name).append(" create(@Nullable Object[] values) {\n");
            b.append("        return new ").append(name).append('(');
            for (int i = 0; i < args.size(); i++) {
                b.append(i == 0 ? "" : ",").append("\n                ").append(args.get(i));
            }
            b.append(");\n    }\n\n");
        } else {
            b.append("        return new ").append(name).append('(');
            for (int i = 0; i < args.size(); i++) {
                b.append(i == 0 ? "" : ",")
                        .append(i % 6 == 0 ? "\n                " : " ")
                        .append(args.get(i));
            }
            b.append(");\n    }\n\n");
        }
        b.append("    @Override\n");
        b.append("    public void write(JsonWriter out, @Nullable ")
                .append(name)
                .append(" value) throws IOException {\n");
        b.append("        if (value == null) {\n            out.nullValue();\n            return;\n        }\n");
        b.append("        out.beginObject();\n").append(writes).append("        out.endObject();\n    }\n}\n");
        return b.toString();
    }

    /** A {@code TypeToken} expression for a parameterised type such as {@code List<List<X>>}. */
    private static String typeToken(String type) {
        return "TypeToken.getParameterized(List.class, " + typeExpr(type.substring(5, type.length() - 1)) + ")";
    }

    private static String typeExpr(String type) {
        if (type.startsWith("List<")) {
            return typeToken(type) + ".getType()";
        }
        return type + ".class";
    }

    // ------------------------------------------------------------------------------------------------ adapters

    private String adapters(List<String> records) {
        Imports imports = new Imports(ADAPTERS_PKG);
        imports.add("com.google.gson.Gson");
        imports.add("com.google.gson.TypeAdapter");
        imports.add("com.google.gson.TypeAdapterFactory");
        imports.add("com.google.gson.reflect.TypeToken");
        imports.add("dev.tgdialog.internal.json.UnionTypeAdapter");
        imports.add("org.jspecify.annotations.Nullable");
        StringBuilder cases = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (Map.Entry<String, List<String>> u : unions.entrySet()) {
            String union = u.getKey();
            imports.add(TYPES_PKG + "." + union);
            String method = Character.toLowerCase(union.charAt(0)) + union.substring(1);
            cases.append("            case \"")
                    .append(TYPES_PKG)
                    .append('.')
                    .append(union)
                    .append("\"");
            if (union.equals(RICH_TEXT)) {
                cases.append(",\n                    \"")
                        .append(TYPES_PKG)
                        .append('.')
                        .append(RICH_TEXT_PLAIN)
                        .append("\",\n                    \"")
                        .append(TYPES_PKG)
                        .append('.')
                        .append(RICH_TEXT_LIST)
                        .append("\"");
            }
            cases.append(" -> ").append(method).append("(gson);\n");
            String unknown = unknowns.get(union);
            if (unknown != null) {
                cases.append("            case \"")
                        .append(TYPES_PKG)
                        .append('.')
                        .append(unknown)
                        .append("\" -> ")
                        .append(method)
                        .append("(gson).unknownAdapter();\n");
            }

            methods.append("\n    private static UnionTypeAdapter<")
                    .append(union)
                    .append("> ")
                    .append(method)
                    .append("(Gson gson) {\n");
            methods.append("        return UnionTypeAdapter.builder(gson, ")
                    .append(union)
                    .append(".class)\n");
            String tagField = tagField(union);
            if (union.equals(MAYBE_INACCESSIBLE)) {
                methods.append("                .dateZero(InaccessibleMessage.class)\n");
                imports.add(TYPES_PKG + ".InaccessibleMessage");
            } else if (tagField != null) {
                methods.append("                .tagField(\"").append(tagField).append("\")\n");
            }
            for (String v : u.getValue()) {
                imports.add(TYPES_PKG + "." + v);
                if (v.equals(RICH_TEXT_PLAIN)) {
                    methods.append("                .stringForm(RichTextPlain.class, RichTextPlain::new,"
                            + " RichTextPlain::text)\n");
                    continue;
                }
                if (v.equals(RICH_TEXT_LIST)) {
                    methods.append("                .arrayForm(RichTextList.class, RichTextList::new,"
                            + " RichTextList::items)\n");
                    continue;
                }
                TypeDef vt = spec.types().get(v);
                if (v.equals("InaccessibleMessage") && union.equals(MAYBE_INACCESSIBLE)) {
                    continue;
                }
                String tag =
                        vt.discriminator() == null ? null : vt.discriminator().value();
                if (tagField != null && tag == null) {
                    throw new IllegalStateException("variant " + v + " of " + union + " has no discriminator");
                }
                if (tagField == null
                        && !union.equals(MAYBE_INACCESSIBLE)
                        && !union.equals(INPUT_MESSAGE_CONTENT)
                        && !union.equals(REPLY_MARKUP)) {
                    throw new IllegalStateException("union " + union + " has no discriminator and no known rule");
                }
                methods.append("                .variant(")
                        .append(v)
                        .append(".class, ")
                        .append(tag == null ? "null" : "\"" + tag + "\"");
                for (Field f : Objects.requireNonNull(vt.fields(), v)) {
                    if (f.required() && (tagField == null || !f.name().equals(tagField))) {
                        methods.append(", \"").append(f.name()).append('"');
                    }
                }
                methods.append(")\n");
            }
            if (unknown != null) {
                imports.add(TYPES_PKG + "." + unknown);
                List<String> reads = new ArrayList<>();
                for (Component c : unknownComponents(union)) {
                    String type = mapType(c, imports, false);
                    String json = "\"" + c.field.name() + "\"";
                    if (c.field.name().equals(tagField)) {
                        reads.add("fields.tag()");
                    } else if (type.equals("long") || type.equals("boolean") || type.equals("double")) {
                        reads.add("fields." + type + "Value(" + json + ")");
                    } else if (type.contains("<")) {
                        reads.add("fields.get(" + json + ", " + typeToken(type) + ")");
                    } else {
                        reads.add("fields.get(" + json + ", " + type + ".class)");
                    }
                }
                reads.add("json");
                methods.append("                .unknown(")
                        .append(unknown)
                        .append(".class, (fields, json) -> new ")
                        .append(unknown)
                        .append("(\n                        ")
                        .append(String.join(",\n                        ", reads))
                        .append("),\n                        ")
                        .append(unknown)
                        .append("::")
                        .append(RAW_JSON)
                        .append(")\n");
            }
            methods.append("                .build();\n    }\n");
        }
        StringBuilder b = new StringBuilder();
        b.append(header).append("package ").append(ADAPTERS_PKG).append(";\n\n").append(imports.render());
        b.append(
                "/**\n * Gson adapters for every record of the Bot API model (one generated class each) and every union ("
                        + "the spec's abstract types and {@code ReplyMarkup}),\n"
                        + " * choosing the variant by its discriminator or, for the few untagged unions, by the JSON's shape."
                        + " Thread-safe.\n */\n");
        b.append("public final class GeneratedAdapters implements TypeAdapterFactory {\n\n");
        b.append("    @Override\n    @SuppressWarnings(\"unchecked\")\n");
        b.append("    public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {\n");
        b.append("        TypeAdapter<?> adapter = switch (type.getRawType().getName()) {\n");
        b.append(cases);
        for (String record : records) {
            String simple = record.substring(record.lastIndexOf('.') + 1);
            b.append("            case \"")
                    .append(record)
                    .append("\" -> new ")
                    .append(simple)
                    .append("Adapter(gson);\n");
        }
        b.append("            default -> null;\n        };\n");
        b.append("        return (TypeAdapter<T>) adapter;\n    }\n");
        b.append(methods);
        b.append("}\n");
        return b.toString();
    }

    // ================================================================================================ names

    static String javaName(String snake) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = b.length() > 0;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        String name = b.toString();
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    private static String article(String name) {
        return "AEIOU".indexOf(name.charAt(0)) >= 0 ? "An" : "A";
    }

    static String pascal(String camel) {
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** Import tracking for one file. */
    static final class Imports {
        private final String pkg;
        private final Set<String> names = new TreeSet<>();

        Imports(String pkg) {
            this.pkg = pkg;
        }

        void add(String qualified) {
            String p = qualified.substring(0, qualified.lastIndexOf('.'));
            if (!p.equals(pkg) && !p.equals("java.lang")) {
                names.add(qualified);
            }
        }

        /** A Bot API type by its simple name, imported from the types package. */
        String type(String name) {
            add(TYPES_PKG + "." + name);
            return name;
        }

        String render() {
            if (names.isEmpty()) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            for (String n : names) {
                b.append("import ").append(n).append(";\n");
            }
            return b.append('\n').toString();
        }
    }
}
