package dev.tgdialog.testing;

import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A window as {@link Previews} rendered it: what its message would show.
 *
 * @param text the text (for an invoice its description, for a game its short name, for a poll its question)
 * @param parseMode the text's parse mode ({@code HTML}, {@code MarkdownV2}), or null for plain text
 * @param kind {@code text}; {@code photo}, {@code video}, … for media; {@code invoice}, {@code game} or {@code poll}
 * @param media the media above the text, or null
 * @param album the album (media group) above the window's message, or empty
 * @param inlineKeyboard the inline buttons, row by row (an invoice's Pay or a game's Play first)
 * @param replyKeyboard the reply-keyboard buttons, row by row
 * @param forceReply whether the window asks for a reply instead of showing buttons
 */
public record WindowRender(
        String text,
        @Nullable String parseMode,
        String kind,
        @Nullable Media media,
        List<Media> album,
        List<List<InlineKeyboardButton>> inlineKeyboard,
        List<List<KeyboardButton>> replyKeyboard,
        boolean forceReply) {
    public WindowRender {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        album = List.copyOf(album);
        inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
        replyKeyboard = replyKeyboard.stream().map(List::copyOf).toList();
    }
}
