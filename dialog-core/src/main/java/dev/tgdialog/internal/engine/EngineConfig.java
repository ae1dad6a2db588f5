package dev.tgdialog.internal.engine;

import dev.tgdialog.CommandHandler;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogHandler;
import dev.tgdialog.ErrorHandler;
import dev.tgdialog.TimeSource;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.telegram.TelegramClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** Everything the engine runs with, as assembled by {@code DialogBot.Builder}. */
public record EngineConfig(
        TelegramClient telegram,
        long botId,
        @Nullable String botUsername,
        StackStore store,
        UpdateIsolation isolation,
        Executor executor,
        TimeSource time,
        Map<String, Dialog> dialogs,
        Map<String, CommandHandler> commands,
        @Nullable DialogHandler onMessage,
        @Nullable DialogHandler onCallback,
        @Nullable DialogHandler onUpdate,
        List<ErrorRoute<?>> errorHandlers,
        String staleToast,
        String notYoursToast,
        String unavailableToast,
        boolean sharedGroupStacks,
        int maxDepth,
        @Nullable Dialog rootDialog,
        String resetMessage,
        boolean parallelAnswers,
        Map<String, TypedResult<?>> rootResults,
        java.time.Duration checkoutBudget,
        String checkoutTimeoutText,
        String closedInvoiceText,
        dev.tgdialog.payments.@Nullable PaymentHandler onPayment,
        Map<String, InvoiceLinkRoute> invoiceLinks,
        @Nullable InlineRoute inline,
        dev.tgdialog.inline.@Nullable ChosenResultHandler onChosenResult,
        java.util.function.@Nullable Predicate<dev.tgdialog.DialogContext> inlineAccess,
        java.time.Duration albumWait,
        List<java.util.function.Consumer<dev.tgdialog.Step>> stepListeners,
        dev.tgdialog.events.BotEvents events) {

    /** The inline query handler and its page size. */
    public record InlineRoute(int pageSize, dev.tgdialog.inline.InlineHandler handler) {}

    /** The handlers of the invoice links whose payload starts with a prefix. */
    public record InvoiceLinkRoute(
            dev.tgdialog.payments.@Nullable PreCheckoutHandler check, dev.tgdialog.payments.PaymentHandler paid) {}

    /** The route of the longest prefix of {@code payload}, or null. */
    public @Nullable InvoiceLinkRoute invoiceLink(String payload) {
        InvoiceLinkRoute best = null;
        int length = -1;
        for (Map.Entry<String, InvoiceLinkRoute> e : invoiceLinks.entrySet()) {
            if (payload.startsWith(e.getKey()) && e.getKey().length() > length) {
                best = e.getValue();
                length = e.getKey().length();
            }
        }
        return best;
    }

    /** An error handler with the exception type it takes. */
    public record ErrorRoute<E extends Throwable>(Class<E> type, ErrorHandler<E> handler) {}
}
