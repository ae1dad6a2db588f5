package dev.tgdialog.internal.engine;

import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import dev.tgdialog.telegram.types.ReplyMarkup;
import org.jspecify.annotations.Nullable;

/** A window rendered for one update: what a message must show, and a hash of it. */
record Rendered(
        String text,
        @Nullable String parseMode,
        @Nullable LinkPreviewOptions linkPreview,
        @Nullable ReplyMarkup markup,
        @Nullable Media media,
        boolean replyKeyboard,
        String hash) {

    String kind() {
        return media == null ? "text" : media.kind();
    }
}
