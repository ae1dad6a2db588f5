package dev.tgdialog.preview;

import dev.tgdialog.Dialog;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.testing.Previews;
import dev.tgdialog.testing.WindowRender;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every window of a bot's dialogs on one static HTML page: its text, its media as a placeholder, and its keyboard in
 * rows as Telegram shows them, each window rendered from its samples ({@code Window.Builder.sample}) and otherwise
 * from what its widgets show with no state. A window whose render fails shows the error in its place. Rendered on a
 * fixed clock, zone and locale, so the same code always gives the same page, byte for byte, whatever the machine's
 * own zone and locale. An immutable value; {@link #html} may run on several threads at once.
 *
 * @param now the instant every render reads from its clock
 * @param zone the zone of that clock
 * @param locale the preview user's app language
 */
public record PreviewPage(Instant now, ZoneId zone, Locale locale) {
    /** The page's defaults: 15 January 2026, 09:00 UTC, in English. */
    public static final PreviewPage DEFAULT =
            new PreviewPage(Instant.parse("2026-01-15T09:00:00Z"), ZoneId.of("UTC"), Locale.ENGLISH);

    public PreviewPage {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }

    /** This page at another instant (in the same zone). */
    public PreviewPage at(Instant now) {
        return new PreviewPage(now, zone, locale);
    }

    /** This page for a user whose app language is {@code locale}. */
    public PreviewPage withLanguage(Locale locale) {
        return new PreviewPage(now, zone, locale);
    }

    /** This page with clocks in {@code zone}. */
    public PreviewPage inZone(ZoneId zone) {
        return new PreviewPage(now, zone, locale);
    }

    /** The page of these dialogs' windows, a section per dialog in the order given. */
    public String html(List<Dialog> dialogs) {
        Previews previews = Previews.of(dialogs, now, zone, locale);
        int windows = dialogs.stream().mapToInt(d -> d.windowIds().size()).sum();
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"")
                .append(Html.escape(locale.toLanguageTag()))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>Preview of ")
                .append(windows)
                .append(" windows</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(windows)
                .append(" windows of ")
                .append(dialogs.size())
                .append(" dialogs</h1>\n<p class=\"when\">Rendered at ")
                .append(Html.escape(now.toString()))
                .append(" in ")
                .append(Html.escape(zone.getId()))
                .append(", language ")
                .append(Html.escape(locale.toLanguageTag()))
                .append(".</p>\n");
        for (Dialog dialog : dialogs) {
            out.append("<section class=\"dialog\" id=\"")
                    .append(Html.escape(dialog.id()))
                    .append("\">\n<h2>")
                    .append(Html.escape(dialog.id()))
                    .append("</h2>\n<div class=\"windows\">\n");
            for (String window : dialog.windowIds()) {
                window(out, previews, dialog, window);
            }
            out.append("</div>\n</section>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /**
     * Every window of these dialogs drawn as a chat message in SVG (its media's placeholder, text and keyboards), by
     * {@code "<dialog>.<window>"} in declaration order: the pictures the docs show, the same bytes on every machine.
     *
     * @throws IllegalStateException naming the window, when one fails to render
     */
    public Map<String, String> svgs(List<Dialog> dialogs) {
        Previews previews = Previews.of(dialogs, now, zone, locale);
        Map<String, String> pictures = new LinkedHashMap<>();
        for (Dialog dialog : dialogs) {
            for (String window : dialog.windowIds()) {
                WindowRender render;
                try {
                    render = previews.render(dialog, window);
                } catch (Exception e) {
                    throw new IllegalStateException(dialog.id() + "." + window + " did not render: " + describe(e), e);
                }
                pictures.put(dialog.id() + "." + window, MessageSvg.write(render, placeholder(render)));
            }
        }
        return pictures;
    }

    private static void window(StringBuilder out, Previews previews, Dialog dialog, String window) {
        WindowRender render;
        String error = null;
        try {
            render = previews.render(dialog, window);
        } catch (Exception e) {
            render = null;
            error = describe(e);
        }
        out.append("<article class=\"window")
                .append(error != null ? " failed" : "")
                .append("\" id=\"")
                .append(Html.escape(dialog.id() + "." + window))
                .append("\" data-dialog=\"")
                .append(Html.escape(dialog.id()))
                .append("\" data-window=\"")
                .append(Html.escape(window))
                .append("\">\n<h3>")
                .append(Html.escape(window))
                .append("</h3>\n");
        if (render == null) {
            out.append("<pre class=\"error\">")
                    .append(Html.escape(Objects.requireNonNull(error)))
                    .append("</pre>\n</article>\n");
            return;
        }
        out.append("<div class=\"message\">\n");
        if (!render.kind().equals("text") || !render.album().isEmpty()) {
            out.append("<div class=\"media\">")
                    .append(Html.escape(placeholder(render)))
                    .append("</div>\n");
        }
        if (!render.text().isEmpty()) {
            out.append("<div class=\"text\"")
                    .append(
                            render.parseMode() == null
                                    ? ""
                                    : " title=\"" + Html.escape("parse mode " + render.parseMode()) + "\"")
                    .append('>')
                    .append(Html.escape(render.text()))
                    .append("</div>\n");
        }
        out.append("</div>\n");
        if (!render.inlineKeyboard().isEmpty()) {
            out.append("<div class=\"keyboard inline\">\n");
            for (List<InlineKeyboardButton> row : render.inlineKeyboard()) {
                out.append("<div class=\"row\">");
                for (InlineKeyboardButton button : row) {
                    out.append("<span class=\"button\">")
                            .append(Html.escape(button.text() + mark(button)))
                            .append("</span>");
                }
                out.append("</div>\n");
            }
            out.append("</div>\n");
        }
        if (!render.replyKeyboard().isEmpty()) {
            out.append("<div class=\"keyboard reply\">\n");
            for (List<KeyboardButton> row : render.replyKeyboard()) {
                out.append("<div class=\"row\">");
                for (KeyboardButton button : row) {
                    out.append("<span class=\"button\">")
                            .append(Html.escape(button.text()))
                            .append("</span>");
                }
                out.append("</div>\n");
            }
            out.append("</div>\n");
        }
        if (render.forceReply()) {
            out.append("<div class=\"keyboard reply\">(asks for a reply)</div>\n");
        }
        out.append("</article>\n");
    }

    /** What stands in for the window's media or special message. */
    static String placeholder(WindowRender render) {
        if (!render.album().isEmpty()) {
            StringBuilder album = new StringBuilder("[album:");
            for (Media item : render.album()) {
                album.append(' ').append(item.kind()).append(' ').append(file(item));
            }
            return album.append(']').toString();
        }
        Media media = render.media();
        if (media == null) {
            return "[" + render.kind() + "]";
        }
        return "[" + media.kind() + ": " + file(media) + "]";
    }

    private static String file(Media media) {
        return media.file() instanceof InputFile.Reference ref
                ? ref.value()
                : media.file() instanceof InputFile.Upload upload ? upload.fileName() : "";
    }

    /** Telegram's marks for buttons that do more than call back. */
    static String mark(InlineKeyboardButton button) {
        if (button.url() != null || button.loginUrl() != null) {
            return " ↗";
        } else if (button.webApp() != null) {
            return " ▣";
        } else if (button.switchInlineQuery() != null
                || button.switchInlineQueryCurrentChat() != null
                || button.switchInlineQueryChosenChat() != null) {
            return " ↪";
        }
        return "";
    }

    /** The exception and its causes, by type and message: no stack trace, so the page stays the same. */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (out.length() > 0) {
                out.append("\ncaused by ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; background: #e7ebf0; margin: 24px; color: #1c2733; }
            h1 { font-size: 20px; } .when { color: #607080; }
            .dialog { margin: 24px 0; } .dialog h2 { font-size: 17px; border-bottom: 1px solid #b0bcc8; }
            .windows { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
            .window { width: 300px; } .window h3 { font-size: 13px; color: #607080; margin: 0 0 4px; }
            .message { background: #fff; border-radius: 10px; padding: 8px 10px; box-shadow: 0 1px 2px #0002; }
            .text { white-space: pre-wrap; font-size: 14px; }
            .media { background: #c8d3de; border-radius: 6px; padding: 24px 8px; text-align: center;
              color: #405060; margin-bottom: 6px; font-size: 12px; word-break: break-all; }
            .keyboard { margin-top: 4px; } .row { display: flex; gap: 4px; margin-top: 4px; }
            .button { flex: 1; text-align: center; background: #7f98ad; color: #fff; border-radius: 6px;
              padding: 6px 4px; font-size: 13px; min-height: 1.2em; }
            .reply .button { background: #fff; color: #1c2733; box-shadow: 0 1px 1px #0002; }
            .error { background: #fdecea; color: #8a1c12; border-radius: 8px; padding: 8px; white-space: pre-wrap;
              font-size: 12px; margin: 0; }
            """;
}
