package dev.tgdialog.internal.text;

import java.util.List;

/**
 * A text read in its parse mode: the visible text (what Telegram counts against its limits, in UTF-16 units) and
 * the source cut into pieces, in order, each a run of visible text or a piece of markup.
 *
 * @param source the text as sent
 * @param visible the text after entity parsing: tags, escapes and markers removed, entities decoded
 * @param pieces the source, in order and without gaps between visible pieces
 */
public record ParsedText(String source, String visible, List<Piece> pieces) {

    /** What a piece of the source is. */
    public enum Kind {
        /** Plain characters, shown as they are written, so the run may be split between any two code points. */
        LITERAL,
        /** One escape or character reference ({@code \.}, {@code &amp;}): shown as one character, never split. */
        ATOM,
        /** Markup that opens an entity, closed by {@link Piece#closer()}. */
        OPEN,
        /** Markup that closes the {@link Piece#pops()} innermost open entities; it may show text itself. */
        CLOSE,
        /** Markup that neither opens nor closes (a MarkdownV2 {@code >} that continues a block quote). */
        MARK
    }

    /**
     * One piece of the source.
     *
     * @param kind what it is
     * @param start its first char in the source
     * @param end the char after its last in the source
     * @param visible what it shows (empty for most markup)
     * @param closer for {@link Kind#OPEN}: the source text that closes the entity right after a cut
     * @param pops for {@link Kind#CLOSE}: how many open entities it closes
     */
    public record Piece(Kind kind, int start, int end, String visible, String closer, int pops) {}

    public ParsedText {
        pieces = List.copyOf(pieces);
    }
}
