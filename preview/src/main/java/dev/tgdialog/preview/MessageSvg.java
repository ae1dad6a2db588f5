package dev.tgdialog.preview;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.testing.WindowRender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Draws one rendered window as a chat message in SVG: the media's placeholder, the text, the inline keyboard under the
 * message and the reply keyboard below it, in the proportions of Telegram's clients. Text widths are estimated from
 * the number of characters, so the same render always gives the same bytes, whatever fonts a machine has.
 */
final class MessageSvg {
    private static final int FONT_SIZE = 13;
    private static final double CHAR_WIDTH = 7.2;
    private static final int LINE_HEIGHT = 18;
    private static final int PAD = 12;
    private static final int MIN_WIDTH = 240;
    private static final int MAX_WIDTH = 400;
    private static final int MEDIA_HEIGHT = 96;
    private static final int BUTTON_HEIGHT = 32;
    private static final int GAP = 4;

    private MessageSvg() {}

    static String write(WindowRender render, String placeholder) {
        List<String> lines =
                render.text().isEmpty() ? List.of() : List.of(render.text().split("\n", -1));
        int widest = lines.stream().mapToInt(MessageSvg::chars).max().orElse(0);
        int keyboardWidest = Math.max(
                widest(render.inlineKeyboard(), b -> b.text() + PreviewPage.mark(b)),
                widest(render.replyKeyboard(), KeyboardButton::text));
        int width = clamp((int) Math.ceil(Math.max(widest, keyboardWidest) * CHAR_WIDTH) + 2 * PAD);
        int perLine = (int) ((width - 2 * PAD) / CHAR_WIDTH);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrap(line, perLine, wrapped);
        }
        boolean media = !render.kind().equals("text") || !render.album().isEmpty();

        StringBuilder body = new StringBuilder();
        int y = GAP;
        int bubble =
                (media ? MEDIA_HEIGHT + PAD : 0) + wrapped.size() * LINE_HEIGHT + (wrapped.isEmpty() ? 0 : PAD) + PAD;
        body.append(rect(1, y, width - 2, bubble, 10, "#ffffff", "#d0d7de"));
        int inner = y + PAD;
        if (media) {
            body.append(rect(PAD, inner, width - 2 * PAD, MEDIA_HEIGHT, 6, "#c9d6df", null));
            body.append(
                    text(width / 2.0, inner + MEDIA_HEIGHT / 2.0 + 4, "middle", "#3b4a56", fit(placeholder, width)));
            inner += MEDIA_HEIGHT + PAD;
        }
        for (String line : wrapped) {
            body.append(text(PAD, inner + FONT_SIZE, "start", "#1f2328", line));
            inner += LINE_HEIGHT;
        }
        y += bubble + GAP;
        for (List<InlineKeyboardButton> row : render.inlineKeyboard()) {
            y = row(
                    body,
                    y,
                    width,
                    row.stream().map(b -> b.text() + PreviewPage.mark(b)).toList(),
                    "#6f93b0",
                    null,
                    "#ffffff");
        }
        if (!render.replyKeyboard().isEmpty()) {
            y += GAP;
            for (List<KeyboardButton> row : render.replyKeyboard()) {
                y = row(
                        body,
                        y,
                        width,
                        row.stream().map(KeyboardButton::text).toList(),
                        "#f6f8fa",
                        "#d0d7de",
                        "#1f2328");
            }
        }
        if (render.forceReply()) {
            y += GAP;
            body.append(text(PAD, y + FONT_SIZE, "start", "#57606a", "(asks for a reply)"));
            y += LINE_HEIGHT;
        }
        int height = y + GAP;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"-apple-system, 'Segoe UI', Roboto,"
                + " Helvetica, Arial, sans-serif\" font-size=\"" + FONT_SIZE + "\">\n"
                + rect(0, 0, width, height, 0, "#e6ebee", null) + body + "</svg>\n";
    }

    /** A keyboard row of equal buttons across the width; returns the y below it. */
    private static int row(
            StringBuilder out,
            int y,
            int width,
            List<String> labels,
            String fill,
            @Nullable String stroke,
            String ink) {
        if (labels.isEmpty()) {
            return y;
        }
        double each = (width - GAP * (labels.size() - 1.0)) / labels.size();
        for (int i = 0; i < labels.size(); i++) {
            double x = i * (each + GAP);
            out.append(rect(x, y, each, BUTTON_HEIGHT, 8, fill, stroke));
            out.append(text(x + each / 2, y + BUTTON_HEIGHT / 2.0 + 4.5, "middle", ink, fit(labels.get(i), each)));
        }
        return y + BUTTON_HEIGHT + GAP;
    }

    private static String rect(
            double x, double y, double w, double h, int radius, String fill, @Nullable String stroke) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + (radius > 0 ? "\" rx=\"" + radius : "") + "\" fill=\"" + fill
                + (stroke != null ? "\" stroke=\"" + stroke : "") + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String ink, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + ink
                + "\" xml:space=\"preserve\">" + Html.escape(content) + "</text>\n";
    }

    /** A label cut to what {@code width} holds, ending in … when cut. */
    private static String fit(String label, double width) {
        int room = (int) ((width - 2 * GAP) / CHAR_WIDTH);
        if (chars(label) <= room) {
            return label;
        }
        int keep = Math.max(1, room - 1);
        return label.substring(0, label.offsetByCodePoints(0, Math.min(keep, label.codePointCount(0, label.length()))))
                + "…";
    }

    /** A line broken at spaces (or anywhere, for a word too long) into lines of at most {@code room} characters. */
    private static void wrap(String line, int room, List<String> out) {
        String rest = line;
        while (chars(rest) > room) {
            int cut = rest.offsetByCodePoints(0, room);
            int space = rest.lastIndexOf(' ', cut);
            int end = space > 0 ? space : cut;
            out.add(rest.substring(0, end));
            rest = rest.substring(space > 0 ? end + 1 : end);
        }
        out.add(rest);
    }

    private static <B> int widest(List<List<B>> rows, Function<B, String> label) {
        int widest = 0;
        for (List<B> row : rows) {
            int longest =
                    row.stream().mapToInt(b -> chars(label.apply(b))).max().orElse(0);
            // Buttons share a row equally, so the row needs its longest label times its buttons.
            widest = Math.max(widest, longest * row.size() + row.size() * 2);
        }
        return widest;
    }

    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    private static int clamp(int width) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    /** A coordinate with at most one decimal, written the same in every locale. */
    private static String num(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }
}
