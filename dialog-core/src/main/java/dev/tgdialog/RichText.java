package dev.tgdialog;

import dev.tgdialog.internal.text.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text with styled parts (bold, italic, code, links, custom emoji) that writes itself in a window's parse mode, every
 * part escaped, so a value from a user can neither break the message nor add markup of its own. An immutable value;
 * each method returns a longer copy. Shown in a window with {@link Window.Builder#rich}:
 *
 * <pre>{@code
 * w.parseMode("HTML").rich(ctx -> RichText.of("Thanks, ").bold(ctx.require(NAME)).text("!"))
 * }</pre>
 */
public final class RichText {
    private enum Style {
        PLAIN,
        BOLD,
        ITALIC,
        CODE,
        LINK,
        EMOJI
    }

    /** One part: its style, its visible text and, for a link or a custom emoji, the URL or the emoji id. */
    private record Part(Style style, String text, String target) {}

    private static final RichText EMPTY = new RichText(List.of());

    private final List<Part> parts;

    private RichText(List<Part> parts) {
        this.parts = parts;
    }

    /** An empty text to append to. */
    public static RichText of() {
        return EMPTY;
    }

    /** A text that starts with {@code plain} ({@link String#valueOf} of it), shown as it is. */
    public static RichText of(Object plain) {
        return EMPTY.text(plain);
    }

    /** This text and then {@code plain}, shown as it is. */
    public RichText text(Object plain) {
        return plus(Style.PLAIN, plain, "");
    }

    /** This text and then {@code value} in bold. */
    public RichText bold(Object value) {
        return plus(Style.BOLD, value, "");
    }

    /** This text and then {@code value} in italics. */
    public RichText italic(Object value) {
        return plus(Style.ITALIC, value, "");
    }

    /** This text and then {@code value} in a monospace font. */
    public RichText code(Object value) {
        return plus(Style.CODE, value, "");
    }

    /** This text and then {@code label} linking to {@code url}. */
    public RichText link(Object label, String url) {
        return plus(Style.LINK, label, Objects.requireNonNull(url, "url"));
    }

    /**
     * This text and then a custom emoji (HTML and MarkdownV2 only); {@code fallback} is the plain emoji shown where
     * custom emoji cannot be.
     */
    public RichText customEmoji(String fallback, long emojiId) {
        return plus(Style.EMOJI, fallback, Long.toString(emojiId));
    }

    private RichText plus(Style style, Object value, String target) {
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(style, String.valueOf(Objects.requireNonNull(value, "value")), target));
        return new RichText(List.copyOf(more));
    }

    /**
     * The text written for {@code parseMode} ({@code HTML}, {@code MarkdownV2} or {@code Markdown},
     * case-insensitive); for null (plain text), the visible text without styles.
     *
     * @throws IllegalArgumentException when legacy {@code Markdown} cannot write a part (a custom emoji, or a styled
     *     value that holds the style's own marker); use HTML or MarkdownV2 then
     */
    public String in(@Nullable String parseMode) {
        String mode = Markup.mode(parseMode);
        StringBuilder out = new StringBuilder();
        @Nullable Part previous = null;
        for (Part p : parts) {
            if (mode == null) {
                out.append(p.text());
            } else if (mode.equals("HTML")) {
                html(out, p);
            } else if (mode.equals("MarkdownV2")) {
                if (p.style() == Style.ITALIC && previous != null && previous.style() == Style.ITALIC) {
                    // Two italics in a row would meet as "__", which opens underline: they are written as one.
                    out.setLength(out.length() - 1);
                    out.append(Markup.escape(p.text(), "MarkdownV2")).append('_');
                } else {
                    markdownV2(out, p);
                }
            } else {
                markdown(out, p);
            }
            previous = p;
        }
        return out.toString();
    }

    /** {@code value} ({@link String#valueOf} of it) escaped so that {@code parseMode} shows it as it is. */
    public static String escape(@Nullable Object value, @Nullable String parseMode) {
        return Markup.escape(String.valueOf(value), parseMode);
    }

    private static void html(StringBuilder out, Part p) {
        String text = Markup.escape(p.text(), "HTML");
        switch (p.style()) {
            case PLAIN -> out.append(text);
            case BOLD -> out.append("<b>").append(text).append("</b>");
            case ITALIC -> out.append("<i>").append(text).append("</i>");
            case CODE -> out.append("<code>").append(text).append("</code>");
            case LINK ->
                out.append("<a href=\"")
                        .append(Markup.escape(p.target(), "HTML").replace("\"", "&quot;"))
                        .append("\">")
                        .append(text)
                        .append("</a>");
            case EMOJI ->
                out.append("<tg-emoji emoji-id=\"")
                        .append(p.target())
                        .append("\">")
                        .append(text)
                        .append("</tg-emoji>");
        }
    }

    private static void markdownV2(StringBuilder out, Part p) {
        String text = Markup.escape(p.text(), "MarkdownV2");
        switch (p.style()) {
            case PLAIN -> out.append(text);
            case BOLD -> out.append('*').append(text).append('*');
            case ITALIC -> out.append('_').append(text).append('_');
            case CODE ->
                out.append('`')
                        .append(p.text().replace("\\", "\\\\").replace("`", "\\`"))
                        .append('`');
            case LINK ->
                out.append('[')
                        .append(text)
                        .append("](")
                        .append(p.target().replace("\\", "\\\\").replace(")", "\\)"))
                        .append(')');
            case EMOJI ->
                out.append("![")
                        .append(text)
                        .append("](tg://emoji?id=")
                        .append(p.target())
                        .append(')');
        }
    }

    private static void markdown(StringBuilder out, Part p) {
        switch (p.style()) {
            case PLAIN -> out.append(Markup.escape(p.text(), "Markdown"));
            case BOLD -> out.append('*').append(plainIn(p.text(), "*", "bold")).append('*');
            case ITALIC ->
                out.append('_').append(plainIn(p.text(), "_", "italics")).append('_');
            case CODE -> out.append('`').append(plainIn(p.text(), "`", "code")).append('`');
            case LINK ->
                out.append('[')
                        .append(plainIn(p.text(), "]", "a link's label"))
                        .append("](")
                        .append(plainIn(p.target(), ")", "a link's URL"))
                        .append(')');
            case EMOJI ->
                throw new IllegalArgumentException(
                        "legacy Markdown cannot show a custom emoji; use the HTML or MarkdownV2 parse mode");
        }
    }

    /** Legacy Markdown has no escapes inside an entity, so its closing marker cannot appear in it. */
    private static String plainIn(String text, String marker, String what) {
        if (text.contains(marker)) {
            throw new IllegalArgumentException("legacy Markdown cannot show \"" + marker + "\" in " + what + " (\""
                    + text + "\"); use the HTML or MarkdownV2 parse mode");
        }
        return text;
    }

    /** The visible text, without styles. */
    @Override
    public String toString() {
        return in(null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RichText other && other.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
