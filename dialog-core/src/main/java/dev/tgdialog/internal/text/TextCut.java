package dev.tgdialog.internal.text;

import dev.tgdialog.internal.text.ParsedText.Kind;
import dev.tgdialog.internal.text.ParsedText.Piece;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a text, plain or formatted, so that its visible part fits a limit: on a grapheme boundary, with a trailing
 * "…", and with every entity still open at the cut closed again, so the result parses as its parse mode.
 *
 * <p>Graphemes are found with the regex {@code \X}: on Java 17 it keeps emoji ZWJ sequences, flags, skin tones and
 * combining marks whole, where {@link java.text.BreakIterator} (before Java 20) splits a ZWJ family into its
 * people. Stateless and thread-safe.
 */
public final class TextCut {
    /** What a cut text ends with. */
    public static final String ELLIPSIS = "…";

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TextCut() {}

    /**
     * The text unchanged when its visible length is at most {@code limit}, else cut to a visible length of at most
     * {@code limit}, "…" included. Markup that does not parse is returned unchanged, so that Telegram's own
     * description of the mistake reaches the author.
     */
    public static String cut(String text, @Nullable String parseMode, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1, was " + limit);
        }
        // Markup only ever shortens what is shown, so a source that fits needs no parsing.
        if (text.length() <= limit) {
            return text;
        }
        ParsedText parsed;
        try {
            parsed = Markup.parse(text, parseMode);
        } catch (MarkupException broken) {
            return text;
        }
        if (parsed.visible().length() <= limit) {
            return text;
        }
        int keep = graphemeBoundary(parsed.visible(), limit - ELLIPSIS.length());
        String cut = rebuild(parsed, keep, parseMode);
        if (fits(cut, parseMode, limit)) {
            return cut;
        }
        // A safety net for markup this cutter gets wrong: the visible text, escaped, without its formatting.
        return Markup.escape(parsed.visible().substring(0, keep), parseMode) + ELLIPSIS;
    }

    /** The largest grapheme boundary of {@code text} at or below {@code max}. */
    static int graphemeBoundary(String text, int max) {
        if (max <= 0) {
            return 0;
        }
        Matcher m = GRAPHEME.matcher(text);
        int boundary = 0;
        while (m.find() && m.end() <= max) {
            boundary = m.end();
        }
        return boundary;
    }

    /** The source up to the visible offset {@code keep}, then "…", then the closers of what is still open. */
    static String rebuild(ParsedText parsed, int keep, @Nullable String parseMode) {
        String source = parsed.source();
        StringBuilder out = new StringBuilder(source.length());
        Deque<String> closers = new ArrayDeque<>();
        List<Piece> pending = new ArrayList<>();
        int shown = 0;
        for (Piece piece : parsed.pieces()) {
            boolean markupOnly = piece.visible().isEmpty();
            if (markupOnly) {
                // Markup right before the cut waits: an entity opened at the cut would hold only the "…".
                pending.add(piece);
                continue;
            }
            int length = piece.visible().length();
            if (shown + length <= keep) {
                pending.forEach(p -> take(p, source, out, closers));
                pending.clear();
                take(piece, source, out, closers);
                shown += length;
                continue;
            }
            if (piece.kind() == Kind.LITERAL && keep > shown) {
                pending.forEach(p -> take(p, source, out, closers));
                pending.clear();
                out.append(source, piece.start(), piece.start() + keep - shown);
            }
            break;
        }
        // A MarkdownV2 ">" after a line break keeps the block quote going; without it the quote would end there.
        for (Piece p : pending) {
            if (p.kind() == Kind.MARK) {
                out.append(source, p.start(), p.end());
            }
        }
        out.append(ELLIPSIS);
        String previous = "";
        boolean v2 = "MarkdownV2".equals(Markup.mode(parseMode));
        for (String closer : closers) {
            // "___" reads as underline first; an empty bold "**" keeps an italic's "_" apart from what follows.
            if (v2 && previous.equals("_") && closer.startsWith("_")) {
                out.append("**");
            }
            out.append(closer);
            previous = closer;
        }
        return out.toString();
    }

    private static void take(Piece piece, String source, StringBuilder out, Deque<String> closers) {
        out.append(source, piece.start(), piece.end());
        if (piece.kind() == Kind.OPEN) {
            closers.push(piece.closer());
        } else if (piece.kind() == Kind.CLOSE) {
            for (int i = 0; i < piece.pops() && !closers.isEmpty(); i++) {
                closers.pop();
            }
        }
    }

    private static boolean fits(String text, @Nullable String parseMode, int limit) {
        try {
            return Markup.parse(text, parseMode).visible().length() <= limit;
        } catch (MarkupException e) {
            return false;
        }
    }
}
