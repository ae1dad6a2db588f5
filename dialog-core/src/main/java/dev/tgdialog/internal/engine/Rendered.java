package dev.tgdialog.internal.engine;

import dev.tgdialog.payments.Invoice;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.types.LabeledPrice;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import dev.tgdialog.telegram.types.ReplyMarkup;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A window rendered for one update: what a message (and the album above it) must show, and a hash of it. */
record Rendered(
        String text,
        @Nullable String parseMode,
        @Nullable LinkPreviewOptions linkPreview,
        @Nullable ReplyMarkup markup,
        @Nullable Media media,
        boolean replyKeyboard,
        String hash,
        @Nullable InvoiceMessage invoice,
        @Nullable String game,
        @Nullable PollMessage poll,
        @Nullable AlbumMessages album) {

    /**
     * The album a window shows above its message: its items as sent (an upload Telegram knows by now as its file_id),
     * the items as the window gave them, and a hash of the files they are.
     */
    record AlbumMessages(List<Media> items, List<Media> given, String mediaHash) {}

    /** What a poll window's message shows, as {@code sendPoll} takes it. */
    record PollMessage(
            String question, List<String> options, boolean quiz, int correctOption, boolean multipleAnswers) {}

    /** What an invoice window's message shows, as {@code sendInvoice} takes it. */
    record InvoiceMessage(
            String title,
            String description,
            String payload,
            String currency,
            List<LabeledPrice> prices,
            @Nullable String providerToken,
            @Nullable String photoUrl,
            List<Invoice.Need> needs,
            boolean flexible) {}

    String kind() {
        return invoice != null
                ? "invoice"
                : game != null ? "game" : poll != null ? "poll" : media == null ? "text" : media.kind();
    }
}
