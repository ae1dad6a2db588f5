package dev.tgdialog.internal.text;

import dev.tgdialog.internal.text.ParsedText.Kind;
import dev.tgdialog.internal.text.ParsedText.Piece;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a text in one of Telegram's parse modes the way the Bot API server does (its rules are TDLib's
 * {@code parse_html}, {@code parse_markdown_v2} and {@code parse_markdown}): what is visible, where the markup is,
 * and, for broken markup, the server's own description with its UTF-8 byte offsets. URLs and custom emoji ids are
 * checked only as far as the server refuses them; a link the server would silently drop is accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class Markup {
    private static final String V2_RESERVED = "_*[]()~`>#+-=|{}.!\n";
    private static final Pattern CUSTOM_EMOJI_URL = Pattern.compile("tg://emoji\\?id=[0-9]{1,19}");
    private static final Pattern TIME_URL = Pattern.compile("tg://time\\?unix=-?[0-9]{1,19}(&format=[A-Za-z]*)?");
    private static final List<String> HTML_TAGS = List.of(
            "a",
            "b",
            "strong",
            "i",
            "em",
            "s",
            "strike",
            "del",
            "u",
            "ins",
            "tg-spoiler",
            "tg-emoji",
            "tg-time",
            "span",
            "pre",
            "code",
            "blockquote");

    private Markup() {}

    /** The parse mode's canonical name ({@code HTML}, {@code MarkdownV2}, {@code Markdown}), or null for plain text. */
    public static @Nullable String mode(@Nullable String parseMode) {
        if (parseMode == null) {
            return null;
        }
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> "HTML";
            case "markdownv2" -> "MarkdownV2";
            case "markdown" -> "Markdown";
            default -> null;
        };
    }

    /**
     * Reads {@code text} in {@code parseMode} (case-insensitive; null, empty or unknown reads it as plain text).
     *
     * @throws MarkupException when the server would refuse the markup
     */
    public static ParsedText parse(String text, @Nullable String parseMode) {
        String mode = mode(parseMode);
        if (mode == null) {
            return new ParsedText(
                    text,
                    text,
                    text.isEmpty() ? List.of() : List.of(new Piece(Kind.LITERAL, 0, text.length(), text, "", 0)));
        }
        return switch (mode) {
            case "HTML" -> new Html(text).parse();
            case "MarkdownV2" -> new MarkdownV2(text).parse();
            default -> new LegacyMarkdown(text).parse();
        };
    }

    /** The text, escaped so that {@code parseMode} shows it as it is. */
    public static String escape(String text, @Nullable String parseMode) {
        String mode = mode(parseMode);
        if (mode == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (mode) {
                case "HTML" -> {
                    switch (c) {
                        case '<' -> out.append("&lt;");
                        case '>' -> out.append("&gt;");
                        case '&' -> out.append("&amp;");
                        default -> out.append(c);
                    }
                }
                case "MarkdownV2" -> {
                    if (c == '\\' || (c != '\n' && V2_RESERVED.indexOf(c) >= 0)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> {
                    if (c == '_' || c == '*' || c == '`' || c == '[') {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** TDLib's notion of white space; NUL stands for the end of the text. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0' || c == 0x0B;
    }

    private static boolean isAlpha(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** Collects the visible text and the pieces while a parser reads the source. */
    private abstract static class Reader {
        final String s;
        final int n;
        final StringBuilder visible = new StringBuilder();
        final List<Piece> pieces = new ArrayList<>();
        private int literalStart = -1;

        Reader(String s) {
            this.s = s;
            this.n = s.length();
        }

        /** The char at i, or NUL past the end (the server reads a NUL-terminated string). */
        char at(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        /** The UTF-8 byte offset of the char at i, as the server reports positions. */
        int bytes(int i) {
            return s.substring(0, Math.min(i, n)).getBytes(StandardCharsets.UTF_8).length;
        }

        void literal(int i) {
            if (literalStart < 0) {
                literalStart = i;
            }
            visible.append(s.charAt(i));
        }

        void flush(int i) {
            if (literalStart >= 0) {
                pieces.add(new Piece(Kind.LITERAL, literalStart, i, s.substring(literalStart, i), "", 0));
                literalStart = -1;
            }
        }

        void atom(int start, int end, String shown) {
            flush(start);
            visible.append(shown);
            pieces.add(new Piece(Kind.ATOM, start, end, shown, "", 0));
        }

        /** Adds an opening piece and returns its index, so a closer learnt later can be filled in. */
        int open(int start, int end, String closer) {
            flush(start);
            pieces.add(new Piece(Kind.OPEN, start, end, "", closer, 0));
            return pieces.size() - 1;
        }

        void setCloser(int index, String closer) {
            Piece p = pieces.get(index);
            pieces.set(index, new Piece(p.kind(), p.start(), p.end(), p.visible(), closer, p.pops()));
        }

        void close(int start, int end, String shown, int pops) {
            flush(start);
            visible.append(shown);
            pieces.add(new Piece(Kind.CLOSE, start, end, shown, "", pops));
        }

        void mark(int start, int end) {
            flush(start);
            pieces.add(new Piece(Kind.MARK, start, end, "", "", 0));
        }

        ParsedText done() {
            flush(n);
            return new ParsedText(s, visible.toString(), pieces);
        }

        MarkupException error(String description) {
            return new MarkupException(description);
        }
    }

    // ------------------------------------------------------------------------------------------------------ HTML

    /** An open HTML tag: its lower-case name, its argument and where its content starts in the visible text. */
    private record Tag(String name, String argument, int visibleStart) {}

    private static final class Html extends Reader {
        Html(String s) {
            super(s);
        }

        ParsedText parse() {
            List<Tag> open = new ArrayList<>();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '&') {
                    int[] entity = entity(i);
                    if (entity != null) {
                        atom(i, entity[1], new String(Character.toChars(entity[0])));
                        i = entity[1];
                        continue;
                    }
                }
                if (c != '<') {
                    literal(i);
                    i++;
                    continue;
                }
                int begin = i++;
                if (at(i) != '/') {
                    i = startTag(begin, i, open);
                } else {
                    i = endTag(begin, i, open);
                }
            }
            if (!open.isEmpty()) {
                throw error("Can't find end tag corresponding to start tag \""
                        + open.get(open.size() - 1).name() + "\"");
            }
            for (int k = 0; k < visible.length(); k++) {
                char c = visible.charAt(k);
                boolean paired = Character.isHighSurrogate(c)
                        && k + 1 < visible.length()
                        && Character.isLowSurrogate(visible.charAt(k + 1));
                if (paired) {
                    k++;
                } else if (Character.isSurrogate(c)) {
                    throw error("Text contains invalid Unicode characters after decoding HTML entities, check for "
                            + "unmatched surrogate code units");
                }
            }
            return done();
        }

        /** Reads a start tag whose name begins at i; returns the index after its {@code >}. */
        private int startTag(int begin, int i, List<Tag> open) {
            while (!isSpace(at(i)) && at(i) != '>') {
                i++;
            }
            if (at(i) == '\0') {
                throw error("Unclosed start tag at byte offset " + bytes(begin));
            }
            String name = asciiLower(s.substring(begin + 1, i));
            if (!HTML_TAGS.contains(name)) {
                throw error("Unsupported start tag \"" + name + "\" at byte offset " + bytes(begin));
            }
            String argument = "";
            while (at(i) != '>') {
                while (at(i) != '\0' && isSpace(at(i))) {
                    i++;
                }
                if (at(i) == '>') {
                    break;
                }
                int nameStart = i;
                while (!isSpace(at(i))
                        && at(i) != '='
                        && at(i) != '>'
                        && at(i) != '/'
                        && at(i) != '"'
                        && at(i) != '\'') {
                    i++;
                }
                String attribute = s.substring(nameStart, i);
                if (attribute.isEmpty()) {
                    throw error("Empty attribute name in the tag \"" + name + "\" at byte offset " + bytes(begin));
                }
                while (at(i) != '\0' && isSpace(at(i))) {
                    i++;
                }
                if (at(i) != '=') {
                    if (at(i) == '\0') {
                        throw error("Unclosed start tag \"" + name + "\" at byte offset " + bytes(begin));
                    }
                    if (name.equals("blockquote") && attribute.equals("expandable")) {
                        argument = "1";
                    }
                    continue;
                }
                i++;
                while (at(i) != '\0' && isSpace(at(i))) {
                    i++;
                }
                if (at(i) == '\0') {
                    throw error("Unclosed start tag \"" + name + "\" at byte offset " + bytes(begin));
                }
                StringBuilder value = new StringBuilder();
                if (at(i) != '\'' && at(i) != '"') {
                    int tokenStart = i;
                    while (isAlpha(at(i)) || isDigit(at(i)) || at(i) == '.' || at(i) == '-') {
                        i++;
                    }
                    value.append(asciiLower(s.substring(tokenStart, i)));
                    if (!isSpace(at(i)) && at(i) != '>') {
                        throw error("Unexpected end of name token at byte offset " + bytes(tokenStart));
                    }
                } else {
                    char quote = at(i++);
                    while (at(i) != quote && at(i) != '\0') {
                        if (at(i) == '&') {
                            int[] entity = entity(i);
                            if (entity != null) {
                                value.appendCodePoint(entity[0]);
                                i = entity[1];
                                continue;
                            }
                        }
                        value.append(at(i++));
                    }
                    if (at(i) == quote) {
                        i++;
                    }
                }
                if (at(i) == '\0') {
                    throw error("Unclosed start tag at byte offset " + bytes(begin));
                }
                String v = value.toString();
                if (name.equals("a") && attribute.equals("href")) {
                    argument = v;
                } else if (name.equals("code") && attribute.equals("class") && v.startsWith("language-")) {
                    argument = v.substring(9);
                } else if (name.equals("span") && attribute.equals("class") && v.startsWith("tg-")) {
                    argument = v.substring(3);
                } else if (name.equals("tg-emoji") && attribute.equals("emoji-id")) {
                    argument = v;
                } else if (name.equals("blockquote") && attribute.equals("expandable")) {
                    argument = "1";
                }
            }
            if (name.equals("span") && !argument.equals("spoiler")) {
                throw error("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + bytes(begin));
            }
            open.add(new Tag(name, argument, visible.length()));
            open(begin, i + 1, "</" + name + ">");
            return i + 1;
        }

        /** Reads an end tag whose {@code /} is at i; returns the index after its {@code >}. */
        private int endTag(int begin, int i, List<Tag> open) {
            if (open.isEmpty()) {
                throw error("Unexpected end tag at byte offset " + bytes(begin));
            }
            while (!isSpace(at(i)) && at(i) != '>') {
                i++;
            }
            String name = asciiLower(s.substring(begin + 2, Math.max(begin + 2, i)));
            while (isSpace(at(i)) && at(i) != '\0') {
                i++;
            }
            if (at(i) != '>') {
                throw error("Unclosed end tag at byte offset " + bytes(begin));
            }
            Tag tag = open.get(open.size() - 1);
            if (!name.isEmpty() && !name.equals(tag.name())) {
                throw error("Unmatched end tag at byte offset " + bytes(begin) + ", expected \"</" + tag.name()
                        + ">\", found \"</" + name + ">\"");
            }
            if (tag.name().equals("tg-emoji") && visible.length() > tag.visibleStart()) {
                long id;
                try {
                    id = Long.parseLong(tag.argument());
                } catch (NumberFormatException e) {
                    id = 0;
                }
                if (id == 0) {
                    throw error("Invalid custom emoji identifier specified");
                }
            }
            open.remove(open.size() - 1);
            close(begin, i + 1, "", 1);
            return i + 1;
        }

        /** A character reference at i as {code point, index after it}, or null when it is a plain {@code &}. */
        private int @Nullable [] entity(int i) {
            int end = i + 1;
            long code = 0;
            if (at(i + 1) == '#') {
                end++;
                if (at(i + 2) == 'x') {
                    end++;
                    while (Character.digit(at(end), 16) >= 0 && at(end) < 0x80) {
                        code = Math.min(code * 16 + Character.digit(at(end), 16), Integer.MAX_VALUE);
                        end++;
                    }
                } else {
                    while (isDigit(at(end))) {
                        code = Math.min(code * 10 + (at(end) - '0'), Integer.MAX_VALUE);
                        end++;
                    }
                }
                if (code == 0 || code >= 0x10FFFF || end - i >= 10) {
                    return null;
                }
            } else {
                while (isAlpha(at(end))) {
                    end++;
                }
                switch (s.substring(i + 1, end)) {
                    case "lt" -> code = '<';
                    case "gt" -> code = '>';
                    case "amp" -> code = '&';
                    case "quot" -> code = '"';
                    default -> {
                        return null;
                    }
                }
            }
            if (at(end) == ';') {
                end++;
            }
            return new int[] {(int) code, end};
        }
    }

    // ------------------------------------------------------------------------------------------------ MarkdownV2

    /** MarkdownV2's entities, named as the server names them in its messages. */
    private enum V2 {
        Bold("*"),
        Italic("_"),
        Underline("__"),
        Strikethrough("~"),
        Spoiler("||"),
        Code("`"),
        Pre("```"),
        PreCode("```"),
        TextUrl("]"),
        CustomEmoji("]"),
        BlockQuote("");

        final String closer;

        V2(String closer) {
            this.closer = closer;
        }
    }

    /** An open MarkdownV2 entity: its type, where its marker starts in the source, its opening piece. */
    private record Entity(V2 type, int sourceStart, int visibleStart, int piece) {}

    private static final class MarkdownV2 extends Reader {
        MarkdownV2(String s) {
            super(s);
        }

        private MarkupException reserved(char c) {
            return error("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
        }

        private MarkupException unclosed(Entity e) {
            return error("Can't find end of " + e.type() + " entity at byte offset " + bytes(e.sourceStart()));
        }

        ParsedText parse() {
            List<Entity> open = new ArrayList<>();
            boolean haveQuote = false;
            boolean canStartQuote = true;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                char next = at(i + 1);
                if (c == '\\' && next >= 1 && next <= 126) {
                    atom(i, i + 2, String.valueOf(next));
                    i++;
                    if (next != '\r') {
                        canStartQuote = next == '\n';
                    }
                    continue;
                }
                Entity top = open.isEmpty() ? null : open.get(open.size() - 1);
                boolean inCode =
                        top != null && (top.type() == V2.Code || top.type() == V2.Pre || top.type() == V2.PreCode);
                if ((inCode ? "`" : V2_RESERVED).indexOf(c) < 0) {
                    literal(i);
                    if (c != '\r') {
                        canStartQuote = false;
                    }
                    continue;
                }
                if (!isEnd(top, haveQuote, c, i)) {
                    int start = i;
                    V2 type;
                    switch (c) {
                        case '_' -> {
                            if (next == '_') {
                                type = V2.Underline;
                                i++;
                            } else {
                                type = V2.Italic;
                            }
                        }
                        case '*' -> type = V2.Bold;
                        case '~' -> type = V2.Strikethrough;
                        case '|' -> {
                            if (next != '|') {
                                throw reserved(c);
                            }
                            i++;
                            type = V2.Spoiler;
                        }
                        case '[' -> type = V2.TextUrl;
                        case '`' -> {
                            if (next == '`' && at(i + 2) == '`') {
                                i += 3;
                                type = V2.Pre;
                                int languageEnd = i;
                                while (!isSpace(at(languageEnd)) && at(languageEnd) != '`') {
                                    languageEnd++;
                                }
                                if (i != languageEnd && languageEnd < n && at(languageEnd) != '`') {
                                    type = V2.PreCode;
                                    i = languageEnd;
                                }
                                i = skipOneNewLine(i) - 1;
                            } else {
                                type = V2.Code;
                            }
                        }
                        case '!' -> {
                            if (next != '[') {
                                throw reserved(c);
                            }
                            i++;
                            type = V2.CustomEmoji;
                        }
                        case '\n' -> {
                            literal(i);
                            canStartQuote = true;
                            continue;
                        }
                        case '>' -> {
                            if (!canStartQuote) {
                                throw reserved(c);
                            }
                            if (haveQuote) {
                                mark(i, i + 1);
                                continue;
                            }
                            type = V2.BlockQuote;
                            haveQuote = true;
                        }
                        default -> throw reserved(c);
                    }
                    int piece = open(start, i + 1, type.closer);
                    open.add(new Entity(type, start, visible.length(), piece));
                    continue;
                }
                // The end of the innermost entity.
                V2 type = Objects.requireNonNull(top, "isEnd is false with no entity open")
                        .type();
                int pops = 1;
                if (c == '\n' && type != V2.BlockQuote) {
                    boolean expandable = type == V2.Spoiler
                            && (top.sourceStart() == i - 2
                                    || (top.sourceStart() == i - 3
                                            && visible.length() > 0
                                            && visible.charAt(visible.length() - 1) == '\r'));
                    if (!expandable) {
                        throw unclosed(top);
                    }
                    open.remove(open.size() - 1);
                    top = open.get(open.size() - 1);
                    if (top.type() != V2.BlockQuote) {
                        throw unclosed(top);
                    }
                    type = V2.BlockQuote;
                    pops = 2;
                }
                int closeStart = i;
                switch (type) {
                    case Underline, Spoiler -> i++;
                    case Pre, PreCode -> i += 2;
                    case TextUrl -> {
                        if (next == '(') {
                            i = url(i + 2);
                            setCloser(top.piece(), s.substring(closeStart, i + 1));
                        }
                    }
                    case CustomEmoji -> {
                        if (next != '(') {
                            throw error("The entity must contain a tg://emoji or tg://time URL");
                        }
                        int urlStart = i + 2;
                        i = url(urlStart);
                        String url = unescape(s.substring(urlStart, i));
                        if (!CUSTOM_EMOJI_URL.matcher(url).matches()
                                && !TIME_URL.matcher(url).matches()) {
                            throw error("Invalid tg://emoji or tg://time URL specified");
                        }
                        setCloser(top.piece(), s.substring(closeStart, i + 1));
                    }
                    case BlockQuote -> {
                        haveQuote = false;
                        canStartQuote = true;
                    }
                    default -> {
                        // a one-character marker
                    }
                }
                open.remove(open.size() - 1);
                close(closeStart, i + 1, type == V2.BlockQuote ? String.valueOf(c) : "", pops);
            }
            if (haveQuote) {
                Entity top = open.get(open.size() - 1);
                int pops = 0;
                if (top.type() == V2.Spoiler && top.sourceStart() == n - 2) {
                    open.remove(open.size() - 1);
                    top = open.get(open.size() - 1);
                    pops++;
                }
                if (top.type() == V2.BlockQuote) {
                    open.remove(open.size() - 1);
                    pops++;
                }
                if (pops > 0) {
                    close(n, n, "", pops);
                }
            }
            if (!open.isEmpty()) {
                throw unclosed(open.get(open.size() - 1));
            }
            return done();
        }

        private boolean isEnd(@Nullable Entity top, boolean haveQuote, char c, int i) {
            if (top == null) {
                return false;
            }
            char next = at(i + 1);
            if (haveQuote && c == '\n' && (i + 1 == n || next != '>')) {
                return true;
            }
            return switch (top.type()) {
                case Bold -> c == '*';
                case Italic -> c == '_' && next != '_';
                case Code -> c == '`';
                case Pre, PreCode -> c == '`' && next == '`' && at(i + 2) == '`';
                case TextUrl, CustomEmoji -> c == ']';
                case Underline -> c == '_' && next == '_';
                case Strikethrough -> c == '~';
                case Spoiler -> c == '|' && next == '|';
                case BlockQuote -> false;
            };
        }

        /** Reads a URL from i up to its {@code )}, skipping escapes; returns the index of the {@code )}. */
        private int url(int i) {
            int start = i;
            while (i < n && s.charAt(i) != ')') {
                i += s.charAt(i) == '\\' && at(i + 1) >= 1 && at(i + 1) <= 126 ? 2 : 1;
            }
            if (at(i) != ')') {
                throw error("Can't find end of a URL at byte offset " + bytes(start));
            }
            return i;
        }

        private int skipOneNewLine(int i) {
            if (at(i) == '\n' || at(i) == '\r') {
                return (at(i + 1) == '\n' || at(i + 1) == '\r') && at(i) != at(i + 1) ? i + 2 : i + 1;
            }
            return i;
        }

        private static String unescape(String url) {
            StringBuilder out = new StringBuilder(url.length());
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '\\' && i + 1 < url.length() && url.charAt(i + 1) >= 1 && url.charAt(i + 1) <= 126) {
                    c = url.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    // ---------------------------------------------------------------------------------------- legacy Markdown

    private static final class LegacyMarkdown extends Reader {
        LegacyMarkdown(String s) {
            super(s);
        }

        private static boolean special(char c) {
            return c == '_' || c == '*' || c == '`' || c == '[';
        }

        ParsedText parse() {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\\' && special(at(i + 1))) {
                    atom(i, i + 2, String.valueOf(at(i + 1)));
                    i++;
                    continue;
                }
                if (!special(c)) {
                    literal(i);
                    continue;
                }
                int begin = i;
                char end = c == '[' ? ']' : c;
                boolean pre = false;
                i++;
                if (c == '`' && at(i) == '`' && at(i + 1) == '`') {
                    i += 2;
                    pre = true;
                    int languageEnd = i;
                    while (!isSpace(at(languageEnd)) && at(languageEnd) != '`') {
                        languageEnd++;
                    }
                    if (i != languageEnd && languageEnd < n && at(languageEnd) != '`') {
                        i = languageEnd;
                    }
                    if (at(i) == '\n' || at(i) == '\r') {
                        i += (at(i + 1) == '\n' || at(i + 1) == '\r') && at(i) != at(i + 1) ? 2 : 1;
                    }
                }
                int piece = open(begin, i, pre ? "```" : String.valueOf(end));
                while (i < n && (s.charAt(i) != end || (pre && !(at(i + 1) == '`' && at(i + 2) == '`')))) {
                    literal(i++);
                }
                if (i >= n) {
                    throw error("Can't find end of the entity starting at byte offset " + bytes(begin));
                }
                int closeStart = i;
                if (c == '[' && at(i + 1) == '(') {
                    i += 2;
                    while (i < n && s.charAt(i) != ')') {
                        i++;
                    }
                    setCloser(piece, s.substring(closeStart, Math.min(i + 1, n)));
                }
                if (pre) {
                    i += 2;
                }
                close(closeStart, Math.min(i + 1, n), "", 1);
            }
            return done();
        }
    }
}
