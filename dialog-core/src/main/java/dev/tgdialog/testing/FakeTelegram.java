package dev.tgdialog.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import dev.tgdialog.TimeSource;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.internal.text.Markup;
import dev.tgdialog.internal.text.MarkupException;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.Animation;
import dev.tgdialog.telegram.types.Audio;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.Document;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.PhotoSize;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ReplyMarkup;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.telegram.types.Video;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Bot API for tests: it answers at the OkHttp boundary, so the real {@link TelegramClient}'s JSON
 * encoding, multipart uploads and error parsing all run. It keeps each chat's messages (telling an edit from a
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
 * {@code getMyCommands}, {@code deleteMyCommands}, {@code setChatMenuButton} and {@code getChatMenuButton}. Any
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
 * edit of a text message ({@code there is no caption/media in the message to edit}), more than 100 ids to
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

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Gson GSON = Json.gson();
    private static final Pattern PART_NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern PART_FILE = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1," + Limits.COMMAND_NAME + "}");
    private static final Set<String> MEDIA_KINDS = Set.of("photo", "document", "video", "animation", "audio");
    private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");
    private static final Set<String> CHAT_ACTIONS = Set.of(
            "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
            "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note");
    private static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content"
            + " and reply markup are exactly the same as a current content and reply markup of the message";
    private static final String QUERY_TOO_OLD =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private final Object lock = new Object();
    private final TimeSource time;
    private final User bot = User.builder(BOT_ID, true, "Test Bot")
            .username(BOT_USERNAME)
            .canJoinGroups(true)
            .canReadAllGroupMessages(false)
            .supportsInlineQueries(false)
            .build();

    // Everything below is guarded by lock.
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<String, Instant> openQueries = new HashMap<>();
    private final List<CallbackAnswer> answers = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, List<BotCommand>> commands = new HashMap<>();
    private final Map<Long, MenuButton> chatMenuButtons = new HashMap<>();
    private @Nullable MenuButton defaultMenuButton;
    private long files;
    private @Nullable OkHttpClient http;

    /** A fake Telegram whose messages are dated by a fresh {@link FakeTime}. */
    public FakeTelegram() {
        this(new FakeTime());
    }

    /** A fake Telegram whose messages are dated by this time source. */
    public FakeTelegram(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    /** The fake bot, as {@code getMe} answers it. */
    public User bot() {
        return bot;
    }

    /**
     * An OkHttp application interceptor that answers every Bot API request itself, without the network. Add it
     * with {@code OkHttpClient.Builder.addInterceptor} (not as a network interceptor).
     */
    public Interceptor interceptor() {
        return chain -> answer(chain.request());
    }

    /**
     * A client for the fake bot wired to this fake, retrying and pacing on {@code time} (the default
     * {@link dev.tgdialog.telegram.RetryPolicy}), so a test passes a {@link FakeTime} and never sleeps.
     */
    public TelegramClient client(TimeSource time) {
        OkHttpClient shared;
        synchronized (lock) {
            if (http == null) {
                http = new OkHttpClient.Builder().addInterceptor(interceptor()).build();
            }
            shared = http;
        }
        return TelegramClient.builder(TOKEN).okHttpClient(shared).timeSource(time).build();
    }

    // ---------------------------------------------------------------------------------------------- test controls

    /** From now on, sends to this chat fail with 403 {@code Forbidden: bot was blocked by the user}. */
    public void block(long chatId) {
        synchronized (lock) {
            blocked.add(chatId);
        }
    }

    /** Lets sends to this chat through again. */
    public void unblock(long chatId) {
        synchronized (lock) {
            blocked.remove(chatId);
        }
    }

    /**
     * Makes the next call of {@code method} fail with this error instead of running; calls queue one failure
     * each, in order.
     */
    public void failNext(String method, int code, String description) {
        enqueueFailure(method, new Failure(code, description, null));
    }

    /**
     * Makes the next call of {@code method} fail with this error and {@code parameters.retry_after}, as a 429
     * does: {@code failNext("sendMessage", 429, "Too Many Requests: retry after 3", 3)}.
     */
    public void failNext(String method, int code, String description, long retryAfter) {
        enqueueFailure(method, new Failure(code, description, retryAfter));
    }

    private void enqueueFailure(String method, Failure failure) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(failure.description(), "description");
        synchronized (lock) {
            failures.computeIfAbsent(canonicalName(method), m -> new ArrayDeque<>()).add(failure);
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
            openQueries.put(queryId, time.now());
        }
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** The chat's current messages, deletes applied, oldest first. */
    public List<FakeMessage> messages(long chatId) {
        synchronized (lock) {
            ChatState chat = chats.get(chatId);
            if (chat == null) {
                return List.of();
            }
            return chat.messages.values().stream().map(Stored::view).toList();
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
            ChatState chat = chats.get(chatId);
            return chat == null ? List.of() : List.copyOf(chat.history);
        }
    }

    /** The accepted answers to callback queries, in order. */
    public List<CallbackAnswer> callbackAnswers() {
        synchronized (lock) {
            return List.copyOf(answers);
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
        String name = canonicalName(method);
        synchronized (lock) {
            return (int) calls.stream().filter(c -> c.method().equals(name)).count();
        }
    }

    /** The id the next message sent to this chat will get. */
    public long nextMessageId(long chatId) {
        synchronized (lock) {
            ChatState chat = chats.get(chatId);
            return chat == null ? 1 : chat.nextId;
        }
    }

    /**
     * The commands set for this scope and language with {@code setMyCommands} (exactly that pair; no fallback
     * to other scopes); empty when none are set.
     */
    public List<BotCommand> commands(BotCommandScope scope, @Nullable String languageCode) {
        String key = commandsKey(GSON.toJsonTree(Objects.requireNonNull(scope, "scope"), BotCommandScope.class),
                languageCode);
        synchronized (lock) {
            return commands.getOrDefault(key, List.of());
        }
    }

    /**
     * The menu button set with {@code setChatMenuButton} for this chat, or the bot's default one for
     * {@code null}; empty when none was set.
     */
    public Optional<MenuButton> menuButton(@Nullable Long chatId) {
        synchronized (lock) {
            return Optional.ofNullable(chatId == null ? defaultMenuButton : chatMenuButtons.get(chatId));
        }
    }

    // --------------------------------------------------------------------------------------------- HTTP layer

    private Response answer(Request request) throws IOException {
        List<String> segments = request.url().pathSegments();
        int botSegment = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith("bot")) {
                botSegment = i;
                break;
            }
        }
        if (botSegment < 0 || botSegment == segments.size() - 1 || (botSegment > 0 && segments.get(0).equals("file"))) {
            return respond(request, error(404, "Not Found", null));
        }
        if (!segments.get(botSegment).equals("bot" + TOKEN)) {
            return respond(request, error(401, "Unauthorized", null));
        }
        String requested = segments.get(segments.size() - 1);
        MethodSpec spec = Spec.lookup(requested);
        String method = spec != null ? spec.name() : requested;
        Params params;
        try {
            params = Params.read(request);
        } catch (Refusal r) {
            synchronized (lock) {
                calls.add(new ApiCall(method, "{}"));
            }
            return respond(request, error(r.code, r.description, r.retryAfter));
        }
        JsonObject reply;
        synchronized (lock) {
            calls.add(new ApiCall(method, params.recorded()));
            reply = handle(method, spec, params);
        }
        return respond(request, reply);
    }

    private static Response respond(Request request, JsonObject reply) {
        int code = reply.get("ok").getAsBoolean() ? 200 : reply.get("error_code").getAsInt();
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message(code == 200 ? "OK" : "Error")
                .body(ResponseBody.create(GSON.toJson(reply), JSON))
                .build();
    }

    private static JsonObject ok(JsonElement result) {
        JsonObject reply = new JsonObject();
        reply.addProperty("ok", true);
        reply.add("result", result);
        return reply;
    }

    private static JsonObject error(int code, String description, @Nullable Long retryAfter) {
        JsonObject reply = new JsonObject();
        reply.addProperty("ok", false);
        reply.addProperty("error_code", code);
        reply.addProperty("description", description);
        if (retryAfter != null) {
            JsonObject parameters = new JsonObject();
            parameters.addProperty("retry_after", retryAfter);
            reply.add("parameters", parameters);
        }
        return reply;
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    /** Runs one call under the lock. */
    private JsonObject handle(String method, @Nullable MethodSpec spec, Params p) {
        Deque<Failure> queued = failures.get(method);
        if (queued != null && !queued.isEmpty()) {
            Failure f = queued.poll();
            return error(f.code(), f.description(), f.retryAfter());
        }
        if (spec == null) {
            return error(404, "Not Found", null);
        }
        try {
            checkRequired(spec, p);
            return ok(dispatch(spec, p));
        } catch (Refusal r) {
            return error(r.code, r.description, r.retryAfter);
        } catch (RuntimeException e) {
            // JSON of the right shape but the wrong types (a number where an object belongs, say).
            return error(400, "Bad Request: FakeTelegram could not read the " + spec.name() + " request: " + e, null);
        }
    }

    private JsonElement dispatch(MethodSpec spec, Params p) {
        String method = spec.name();
        switch (method) {
            case "getMe":
                return GSON.toJsonTree(bot);
            case "sendMessage":
                return sendMessage(p);
            case "sendPhoto":
            case "sendDocument":
            case "sendVideo":
            case "sendAnimation":
            case "sendAudio":
                return sendMedia(p, method.substring(4).toLowerCase(Locale.ROOT));
            case "editMessageText":
                return editText(p);
            case "editMessageCaption":
                return editCaption(p);
            case "editMessageMedia":
                return editMedia(p);
            case "editMessageReplyMarkup":
                return editReplyMarkup(p);
            case "deleteMessage":
                return deleteMessage(p);
            case "deleteMessages":
                return deleteMessages(p);
            case "answerCallbackQuery":
                return answerCallbackQuery(p);
            case "sendChatAction":
                return sendChatAction(p);
            case "setMyCommands":
                return setMyCommands(p);
            case "getMyCommands":
                return GSON.toJsonTree(commands.getOrDefault(commandsKey(p), List.of()));
            case "deleteMyCommands":
                commands.remove(commandsKey(p));
                return new JsonPrimitive(true);
            case "setChatMenuButton":
                return setChatMenuButton(p);
            case "getChatMenuButton":
                return getChatMenuButton(p);
            default:
                if (!spec.returnsBoolean()) {
                    throw badRequest("method not supported by FakeTelegram: " + method);
                }
                if (method.startsWith("send") && p.has("chat_id")) {
                    checkNotBlocked(chatId(p));
                }
                return new JsonPrimitive(true);
        }
    }

    private static void checkRequired(MethodSpec spec, Params p) {
        for (String field : spec.required()) {
            if (p.has(field)) {
                continue;
            }
            if (field.equals("chat_id")) {
                throw badRequest("chat_id is empty");
            } else if (field.equals("text")) {
                throw badRequest("message text is empty");
            } else if (MEDIA_KINDS.contains(field) || field.equals("sticker") || field.equals("voice")
                    || field.equals("video_note")) {
                throw badRequest("there is no " + field + " in the request");
            } else {
                throw badRequest("parameter \"" + field + "\" is required");
            }
        }
    }

    // --------------------------------------------------------------------------------------------------- sends

    private JsonElement sendMessage(Params p) {
        long chatId = chatId(p);
        String parseMode = parseMode(p);
        String text = checkText(p.string("text"), parseMode);
        ReplyMarkup markup = replyMarkup(p);
        checkNotBlocked(chatId);
        return GSON.toJsonTree(store(chatId, "text", text, null, markup, parseMode, p.raw("entities")));
    }

    private JsonElement sendMedia(Params p, String kind) {
        long chatId = chatId(p);
        String fileId = file(p, kind, p.element(kind), kind);
        String parseMode = parseMode(p);
        String caption = checkCaption(p.string("caption"), parseMode);
        ReplyMarkup markup = replyMarkup(p);
        checkNotBlocked(chatId);
        return GSON.toJsonTree(store(chatId, kind, caption, fileId, markup, parseMode, p.raw("caption_entities")));
    }

    private Message store(long chatId, String kind, @Nullable String text, @Nullable String fileId,
            @Nullable ReplyMarkup markup, @Nullable String parseMode, @Nullable String entities) {
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        long id = chat.nextId++;
        FakeMessage view = new FakeMessage(chatId, id, text, kind, fileId, rows(markup), markup, parseMode, false,
                time.now().getEpochSecond());
        Stored stored = new Stored(view, entities, null);
        chat.messages.put(id, stored);
        chat.history.add(new ChatEvent.Sent(view));
        return toMessage(stored);
    }

    private JsonElement sendChatAction(Params p) {
        long chatId = chatId(p);
        String action = p.string("action");
        if (action == null || !CHAT_ACTIONS.contains(action)) {
            throw badRequest("wrong parameter action in request");
        }
        checkNotBlocked(chatId);
        return new JsonPrimitive(true);
    }

    private void checkNotBlocked(long chatId) {
        if (blocked.contains(chatId)) {
            throw new Refusal(403, "Forbidden: bot was blocked by the user", null);
        }
    }

    // --------------------------------------------------------------------------------------------------- edits

    private JsonElement editText(Params p) {
        if (isInlineEdit(p)) {
            return new JsonPrimitive(true);
        }
        String parseMode = parseMode(p);
        String text = checkText(p.string("text"), parseMode);
        InlineKeyboardMarkup markup = inlineMarkup(p);
        Stored old = findToEdit(p);
        if (!old.view().kind().equals("text")) {
            throw badRequest("there is no text in the message to edit");
        }
        String entities = p.raw("entities");
        FakeMessage before = old.view();
        if (text.equals(before.text()) && Objects.equals(parseMode, before.parseMode())
                && Objects.equals(entities, old.entities()) && sameInline(before, markup)) {
            throw new Refusal(400, NOT_MODIFIED, null);
        }
        return edited(old, text, before.kind(), before.fileId(), afterEdit(before, markup), parseMode, entities);
    }

    private JsonElement editCaption(Params p) {
        if (isInlineEdit(p)) {
            return new JsonPrimitive(true);
        }
        String parseMode = parseMode(p);
        String caption = checkCaption(p.string("caption"), parseMode);
        InlineKeyboardMarkup markup = inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        if (before.kind().equals("text")) {
            throw badRequest("there is no caption in the message to edit");
        }
        String entities = p.raw("caption_entities");
        if (Objects.equals(caption, before.text()) && Objects.equals(parseMode, before.parseMode())
                && Objects.equals(entities, old.entities()) && sameInline(before, markup)) {
            throw new Refusal(400, NOT_MODIFIED, null);
        }
        return edited(old, caption, before.kind(), before.fileId(), afterEdit(before, markup), parseMode, entities);
    }

    private JsonElement editMedia(Params p) {
        if (isInlineEdit(p)) {
            return new JsonPrimitive(true);
        }
        JsonObject media = p.object("media");
        if (media == null) {
            throw badRequest("can't parse InputMedia JSON object");
        }
        String kind = media.get("type") instanceof JsonPrimitive t ? t.getAsString() : "";
        if (!MEDIA_KINDS.contains(kind)) {
            throw badRequest("unsupported media type: " + kind);
        }
        String fileId = file(p, "media", media.get("media"), kind);
        String parseMode = stringOf(media.get("parse_mode"));
        checkParseMode(parseMode);
        String caption = checkCaption(stringOf(media.get("caption")), parseMode);
        InlineKeyboardMarkup markup = inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        if (before.kind().equals("text")) {
            throw badRequest("there is no media in the message to edit");
        }
        JsonElement entitiesElement = media.get("caption_entities");
        String entities = entitiesElement == null || entitiesElement.isJsonNull() ? null : GSON.toJson(entitiesElement);
        if (kind.equals(before.kind()) && fileId.equals(before.fileId()) && Objects.equals(caption, before.text())
                && Objects.equals(parseMode, before.parseMode()) && Objects.equals(entities, old.entities())
                && sameInline(before, markup)) {
            throw new Refusal(400, NOT_MODIFIED, null);
        }
        return edited(old, caption, kind, fileId, afterEdit(before, markup), parseMode, entities);
    }

    private JsonElement editReplyMarkup(Params p) {
        if (isInlineEdit(p)) {
            return new JsonPrimitive(true);
        }
        InlineKeyboardMarkup markup = inlineMarkup(p);
        Stored old = findToEdit(p);
        FakeMessage before = old.view();
        if (sameInline(before, markup)) {
            throw new Refusal(400, NOT_MODIFIED, null);
        }
        return edited(old, before.text(), before.kind(), before.fileId(), afterEdit(before, markup),
                before.parseMode(), old.entities());
    }

    private JsonElement edited(Stored old, @Nullable String text, String kind, @Nullable String fileId,
            @Nullable ReplyMarkup markup, @Nullable String parseMode, @Nullable String entities) {
        FakeMessage before = old.view();
        FakeMessage after = new FakeMessage(before.chatId(), before.messageId(), text, kind, fileId, rows(markup),
                markup, parseMode, true, before.date());
        Stored stored = new Stored(after, entities, time.now().getEpochSecond());
        ChatState chat = Objects.requireNonNull(chats.get(before.chatId()), "the chat of a stored message");
        chat.messages.put(before.messageId(), stored);
        chat.history.add(new ChatEvent.Edited(before, after));
        return GSON.toJsonTree(toMessage(stored));
    }

    /** Edits set the inline keyboard; a reply keyboard sent with the message stays unless one is given. */
    private static @Nullable ReplyMarkup afterEdit(FakeMessage before, @Nullable InlineKeyboardMarkup markup) {
        if (markup != null) {
            return markup;
        }
        return before.replyMarkup() instanceof InlineKeyboardMarkup ? null : before.replyMarkup();
    }

    private static boolean sameInline(FakeMessage before, @Nullable InlineKeyboardMarkup markup) {
        return before.inlineKeyboard().equals(rows(markup));
    }

    private static boolean isInlineEdit(Params p) {
        return !p.has("chat_id") && p.has("inline_message_id");
    }

    private Stored findToEdit(Params p) {
        long chatId = chatId(p);
        long messageId = p.longValue("message_id");
        ChatState chat = chats.get(chatId);
        Stored stored = chat == null ? null : chat.messages.get(messageId);
        if (stored == null) {
            throw badRequest("message to edit not found");
        }
        return stored;
    }

    // ------------------------------------------------------------------------------------------------- deletes

    private JsonElement deleteMessage(Params p) {
        long chatId = chatId(p);
        long messageId = p.longValue("message_id");
        if (!delete(chatId, messageId)) {
            throw badRequest("message to delete not found");
        }
        return new JsonPrimitive(true);
    }

    private JsonElement deleteMessages(Params p) {
        long chatId = chatId(p);
        JsonElement ids = p.json("message_ids");
        if (ids == null || !ids.isJsonArray()) {
            throw badRequest("can't parse message identifiers JSON object");
        }
        JsonArray array = ids.getAsJsonArray();
        if (array.isEmpty() || array.size() > Limits.DELETE_MESSAGES) {
            throw badRequest("too many messages to delete: " + array.size() + " (1-" + Limits.DELETE_MESSAGES
                    + " allowed)");
        }
        for (JsonElement id : array) {
            delete(chatId, asLong(id, "message_ids"));
        }
        return new JsonPrimitive(true);
    }

    private boolean delete(long chatId, long messageId) {
        ChatState chat = chats.get(chatId);
        if (chat == null || chat.messages.remove(messageId) == null) {
            return false;
        }
        chat.history.add(new ChatEvent.Deleted(messageId));
        return true;
    }

    // ---------------------------------------------------------------------------------------- callback queries

    private JsonElement answerCallbackQuery(Params p) {
        String id = Objects.requireNonNull(p.string("callback_query_id"));
        String text = p.string("text");
        if (text != null && text.length() > Limits.CALLBACK_ANSWER_TEXT) {
            throw badRequest("MESSAGE_TOO_LONG");
        }
        Instant opened = openQueries.remove(id);
        if (opened == null
                || Duration.between(opened, time.now()).compareTo(Limits.CALLBACK_QUERY_ANSWER_WINDOW) > 0) {
            throw new Refusal(400, QUERY_TOO_OLD, null);
        }
        answers.add(new CallbackAnswer(id, text, p.bool("show_alert"), p.string("url")));
        return new JsonPrimitive(true);
    }

    // ----------------------------------------------------------------------------------- commands, menu button

    private JsonElement setMyCommands(Params p) {
        JsonElement json = p.json("commands");
        List<BotCommand> list;
        try {
            list = json == null || !json.isJsonArray() ? null
                    : GSON.fromJson(json, TypeToken.getParameterized(List.class, BotCommand.class).getType());
        } catch (JsonParseException e) {
            list = null;
        }
        if (list == null) {
            throw badRequest("can't parse commands JSON object");
        }
        if (list.size() > Limits.COMMANDS) {
            throw badRequest("too many commands: " + list.size() + " (at most " + Limits.COMMANDS + ")");
        }
        for (BotCommand c : list) {
            if (c == null || c.command() == null || !COMMAND.matcher(c.command()).matches()) {
                throw badRequest("BOT_COMMAND_INVALID");
            }
            if (c.description() == null || c.description().isEmpty()
                    || c.description().length() > Limits.COMMAND_DESCRIPTION) {
                throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        commands.put(commandsKey(p), List.copyOf(list));
        return new JsonPrimitive(true);
    }

    private static String commandsKey(Params p) {
        JsonElement scope = p.json("scope");
        if (scope != null && !scope.isJsonObject()) {
            throw badRequest("can't parse BotCommandScope JSON object");
        }
        if (scope != null) {
            BotCommandScope parsed;
            try {
                parsed = GSON.fromJson(scope, BotCommandScope.class);
            } catch (JsonParseException e) {
                parsed = null;
            }
            if (parsed == null) {
                throw badRequest("unsupported bot command scope type");
            }
            scope = GSON.toJsonTree(parsed, BotCommandScope.class);
        }
        return commandsKey(scope, p.string("language_code"));
    }

    private static String commandsKey(@Nullable JsonElement scope, @Nullable String languageCode) {
        JsonElement canonical = scope == null ? GSON.toJsonTree(BotCommandScopeDefault.of(), BotCommandScope.class)
                : scope;
        return GSON.toJson(canonical) + "|" + (languageCode == null ? "" : languageCode);
    }

    private JsonElement setChatMenuButton(Params p) {
        MenuButton button = MenuButtonDefault.of();
        JsonElement json = p.json("menu_button");
        if (json != null) {
            try {
                button = GSON.fromJson(json, MenuButton.class);
            } catch (JsonParseException e) {
                button = null;
            }
            if (button == null) {
                throw badRequest("can't parse menu button JSON object");
            }
        }
        if (p.has("chat_id")) {
            chatMenuButtons.put(chatId(p), button);
        } else {
            defaultMenuButton = button;
        }
        return new JsonPrimitive(true);
    }

    private JsonElement getChatMenuButton(Params p) {
        MenuButton button = p.has("chat_id")
                ? chatMenuButtons.getOrDefault(chatId(p), MenuButtonDefault.of())
                : defaultMenuButton != null ? defaultMenuButton : MenuButtonCommands.of();
        return GSON.toJsonTree(button, MenuButton.class);
    }

    // -------------------------------------------------------------------------------------------- validation

    private static String checkText(@Nullable String text, @Nullable String parseMode) {
        if (text == null || text.isBlank()) {
            throw badRequest("message text is empty");
        }
        String visible = visible(text, parseMode);
        if (visible.isBlank()) {
            throw badRequest("message text is empty");
        }
        if (visible.length() > Limits.MESSAGE_TEXT) {
            throw badRequest("message is too long");
        }
        return text;
    }

    private static @Nullable String checkCaption(@Nullable String caption, @Nullable String parseMode) {
        if (caption != null && visible(caption, parseMode).length() > Limits.CAPTION) {
            throw badRequest("message caption is too long");
        }
        return caption;
    }

    /** The text as Telegram shows it after entity parsing; broken markup is refused as Telegram refuses it. */
    private static String visible(String text, @Nullable String parseMode) {
        try {
            return Markup.parse(text, parseMode).visible();
        } catch (MarkupException e) {
            throw badRequest("can't parse entities: " + e.getMessage());
        }
    }

    private static @Nullable String parseMode(Params p) {
        String mode = p.string("parse_mode");
        checkParseMode(mode);
        return mode;
    }

    private static void checkParseMode(@Nullable String mode) {
        if (mode != null && !mode.isEmpty() && !PARSE_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw badRequest("unsupported parse_mode");
        }
    }

    /** The reply markup of a send: any kind, checked as Telegram checks keyboards. */
    private static @Nullable ReplyMarkup replyMarkup(Params p) {
        JsonElement json = p.json("reply_markup");
        if (json == null) {
            return null;
        }
        ReplyMarkup markup;
        try {
            markup = json.isJsonObject() ? GSON.fromJson(json, ReplyMarkup.class) : null;
        } catch (JsonParseException | IllegalStateException e) {
            markup = null;
        }
        if (markup == null) {
            throw badRequest("can't parse reply keyboard markup JSON object");
        }
        if (markup instanceof InlineKeyboardMarkup inline) {
            checkInline(inline);
        } else if (markup instanceof ReplyKeyboardMarkup keyboard) {
            checkKeyboard(keyboard);
        }
        return markup;
    }

    /** The reply markup of an edit, which can only be an inline keyboard. */
    private static @Nullable InlineKeyboardMarkup inlineMarkup(Params p) {
        JsonElement json = p.json("reply_markup");
        if (json == null) {
            return null;
        }
        InlineKeyboardMarkup markup;
        try {
            markup = json.isJsonObject() ? GSON.fromJson(json, InlineKeyboardMarkup.class) : null;
        } catch (JsonParseException | IllegalStateException e) {
            markup = null;
        }
        if (markup == null || markup.inlineKeyboard() == null) {
            throw badRequest("can't parse inline keyboard markup JSON object");
        }
        checkInline(markup);
        return markup;
    }

    private static void checkInline(InlineKeyboardMarkup markup) {
        if (markup.inlineKeyboard() == null) {
            throw badRequest("can't parse inline keyboard markup JSON object");
        }
        int rowNumber = 0;
        for (List<InlineKeyboardButton> row : markup.inlineKeyboard()) {
            rowNumber++;
            if (row == null || row.isEmpty()) {
                throw badRequest(EMPTY_ROW + rowNumber);
            }
            for (InlineKeyboardButton button : row) {
                if (button == null || button.text() == null) {
                    throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
                }
                checkAction(button);
            }
        }
    }

    /** Picks the button's action in the Bot API server's order; only a callback button's data is checked. */
    private static void checkAction(InlineKeyboardButton b) {
        if (b.url() != null || b.loginUrl() != null) {
            return;
        }
        String data = b.callbackData();
        if (data != null && !data.isEmpty()) {
            if (data.getBytes(StandardCharsets.UTF_8).length > Limits.CALLBACK_DATA_BYTES) {
                throw badRequest("BUTTON_DATA_INVALID");
            }
            return;
        }
        boolean hasAction = b.callbackGame() != null
                || b.pay() != null
                || b.switchInlineQuery() != null
                || b.switchInlineQueryCurrentChat() != null
                || b.switchInlineQueryChosenChat() != null
                || b.webApp() != null
                || b.copyText() != null;
        if (!hasAction) {
            throw badRequest("text buttons are unallowed in the inline keyboard");
        }
    }

    private static void checkKeyboard(ReplyKeyboardMarkup markup) {
        if (markup.keyboard() == null) {
            throw badRequest("can't parse reply keyboard markup JSON object");
        }
        int rowNumber = 0;
        for (List<KeyboardButton> row : markup.keyboard()) {
            rowNumber++;
            if (row == null || row.isEmpty()) {
                throw badRequest(EMPTY_ROW + rowNumber);
            }
            for (KeyboardButton button : row) {
                if (button == null || button.text() == null) {
                    throw badRequest("can't parse keyboard button: Field \"text\" must be of type String");
                }
            }
        }
    }

    private static long chatId(Params p) {
        JsonElement value = p.element("chat_id");
        if (value == null) {
            throw badRequest("chat_id is empty");
        }
        if (value instanceof JsonPrimitive primitive) {
            try {
                return Long.parseLong(primitive.getAsString().trim());
            } catch (NumberFormatException e) {
                throw badRequest("chat not found");
            }
        }
        throw badRequest("chat not found");
    }

    /**
     * The file id a media field names: a new id for an upload (a file part named like the field, or an
     * {@code attach://} reference to one), the string itself for a file id or URL.
     */
    private String file(Params p, String field, @Nullable JsonElement value, String kind) {
        String uploaded = p.files().get(field);
        if (uploaded == null && value instanceof JsonPrimitive primitive) {
            String text = primitive.getAsString();
            if (text.startsWith("attach://")) {
                uploaded = p.files().get(text.substring("attach://".length()));
                if (uploaded == null) {
                    throw badRequest("can't find the attached file " + text.substring("attach://".length()));
                }
            } else if (!text.isEmpty()) {
                return text;
            }
        }
        if (uploaded == null) {
            throw badRequest("there is no " + field + " in the request");
        }
        files++;
        return String.format(Locale.ROOT, "FAKE-%s-%04d", kind, files);
    }

    // ---------------------------------------------------------------------------------------- message building

    private Message toMessage(Stored stored) {
        FakeMessage m = stored.view();
        Chat chat = m.chatId() > 0
                ? Chat.builder(m.chatId(), "private").firstName("Test User").build()
                : Chat.builder(m.chatId(), "supergroup").title("Test Group").build();
        Message.Builder b = Message.builder(m.messageId(), m.date(), chat).from(bot).editDate(stored.editDate());
        // Only the media kinds read these, and every media message has a file; a text message has none.
        String fileId = Objects.requireNonNullElse(m.fileId(), "");
        String unique = "U" + Integer.toHexString(fileId.hashCode());
        switch (m.kind()) {
            case "photo" -> b.photo(List.of(PhotoSize.of(fileId, unique, 800, 600)));
            case "document" -> b.document(Document.of(fileId, unique));
            case "video" -> b.video(Video.of(fileId, unique, 640, 360, 1));
            case "animation" -> b.animation(Animation.of(fileId, unique, 320, 240, 1));
            case "audio" -> b.audio(Audio.of(fileId, unique, 1));
            default -> b.text(m.text());
        }
        if (!m.kind().equals("text")) {
            b.caption(m.text());
        }
        if (m.replyMarkup() instanceof InlineKeyboardMarkup inline) {
            b.replyMarkup(inline);
        }
        return b.build();
    }

    private static List<List<InlineKeyboardButton>> rows(@Nullable ReplyMarkup markup) {
        return markup instanceof InlineKeyboardMarkup inline && inline.inlineKeyboard() != null
                ? inline.inlineKeyboard()
                : List.of();
    }

    // ----------------------------------------------------------------------------------------------- plumbing

    private static String canonicalName(String method) {
        MethodSpec spec = Spec.lookup(method);
        return spec != null ? spec.name() : method;
    }

    private static Refusal badRequest(String description) {
        return new Refusal(400, "Bad Request: " + description, null);
    }

    private static @Nullable String stringOf(@Nullable JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : GSON.toJson(e);
    }

    private static long asLong(JsonElement e, String field) {
        try {
            return Long.parseLong(e.getAsString().trim());
        } catch (RuntimeException notANumber) {
            throw badRequest("wrong parameter " + field + " in request");
        }
    }

    /** A refused call: its error code, description and retry-after. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final String description;
        final @Nullable Long retryAfter;

        Refusal(int code, String description, @Nullable Long retryAfter) {
            super(description, null, false, false);
            this.code = code;
            this.description = description;
            this.retryAfter = retryAfter;
        }
    }

    /** A queued {@link #failNext} error. */
    private record Failure(int code, String description, @Nullable Long retryAfter) {}

    /** One chat's messages and history. */
    private static final class ChatState {
        long nextId = 1;
        final Map<Long, Stored> messages = new LinkedHashMap<>();
        final List<ChatEvent> history = new ArrayList<>();
    }

    /** A message with what the public view leaves out: its entities (as JSON) and edit date. */
    private record Stored(FakeMessage view, @Nullable String entities, @Nullable Long editDate) {}

    /**
     * A request's parameters: the JSON body's fields, or the query string's, form's or multipart body's (as
     * strings), plus the file parts by part name.
     */
    private record Params(JsonObject fields, Map<String, String> files) {

        static Params read(Request request) throws IOException {
            JsonObject fields = new JsonObject();
            Map<String, String> files = new LinkedHashMap<>();
            HttpUrl url = request.url();
            for (String name : url.queryParameterNames()) {
                fields.addProperty(name, url.queryParameter(name));
            }
            RequestBody body = request.body();
            if (body == null) {
                return new Params(fields, files);
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            MediaType type = body.contentType();
            String kind = type == null ? "" : type.type() + "/" + type.subtype();
            if (kind.equals("multipart/form-data")) {
                String boundary = type.parameter("boundary");
                if (boundary == null) {
                    throw badRequest("can't parse multipart/form-data request: no boundary");
                }
                try (MultipartReader reader = new MultipartReader(buffer, boundary)) {
                    MultipartReader.Part next;
                    while ((next = reader.nextPart()) != null) {
                        try (MultipartReader.Part part = next) {
                            String disposition = part.headers().get("Content-Disposition");
                            String name = disposition == null ? null : group(PART_NAME, disposition);
                            if (name == null) {
                                continue;
                            }
                            String fileName = group(PART_FILE, disposition);
                            if (fileName != null) {
                                files.put(name, fileName);
                            } else {
                                fields.addProperty(name, part.body().readUtf8());
                            }
                        }
                    }
                } catch (IOException e) {
                    throw badRequest("can't parse multipart/form-data request");
                }
            } else if (kind.equals("application/x-www-form-urlencoded")) {
                HttpUrl form = HttpUrl.get("http://form.invalid/?" + buffer.readUtf8());
                for (String name : form.queryParameterNames()) {
                    fields.addProperty(name, form.queryParameter(name));
                }
            } else {
                String text = buffer.readUtf8();
                if (!text.isBlank()) {
                    JsonElement json;
                    try {
                        json = JsonParser.parseString(text);
                    } catch (JsonParseException e) {
                        throw badRequest("can't parse JSON encoded request: " + e.getMessage());
                    }
                    if (!json.isJsonObject()) {
                        throw badRequest("can't parse JSON encoded request: not an object");
                    }
                    for (Map.Entry<String, JsonElement> field : json.getAsJsonObject().entrySet()) {
                        fields.add(field.getKey(), field.getValue());
                    }
                }
            }
            return new Params(fields, files);
        }

        private static @Nullable String group(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.group(1) : null;
        }

        /** The parameters as recorded: the fields, with each file part as its file name. */
        String recorded() {
            JsonObject copy = fields.deepCopy();
            files.forEach(copy::addProperty);
            return GSON.toJson(copy);
        }

        boolean has(String name) {
            return element(name) != null || files.containsKey(name);
        }

        @Nullable JsonElement element(String name) {
            JsonElement e = fields.get(name);
            return e == null || e.isJsonNull() ? null : e;
        }

        /** The field as JSON: objects and arrays as sent, or parsed from the string a form body carries. */
        @Nullable JsonElement json(String name) {
            JsonElement e = element(name);
            if (e instanceof JsonPrimitive primitive && primitive.isString()) {
                try {
                    return JsonParser.parseString(primitive.getAsString());
                } catch (JsonParseException notJson) {
                    throw badRequest("can't parse " + name + " JSON object");
                }
            }
            return e;
        }

        /** The field as a JSON object, or null if absent. */
        @Nullable JsonObject object(String name) {
            JsonElement e = json(name);
            if (e == null) {
                return null;
            }
            if (!e.isJsonObject()) {
                throw badRequest("can't parse " + name + " JSON object");
            }
            return e.getAsJsonObject();
        }

        /** The field's JSON text (for comparing, say, entities), or null if absent. */
        @Nullable String raw(String name) {
            JsonElement e = json(name);
            return e == null ? null : GSON.toJson(e);
        }

        @Nullable String string(String name) {
            return stringOf(element(name));
        }

        boolean bool(String name) {
            JsonElement e = element(name);
            return e instanceof JsonPrimitive p && (p.isBoolean() ? p.getAsBoolean() : p.getAsString().equals("true"));
        }

        long longValue(String name) {
            JsonElement e = element(name);
            if (e == null) {
                throw badRequest("parameter \"" + name + "\" is required");
            }
            return asLong(e, name);
        }
    }

    /** A method of the Bot API spec: its name, required parameters and whether it returns just a Boolean. */
    private record MethodSpec(String name, List<String> required, boolean returnsBoolean) {}

    /** The Bot API's methods, read once from the spec facts shipped in the jar. */
    private static final class Spec {
        private static final Map<String, MethodSpec> METHODS = load();

        static @Nullable MethodSpec lookup(String method) {
            return METHODS.get(method.toLowerCase(Locale.ROOT));
        }

        private static Map<String, MethodSpec> load() {
            String resource = "/dev/tgdialog/telegram/botapi-spec.json";
            try (InputStream in = FakeTelegram.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .getAsJsonObject();
                Map<String, MethodSpec> methods = new HashMap<>();
                for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject("methods").entrySet()) {
                    JsonObject method = entry.getValue().getAsJsonObject();
                    List<String> required = new ArrayList<>();
                    JsonArray fields = method.getAsJsonArray("fields");
                    if (fields != null) {
                        for (JsonElement f : fields) {
                            JsonObject field = f.getAsJsonObject();
                            if (field.has("required") && field.get("required").getAsBoolean()) {
                                required.add(field.get("name").getAsString());
                            }
                        }
                    }
                    JsonArray returns = method.getAsJsonArray("returns");
                    boolean returnsBoolean = returns != null && returns.size() == 1
                            && returns.get(0).getAsString().equals("Boolean");
                    String name = entry.getKey();
                    methods.put(name.toLowerCase(Locale.ROOT), new MethodSpec(name, List.copyOf(required),
                            returnsBoolean));
                }
                return Map.copyOf(methods);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
