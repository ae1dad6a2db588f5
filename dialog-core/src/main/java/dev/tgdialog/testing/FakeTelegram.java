package dev.tgdialog.testing;

import com.google.gson.JsonObject;
import dev.tgdialog.BotProfile;
import dev.tgdialog.TimeSource;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.Transport;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Bot API for tests: it answers at the {@link Transport} boundary (or as an OkHttp interceptor, or
 * as an HTTP server on loopback: {@link #serve()}), so the real {@link TelegramClient}'s JSON encoding, multipart
 * uploads and error parsing all run. It keeps each chat's messages (telling an edit from a
 * send, applying deletes), records answered callback queries and every call, and refuses what Telegram refuses,
 * with Telegram's error codes and descriptions.
 *
 * <pre>{@code
 * FakeTelegram telegram = new FakeTelegram();
 * TelegramClient client = telegram.client(new FakeTime());
 * client.execute(SendMessage.of(42, "Hello"));
 * telegram.lastMessage(42).orElseThrow().text(); // "Hello"
 * }</pre>
 *
 * <p>The bot is user {@value #BOT_ID}, "Test Bot", {@code @tgdialog_test_bot}, with token {@value #TOKEN}. A
 * positive chat id is a private chat, a negative one a supergroup.
 *
 * <p>Methods with state: {@code getMe}, {@code sendMessage}, {@code sendPhoto}, {@code sendDocument},
 * {@code sendVideo}, {@code sendAnimation}, {@code sendAudio}, {@code editMessageText},
 * {@code editMessageCaption}, {@code editMessageMedia}, {@code editMessageReplyMarkup}, {@code deleteMessage},
 * {@code deleteMessages}, {@code answerCallbackQuery}, {@code sendChatAction}, {@code setMyCommands},
 * {@code getMyCommands}, {@code deleteMyCommands}, {@code setChatMenuButton}, {@code getChatMenuButton},
 * {@code setMyName}, {@code getMyName}, {@code setMyDescription}, {@code getMyDescription},
 * {@code setMyShortDescription}, {@code getMyShortDescription}, {@code sendSticker}, {@code sendInvoice},
 * {@code createInvoiceLink}, {@code answerPreCheckoutQuery}, {@code refundStarPayment}, {@code sendGame},
 * {@code setGameScore}, {@code getGameHighScores} and {@code answerInlineQuery}, with edits of messages sent through
 * inline mode by their {@code inline_message_id}. Any
 * other method of the Bot API whose result is {@code Boolean} is answered {@code true} once its required
 * parameters are present; any other method of the Bot API is refused with 400
 * {@code "Bad Request: method not supported by FakeTelegram: <method>"}, and a name that is no method at all
 * with 404 {@code Not Found}, as Telegram does. Method names are matched case-insensitively, as Telegram does.
 *
 * <p>Texts and captions are parsed by their {@code parse_mode} (HTML, MarkdownV2 or Markdown) as the Bot API server
 * parses them, and the limits of {@link Limits} apply to the text after entity parsing, in UTF-16 units.
 *
 * <p>Refusals, as Telegram words them: an empty text ({@code message text is empty}), broken markup
 * ({@code can't parse entities: …} with the server's description, for example
 * {@code Can't find end tag corresponding to start tag "b"}, {@code Unsupported start tag "foo" at byte offset 0}
 * or {@code Character '.' is reserved and must be escaped with the preceding '\'}), a visible text over
 * {@value Limits#MESSAGE_TEXT} UTF-16 units ({@code message is too long}), a visible caption over
 * {@value Limits#CAPTION} ({@code message caption is too long}), callback data over
 * {@value Limits#CALLBACK_DATA_BYTES} UTF-8 bytes ({@code BUTTON_DATA_INVALID}), an inline button with no action
 * ({@code text buttons are unallowed in the inline keyboard}; an empty {@code callback_data} counts as no action,
 * as in the Bot API server), an answer text over {@value Limits#CALLBACK_ANSWER_TEXT} characters
 * ({@code MESSAGE_TOO_LONG}), an edit that changes nothing ({@code message is not modified: …}), an edit or
 * delete of a message that is not there, {@code editMessageText} on a media message, an unknown or already
 * answered callback query or one answered more than {@link Limits#CALLBACK_QUERY_ANSWER_WINDOW} after it was
 * {@linkplain #registerCallbackQuery registered} ({@code query is too old and response timeout expired or query ID
 * is invalid}), and sends to a chat whose user {@linkplain #block blocked} the bot (403).
 *
 * <p>Where it differs from Telegram: a text of only whitespace counts as empty (Telegram trims more, for example
 * some invisible characters); links and custom emoji ids in markup are checked only where the server refuses them;
 * {@code entities} are kept for the "not modified" comparison but not checked.
 * Telegram's exact descriptions for these refusals are not documented, so the fake's own are used (always after
 * {@code "Bad Request: "}): an empty keyboard row ({@link #EMPTY_ROW}), a missing parameter other than
 * {@code chat_id}, {@code text} or a media field ({@code parameter "X" is required}), a body that is not JSON,
 * an invalid command ({@code BOT_COMMAND_INVALID}, {@code BOT_COMMAND_DESCRIPTION_INVALID}), a caption or media
 * edit of a text message ({@code there is no caption/media in the message to edit}), more than {@value Limits#DELETE_MESSAGES} ids to
 * {@code deleteMessages}, and an unknown chat action. A button with both {@code url} and {@code callback_data} is
 * accepted as a URL button, as the server does. Keyboard size limits (undocumented) are not checked. Inline
 * messages ({@code inline_message_id}) are not tracked: their edits answer {@code true}. File ids are not
 * checked: any {@code file_id} or URL is accepted and kept. A request the fake cannot make sense of at all is
 * answered 400 with a description naming the fake.
 *
 * <p>Thread-safe: every request and query runs under one lock.
 */
public final class FakeTelegram {

    /** The fake bot's user id. */
    public static final long BOT_ID = 1_000_000L;

    /** The fake bot's token; {@link #client} uses it, and requests with another token are answered 401. */
    public static final String TOKEN = "1000000:FAKE-TOKEN";

    /** The fake bot's username, without the {@code @}. */
    public static final String BOT_USERNAME = "tgdialog_test_bot";

    /**
     * The description (after {@code "Bad Request: "}) of the refusal of a keyboard with an empty row, followed by
     * the row's 1-based number; Telegram's own text for this is not documented.
     */
    public static final String EMPTY_ROW = "keyboard row is empty: row ";

    private final Object lock = new Object();
    private final User bot = User.builder(BOT_ID, true, "Test Bot")
            .username(BOT_USERNAME)
            .canJoinGroups(true)
            .canReadAllGroupMessages(false)
            .supportsInlineQueries(false)
            .build();

    // Everything below is guarded by lock.
    private final Chats chats;
    private final CallbackQueries queries;
    private final Invoices invoices;
    private final Games games;
    private final InlineQueries inline = new InlineQueries();
    private final Polls polls;
    private final BotSettings settings = new BotSettings();
    private final Dispatcher dispatcher;
    private final List<ApiCall> calls = new ArrayList<>();
    private final Map<String, Deque<Refusal>> failures = new HashMap<>();
    private final Transport transport = new FakeTransport(this);
    /** Not guarded by lock: listeners run after it is released, so one may query the fake. */
    private final List<Consumer<ApiCall>> callListeners = new CopyOnWriteArrayList<>();

    /** A fake Telegram whose messages are dated by a fresh {@link FakeTime}. */
    public FakeTelegram() {
        this(new FakeTime());
    }

    /** A fake Telegram whose messages are dated by this time source. */
    public FakeTelegram(TimeSource time) {
        Objects.requireNonNull(time, "time");
        this.chats = new Chats(bot, time);
        this.queries = new CallbackQueries(time);
        this.invoices = new Invoices(chats, time);
        this.games = new Games(chats);
        this.polls = new Polls(chats);
        this.dispatcher = new Dispatcher(bot, chats, queries, settings, invoices, games, inline, polls);
    }

    /** The fake bot, as {@code getMe} answers it. */
    public User bot() {
        return bot;
    }

    /**
     * A {@link Transport} that answers every Bot API request in process, without the network and without any HTTP
     * library: {@code TelegramClient.builder(FakeTelegram.TOKEN).transport(telegram.transport())}. A call answers on
     * the calling thread; an async one on a thread of the fake's own.
     */
    public Transport transport() {
        return transport;
    }

    /**
     * An OkHttp application interceptor that answers every Bot API request itself, without the network. Add it
     * with {@code OkHttpClient.Builder.addInterceptor} (not as a network interceptor).
     */
    public Interceptor interceptor() {
        return OkHttpFake.interceptor(transport);
    }

    /**
     * Serves this fake as a Bot API on an HTTP server on loopback (the JDK's own), for a client on any transport:
     * {@code TelegramClient.builder(FakeTelegram.TOKEN).baseUrl(server.baseUrl())}. Close it when done.
     */
    public LoopbackServer serve() {
        return LoopbackServer.start(transport);
    }

    /**
     * A client for the fake bot wired to this fake at the {@link #transport()} boundary, retrying and pacing on
     * {@code time} (the default {@link dev.tgdialog.telegram.RetryPolicy}), so a test passes a {@link FakeTime} and
     * never sleeps.
     */
    public TelegramClient client(TimeSource time) {
        return TelegramClient.builder(TOKEN)
                .transport(transport)
                .timeSource(time)
                .build();
    }

    /**
     * Calls {@code listener} with every request recorded in {@link #calls()}, once the fake has answered it, on the
     * thread that made the request (outside the fake's lock, so the listener may read the fake). For a view that
     * follows the chats live, such as a browser page, rather than for assertions.
     */
    public void onCall(Consumer<ApiCall> listener) {
        callListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---------------------------------------------------------------------------------------------- test controls

    /** From now on, sends to this chat fail with 403 {@code Forbidden: bot was blocked by the user}. */
    public void block(long chatId) {
        synchronized (lock) {
            chats.block(chatId);
        }
    }

    /** Lets sends to this chat through again. */
    public void unblock(long chatId) {
        synchronized (lock) {
            chats.unblock(chatId);
        }
    }

    /**
     * Makes the next call of {@code method} fail with this error instead of running; calls queue one failure
     * each, in order.
     */
    public void failNext(String method, int code, String description) {
        enqueueFailure(method, code, description, null);
    }

    /**
     * Makes the next call of {@code method} fail with this error and {@code parameters.retry_after}, as a 429
     * does: {@code failNext("sendMessage", 429, "Too Many Requests: retry after 3", 3)}.
     */
    public void failNext(String method, int code, String description, long retryAfter) {
        enqueueFailure(method, code, description, retryAfter);
    }

    private void enqueueFailure(String method, int code, String description, @Nullable Long retryAfter) {
        Objects.requireNonNull(method, "method");
        Refusal failure = new Refusal(code, Objects.requireNonNull(description, "description"), retryAfter);
        synchronized (lock) {
            failures.computeIfAbsent(BotApiSpec.canonicalName(method), m -> new ArrayDeque<>())
                    .add(failure);
        }
    }

    /**
     * Opens a callback query with this id, as Telegram does when a user presses a callback button: it may then
     * be answered once, within {@link Limits#CALLBACK_QUERY_ANSWER_WINDOW} of now on this fake's time source. The
     * harness calls this when it makes a {@code callback_query} update.
     */
    public void registerCallbackQuery(String queryId) {
        Objects.requireNonNull(queryId, "queryId");
        synchronized (lock) {
            queries.open(queryId);
        }
    }

    /**
     * Opens a pre-checkout query, which the bot must answer within Telegram's 10 seconds; the harness calls this when
     * it makes a {@code pre_checkout_query} update ({@link FakeUser#pay}).
     */
    public void registerPreCheckoutQuery(String queryId) {
        Objects.requireNonNull(queryId, "queryId");
        synchronized (lock) {
            invoices.open(queryId);
        }
    }

    /** The invoice a message shows, if it is one the bot sent with {@code sendInvoice}. */
    public Optional<FakeInvoice> invoice(FakeMessage message) {
        synchronized (lock) {
            return invoices.of(message);
        }
    }

    /** The bot's answer to a pre-checkout query, once it gave one. */
    public Optional<PreCheckoutAnswer> preCheckoutAnswer(String queryId) {
        synchronized (lock) {
            return Optional.ofNullable(invoices.answerTo(queryId));
        }
    }

    /** Notes a user who pressed Play, so the high-score table names them; {@link FakeUser#play} calls it. */
    void player(User user) {
        synchronized (lock) {
            games.player(user);
        }
    }

    /** Opens an inline query, which the bot answers once; {@link FakeUser#inlineQuery} calls it. */
    public void registerInlineQuery(String queryId, String query) {
        synchronized (lock) {
            inline.open(queryId, query);
        }
    }

    /** The id of the poll a message of the bot shows, if it is one ({@code sendPoll}). */
    public Optional<String> pollId(FakeMessage message) {
        synchronized (lock) {
            return Optional.ofNullable(polls.pollId(message));
        }
    }

    /** A message a user sent through inline mode with the bot's buttons, as it shows now (edits applied). */
    public Optional<FakeMessage> inlineMessage(String inlineMessageId) {
        synchronized (lock) {
            return Optional.ofNullable(inline.message(inlineMessageId));
        }
    }

    /** Puts a message sent through inline mode into the fake, as choosing a result with buttons does. */
    void sentInline(String inlineMessageId, String text, @Nullable InlineKeyboardMarkup markup) {
        synchronized (lock) {
            inline.sent(inlineMessageId, text, markup);
        }
    }

    /** The bot's answer to an inline query, once it gave one. */
    public Optional<InlineResults> inlineAnswer(String queryId) {
        synchronized (lock) {
            return Optional.ofNullable(inline.answerTo(queryId));
        }
    }

    /** The invoice behind a link the bot made with {@code createInvoiceLink}. */
    public Optional<FakeInvoice> invoiceLink(String link) {
        synchronized (lock) {
            return invoices.link(link);
        }
    }

    /** Whether the bot refunded this charge ({@code refundStarPayment}). */
    public boolean refunded(String telegramPaymentChargeId) {
        synchronized (lock) {
            return invoices.refunded(telegramPaymentChargeId);
        }
    }

    /** Notes a Stars payment that went through, which the bot may then refund; {@link FakeUser#pay} calls it. */
    void charged(String chargeId, long userId) {
        synchronized (lock) {
            invoices.charged(chargeId, userId);
        }
    }

    /** Every pre-checkout answer the fake accepted, in order. */
    public List<PreCheckoutAnswer> preCheckoutAnswers() {
        synchronized (lock) {
            return invoices.answers();
        }
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** The chat's current messages, deletes applied, oldest first. */
    public List<FakeMessage> messages(long chatId) {
        synchronized (lock) {
            return chats.messages(chatId);
        }
    }

    /** The chat's newest current message. */
    public Optional<FakeMessage> lastMessage(long chatId) {
        List<FakeMessage> all = messages(chatId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Everything the bot did to the chat's messages, in order. */
    public List<ChatEvent> history(long chatId) {
        synchronized (lock) {
            return chats.history(chatId);
        }
    }

    /** The accepted answers to callback queries, in order. */
    public List<CallbackAnswer> callbackAnswers() {
        synchronized (lock) {
            return queries.answers();
        }
    }

    /**
     * Every request for the fake bot that reached this fake, in order, including refused and failed ones (but not
     * requests with another token).
     */
    public List<ApiCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** How many requests of this method reached this fake, including refused and failed ones. */
    public int callCount(String method) {
        String name = BotApiSpec.canonicalName(method);
        synchronized (lock) {
            return (int) calls.stream().filter(c -> c.method().equals(name)).count();
        }
    }

    /** The id the next message sent to this chat will get. */
    public long nextMessageId(long chatId) {
        synchronized (lock) {
            return chats.nextMessageId(chatId);
        }
    }

    /**
     * The commands set for this scope and language with {@code setMyCommands} (exactly that pair; no fallback
     * to other scopes); empty when none are set.
     */
    public List<BotCommand> commands(BotCommandScope scope, @Nullable String languageCode) {
        Objects.requireNonNull(scope, "scope");
        synchronized (lock) {
            return settings.commands(scope, languageCode);
        }
    }

    /**
     * Every command list set with {@code setMyCommands} and not deleted, as a pretty-printed JSON array of
     * {@code {"scope": …, "language_code": …, "commands": [{"command": …, "description": …}]}} in the order the lists
     * were first set ({@code language_code} left out for the list of no language): for a golden-file test.
     */
    public String commandsJson() {
        synchronized (lock) {
            return settings.commandsJson();
        }
    }

    /**
     * The menu button set with {@code setChatMenuButton} for this chat, or the bot's default one for
     * {@code null}; empty when none was set.
     */
    public Optional<MenuButton> menuButton(@Nullable Long chatId) {
        synchronized (lock) {
            return Optional.ofNullable(settings.menuButton(chatId));
        }
    }

    /**
     * The bot's name, description and short description as set with {@code setMyName}, {@code setMyDescription} and
     * {@code setMyShortDescription}, each by the language it was set for ({@code ""}: no language); a text removed
     * (set to {@code ""}) or never set is absent.
     */
    public BotProfile profile() {
        synchronized (lock) {
            return settings.profile();
        }
    }

    // ------------------------------------------------------------------------------------------------ a request

    /** Answers one request as Telegram would; every transport view of the fake comes here. */
    Transport.Response answer(Transport.Request request) {
        List<ApiCall> recorded = new ArrayList<>(1);
        Transport.Response response = Replies.response(reply(request, recorded));
        for (ApiCall call : recorded) {
            callListeners.forEach(listener -> listener.accept(call));
        }
        return response;
    }

    /** Reads the request, records it (also into {@code recorded}), and runs it (or the failure queued for it). */
    private JsonObject reply(Transport.Request request, List<ApiCall> recorded) {
        String requested;
        try {
            requested = RequestDecoder.method(request, TOKEN);
        } catch (Refusal r) {
            return Replies.error(r);
        }
        BotApiSpec.Method method = BotApiSpec.lookup(requested);
        String name = method != null ? method.name() : requested;
        Params params;
        try {
            params = RequestDecoder.params(request);
        } catch (Refusal r) {
            ApiCall call = new ApiCall(name, "{}");
            recorded.add(call);
            synchronized (lock) {
                calls.add(call);
            }
            return Replies.error(r);
        }
        synchronized (lock) {
            ApiCall call = new ApiCall(name, params.recorded());
            recorded.add(call);
            calls.add(call);
            Deque<Refusal> queued = failures.get(name);
            Refusal failure = queued == null ? null : queued.poll();
            return failure != null ? Replies.error(failure) : dispatcher.handle(method, params);
        }
    }
}
