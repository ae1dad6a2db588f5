package dev.tgdialog.inline;

import dev.tgdialog.telegram.types.InlineQueryResultArticle;
import dev.tgdialog.telegram.types.InlineQueryResultDocument;
import dev.tgdialog.telegram.types.InlineQueryResultGif;
import dev.tgdialog.telegram.types.InlineQueryResultPhoto;
import dev.tgdialog.telegram.types.InputTextMessageContent;

/**
 * Starts the common kinds of inline result with what each needs; the builders returned are the Bot API's own, for the
 * rest (a description, a thumbnail, {@code replyMarkup} buttons). Result ids are 1–64 bytes, unique in one answer.
 */
public final class Results {
    private Results() {}

    /** A text result: {@code title} in the list, {@code text} the message sent when chosen. */
    public static InlineQueryResultArticle.Builder article(String id, String title, String text) {
        return InlineQueryResultArticle.builder(id, title, InputTextMessageContent.of(text));
    }

    /**
     * A result that sends a dialog ({@link dev.tgdialog.DialogContext#inlineDialog}): {@code title} in the list,
     * the dialog's first window the message sent; each message sent with it runs the dialog of its own.
     */
    public static InlineQueryResultArticle.Builder article(String id, String title, InlineDialogMessage dialog) {
        return InlineQueryResultArticle.builder(id, title, dialog.content()).replyMarkup(dialog.keyboard());
    }

    /** A photo by URL (a JPEG), with its thumbnail. */
    public static InlineQueryResultPhoto.Builder photo(String id, String photoUrl, String thumbnailUrl) {
        return InlineQueryResultPhoto.builder(id, photoUrl, thumbnailUrl);
    }

    /** An animated GIF by URL, with its thumbnail. */
    public static InlineQueryResultGif.Builder gif(String id, String gifUrl, String thumbnailUrl) {
        return InlineQueryResultGif.builder(id, gifUrl, thumbnailUrl);
    }

    /** A file by URL ({@code application/pdf} or {@code application/zip}). */
    public static InlineQueryResultDocument.Builder document(
            String id, String title, String documentUrl, String mimeType) {
        return InlineQueryResultDocument.builder(id, title, documentUrl, mimeType);
    }
}
