package dev.tgdialog.internal.engine;

import dev.tgdialog.payments.Invoice;
import dev.tgdialog.spi.Media;
import dev.tgdialog.telegram.types.LabeledPrice;
import dev.tgdialog.telegram.types.LinkPreviewOptions;
import dev.tgdialog.telegram.types.ReplyMarkup;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A window rendered for one update: what a message must show, and a hash of it. */
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
        @Nullable PollMessage poll) {

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
