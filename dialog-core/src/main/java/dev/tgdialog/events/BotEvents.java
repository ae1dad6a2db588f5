package dev.tgdialog.events;

/**
 * Listens to what a bot does: updates handled, Bot API calls, refused clicks, dialogs started and finished, stack
 * store calls and errors. Every method does nothing by default, so a listener overrides only what it needs, and an
 * event added later breaks no listener. Register one with {@code DialogBot.Builder.events(listener)}, which also hands
 * it to the bot's {@code TelegramClient}; a client used without a bot takes one with
 * {@code TelegramClient.Builder.events(listener)}.
 *
 * <p>Methods are called on the thread where the thing happened (a handler thread, a store's or HTTP library's
 * thread), often concurrently: an implementation must be thread-safe and quick, and should not block. One that throws
 * is logged once and otherwise ignored; it never fails an update. Events carry names, outcomes and durations only:
 * never the bot token, and no user or chat id. Durations are in nanoseconds on the bot's {@code TimeSource} (a test's
 * fake time measures fake time).
 *
 * <pre>{@code
 * DialogBot bot = DialogBot.builder(telegram)
 *     .events(new BotEvents() {
 *         public void clickRejected(ClickRejection reason) {
 *             log.info("click refused: {}", reason);
 *         }
 *     })
 *     .build();
 * }</pre>
 */
public interface BotEvents {

    /** The listener that listens to nothing, the default: with it the bot measures nothing. */
    BotEvents NONE = new BotEvents() {
        @Override
        public String toString() {
            return "BotEvents.NONE";
        }
    };

    /**
     * An update reached the bot.
     *
     * @param kind its kind as {@code allowed_updates} names it ({@code "message"}, {@code "callback_query"}, …; see
     *     {@code UpdateKinds.of}), {@code "unknown"} for a kind newer than the model
     */
    default void updateReceived(String kind) {}

    /**
     * The bot is done with an update: intake may acknowledge it, or (when {@link UpdateOutcome#FAILED}) leaves it
     * for Telegram to deliver again.
     *
     * @param kind its kind, as in {@link #updateReceived}
     * @param outcome how it ended
     * @param nanos how long it took, from its arrival until then (sends queued behind a flood wait not included)
     */
    default void updateHandled(String kind, UpdateOutcome outcome, long nanos) {}

    /**
     * One HTTP request of a Bot API call was answered or failed: a call that is repeated reports each request.
     *
     * @param method the Bot API method ({@code "sendMessage"}), as the call names itself
     * @param outcome how the request ended
     * @param errorCode the error code of an {@link CallOutcome#ERROR} (Telegram's {@code error_code}, else the HTTP
     *     status), 0 otherwise
     * @param nanos how long the request took, from sending it to reading its answer
     */
    default void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {}

    /**
     * Telegram answered a call with 429 Too Many Requests (it is also reported to {@link #apiCall} as an error 429).
     *
     * @param method the Bot API method
     * @param retryAfterSeconds how long Telegram asked to wait ({@code retry_after}), in seconds; 1 when it named no
     *     wait, the second the client then waits
     */
    default void rateLimited(String method, long retryAfterSeconds) {}

    /**
     * The engine refused a click on one of its buttons; the click was answered with a toast.
     *
     * @param reason why
     */
    default void clickRejected(ClickRejection reason) {}

    /**
     * A dialog was opened in a user's stack, reported once the update that opened it was saved.
     *
     * @param dialogId the id of the dialog, one of the bot's registered dialogs
     */
    default void dialogStarted(String dialogId) {}

    /**
     * A dialog finished ({@code Transition.done}), reported once the update was saved. Dialogs closed because a
     * dialog was started with {@code StartMode.RESET_STACK} are not reported as finished.
     *
     * @param dialogId the id of the dialog, one of the bot's registered dialogs
     */
    default void dialogFinished(String dialogId) {}

    /**
     * The engine read or wrote a stack in its store.
     *
     * @param operation which call
     * @param outcome how it ended
     * @param nanos how long it took, until the store answered
     */
    default void storeCall(StoreOperation operation, StoreOutcome outcome, long nanos) {}

    /**
     * Something failed while the bot handled an update: an author's handler, a Telegram call the update needed, or
     * the stack store. What the user saw and whether the update is delivered again are as without a listener.
     *
     * @param kind where the error came from
     * @param error what was thrown (a Telegram failure holds no piece of the token)
     */
    default void error(ErrorKind kind, Throwable error) {}
}
