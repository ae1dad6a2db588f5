package dev.tgdialog;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a handler sees of the update being handled and of the dialog it runs in. Valid only while the handler runs;
 * not thread-safe.
 */
public interface DialogContext {

    /** The update being handled (a synthetic one for background calls, with update id 0). */
    Update update();

    /** Who sent the update, when it came from a user. */
    @Nullable
    User user();

    /**
     * The language to speak to the user in: the one they {@linkplain #pickLanguage picked} in the bot, else the one
     * their Telegram app reports ({@code language_code}, such as {@code de} or {@code pt-br}); for a background
     * action, which comes with no user, the one they picked or their app's as last seen. Empty when unknown. Texts,
     * command lists and widgets read the user's language here.
     */
    Optional<Locale> language();

    /**
     * Keeps {@code language} as the language the user picked, for every dialog, chat and later update, and for this
     * update's render already; {@code null} goes back to their app's language. Stored per user beside the stacks
     * (it outlives dialogs; {@link DialogBot#forgetUser} deletes it): the way a settings dialog switches language.
     *
     * @throws IllegalStateException when the update came from no user
     * @throws dev.tgdialog.store.StackStoreException when the store cannot be reached
     */
    void pickLanguage(@Nullable Locale language);

    /**
     * The value this user keeps under {@code key} across dialogs, chats and restarts (a setting, a preference), or
     * empty when none was {@linkplain #saveUserValue saved}. Kept in the stack store beside their language: in Redis
     * when the stacks are, one read when asked.
     *
     * @throws IllegalStateException when the update came from no user, or the value kept no longer reads as the key's
     *     type
     * @throws dev.tgdialog.store.StackStoreException when the store cannot be reached
     */
    <T> Optional<T> userValue(Key<T> key);

    /**
     * Keeps {@code value} for this user under {@code key} ({@code null} removes it), for every dialog, chat and later
     * update, and for background actions ({@link DialogBot#forUser}); {@link DialogBot#forgetUser} deletes it. Unlike
     * dialog data ({@code Transition.with}) it is written at once, as {@link #pickLanguage} is.
     *
     * @throws IllegalStateException when the update came from no user
     * @throws dev.tgdialog.store.StackStoreException when the store cannot be reached
     */
    <T> void saveUserValue(Key<T> key, @Nullable T value);

    /** The chat the update came from, when it names one (a background call has only {@link #chatId()}). */
    @Nullable
    Chat chat();

    /** The id of the chat the update belongs to. */
    long chatId();

    /**
     * The id of the user the update came from; for a background action ({@link DialogBot#forUser}), the user it was
     * started for; 0 when none.
     */
    long userId();

    /** The id of the dialog this handler runs in, or null when no dialog is open. */
    @Nullable
    String dialogId();

    /** The window showing in that dialog, or null when no dialog is open. */
    @Nullable
    String windowId();

    /** The id of the dialog this one was started from (its parent in the stack), or null for a root dialog. */
    @Nullable
    String parentDialogId();

    /**
     * The value of {@code key}: one a {@link Getter} provided for this render or handler (the getters run on the
     * first such call), else the dialog's data; null when neither has it.
     */
    <T> @Nullable T get(Key<T> key);

    /** {@link #get(Key)}, or {@code fallback} when there is no value. */
    default <T> T get(Key<T> key, T fallback) {
        T value = get(key);
        return value != null ? value : fallback;
    }

    /**
     * The value of {@code key} as {@link #get(Key)} finds it, for a value the dialog cannot go on without.
     *
     * @throws IllegalStateException naming the key, the dialog and the window, when there is no value
     */
    default <T> T require(Key<T> key) {
        T value = get(key);
        if (value == null) {
            throw new IllegalStateException(
                    "no value for key \"" + key.name() + "\" (" + key.type().getTypeName()
                            + ") in dialog " + dialogId() + ", window " + windowId()
                            + ": no getter provided it and the dialog's data does not hold it");
        }
        return value;
    }

    /**
     * The parse mode of the window showing ({@code HTML}, {@code MarkdownV2}, {@code Markdown}), or null for plain
     * text: the mode values put into its text are escaped for. A context that wraps another must forward it.
     */
    default @Nullable String parseMode() {
        return null;
    }

    /**
     * A value of another widget's state in the current window's dialog, for example the page a scrolling group
     * shows, so a getter can load only that page; null when unset.
     */
    <T> @Nullable T widgetState(String widgetId, Key<T> key);

    /** The input the dialog was started with, read as {@code type}; null when it was started without one. */
    <T> @Nullable T input(Class<T> type);

    /**
     * Sends {@code text} to the chat (in the update's forum topic, if any) as a plain message of its own, for a help
     * text, a notice or a link: after the handler returns and before the window shows, so the window stays the
     * newest message, in order with the bot's other calls to the chat (waiting out a flood wait with them). Not sent
     * when the handler fails. Text past Telegram's 4096 characters is cut, with an ellipsis.
     */
    void send(String text);

    /**
     * {@code dialog}'s first window (the dialog started with {@code input}) as the message of an inline result
     * ({@link dev.tgdialog.inline.Results#article(String, String, dev.tgdialog.inline.InlineDialogMessage)}). Each
     * message sent with it runs the dialog of its own, kept under the inline message and shared by everyone who sees
     * it: anyone may click, every click is answered, and its windows are edited in place. Its windows show text and
     * inline buttons only. The dialog must be registered.
     */
    dev.tgdialog.inline.InlineDialogMessage inlineDialog(Dialog dialog, @Nullable Object input);

    /**
     * A link to {@code invoice} that anyone can pay anywhere (a Stars subscription is sold this way): made with
     * {@code createInvoiceLink}, its prices read in this context. Its pre-checkout and payment come with
     * {@code payload}, and reach the handlers {@link DialogBot.Builder#invoiceLinks} declared for a prefix of it, not a
     * dialog. The invoice's own {@code onPreCheckout} and {@code onPaid} are not used.
     *
     * @throws IllegalArgumentException when the invoice or the payload (1–128 bytes) is not one Telegram takes
     */
    String invoiceLink(dev.tgdialog.payments.Invoice invoice, String payload);

    /**
     * Refunds a payment in Telegram Stars of the user this update came from ({@code refundStarPayment}).
     *
     * @throws dev.tgdialog.telegram.TelegramException when Telegram refuses (an unknown or refunded charge)
     */
    void refundStars(String telegramPaymentChargeId);

    /** Answers the click with a short notice at the top of the chat. */
    void toast(String text);

    /** Answers the click with a dialog box the user must close. */
    void alert(String text);

    /** The Bot API client, for calls of the handler's own. */
    TelegramClient telegram();

    /** The bot's clock (a test's fake clock under the harness). */
    Clock clock();
}
