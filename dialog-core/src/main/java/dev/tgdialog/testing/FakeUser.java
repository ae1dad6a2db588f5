package dev.tgdialog.testing;

import dev.tgdialog.internal.json.Json;
import dev.tgdialog.links.AdminRight;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.ChatMember;
import dev.tgdialog.telegram.types.ChatMemberAdministrator;
import dev.tgdialog.telegram.types.ChatMemberLeft;
import dev.tgdialog.telegram.types.ChatMemberMember;
import dev.tgdialog.telegram.types.ChatMemberUpdated;
import dev.tgdialog.telegram.types.ChosenInlineResult;
import dev.tgdialog.telegram.types.Contact;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InlineQuery;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.Location;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.PhotoSize;
import dev.tgdialog.telegram.types.PreCheckoutQuery;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.ShippingAddress;
import dev.tgdialog.telegram.types.ShippingQuery;
import dev.tgdialog.telegram.types.SuccessfulPayment;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user talking to the bot in one chat: sends messages, clicks buttons, and reads what the bot shows there. The
 * blocking methods return once the bot has handled the update; the {@code …Async} ones return at once.
 */
public final class FakeUser {
    private final BotHarness harness;
    private final User user;
    private final long chatId;
    private final String chatType;
    /** The ids of this user's clicks, in every chat (shared with {@link #inGroup} views), to find their answers. */
    private final Set<String> queryIds;

    FakeUser(BotHarness harness, long id, String firstName, String languageCode, long chatId, String chatType) {
        this(
                harness,
                User.builder(id, false, firstName).languageCode(languageCode).build(),
                chatId,
                chatType,
                ConcurrentHashMap.newKeySet());
    }

    private FakeUser(BotHarness harness, User user, long chatId, String chatType, Set<String> queryIds) {
        this.harness = harness;
        this.user = user;
        this.chatId = chatId;
        this.chatType = chatType;
        this.queryIds = queryIds;
    }

    /** This user in a supergroup with this (negative) chat id. */
    public FakeUser inGroup(long groupChatId) {
        if (groupChatId >= 0) {
            throw new IllegalArgumentException("group chat ids are negative");
        }
        return new FakeUser(harness, user, groupChatId, "supergroup", queryIds);
    }

    public long id() {
        return user.id();
    }

    public long chatId() {
        return chatId;
    }

    /** Sends a text message (a command gets its {@code bot_command} entity, as Telegram adds it). */
    public void send(String text) {
        join(sendAsync(text));
    }

    public CompletableFuture<Void> sendAsync(String text) {
        return deliver(message(text).build());
    }

    /**
     * Opens a {@code https://t.me/<bot>?start=<payload>} link, as a built {@link dev.tgdialog.links.BotLink} makes
     * it: Telegram sends {@code /start <payload>} to the bot in the user's private chat. Fails on a link to another
     * bot, from a group view of the user, or of another kind ({@code startapp}, …), which the harness does not open;
     * a {@code startgroup} link is opened with the group picked, by {@link #openLink(String, long)}.
     */
    public void openLink(String link) {
        Matcher start = START_LINK.matcher(link);
        if (!start.matches()) {
            throw new UnsupportedOperationException(
                    "the harness opens only https://t.me/<bot>?start=<payload> links, not " + link);
        }
        checkBot(start.group(1));
        if (!chatType.equals("private")) {
            throw new IllegalStateException("a start link opens the bot in private; use the user's private view");
        }
        send("/start " + start.group(2));
    }

    private static final Pattern START_LINK =
            Pattern.compile("https://t\\.me/([A-Za-z0-9_]+)\\?start=([A-Za-z0-9_-]+)");

    /**
     * Opens a {@code https://t.me/<bot>?startgroup[=<payload>][&admin=<rights>]} link and picks this group, as a
     * built {@link dev.tgdialog.links.BotLink#startGroup} makes it, doing what Telegram does: if the bot is not in
     * the group yet, it is added, as a member or, when the link asks for rights, an administrator with those rights;
     * the bot gets the {@code my_chat_member} update of that if it asks for such updates (a bot with an
     * {@code onUpdate} handler does). Then, when the link has a payload, this user sends
     * {@code /start@<bot> <payload>} in the group.
     */
    public void openLink(String link, long groupChatId) {
        Matcher group = START_GROUP_LINK.matcher(link);
        if (!group.matches()) {
            throw new UnsupportedOperationException(
                    "a group is picked only for https://t.me/<bot>?startgroup links, not " + link);
        }
        checkBot(group.group(1));
        FakeUser member = inGroup(groupChatId);
        if (harness.addBotTo(groupChatId) && harness.bot().allowedUpdates().contains("my_chat_member")) {
            User bot = harness.telegram().bot();
            ChatMember added = group.group(3) == null ? ChatMemberMember.of(bot) : administrator(bot, group.group(3));
            ChatMemberUpdated change = ChatMemberUpdated.of(
                    member.chat(), user, harness.time().now().getEpochSecond(), ChatMemberLeft.of(bot), added);
            join(deliver(
                    Update.builder(harness.nextUpdateId()).myChatMember(change).build()));
        }
        String payload = group.group(2);
        if (payload != null) {
            member.send("/start@" + FakeTelegram.BOT_USERNAME + " " + payload);
        }
    }

    private static final Pattern START_GROUP_LINK = Pattern.compile(
            "https://t\\.me/([A-Za-z0-9_]+)\\?startgroup(?:=([A-Za-z0-9_-]+))?(?:&admin=([a-z_]+(?:\\+[a-z_]+)*))?");

    private static void checkBot(String username) {
        if (!username.equalsIgnoreCase(FakeTelegram.BOT_USERNAME)) {
            throw new IllegalArgumentException(
                    "the link opens @" + username + ", not the bot under test @" + FakeTelegram.BOT_USERNAME);
        }
    }

    /** The bot as an administrator with the rights the link's {@code admin} parameter names. */
    private static ChatMemberAdministrator administrator(User bot, String admin) {
        Set<AdminRight> rights = EnumSet.noneOf(AdminRight.class);
        for (String name : admin.split("\\+")) {
            rights.add(AdminRight.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        // Any administrator right implies can_manage_chat, as Telegram reports it.
        return ChatMemberAdministrator.builder(
                        bot,
                        false,
                        rights.contains(AdminRight.ANONYMOUS),
                        true,
                        rights.contains(AdminRight.DELETE_MESSAGES),
                        rights.contains(AdminRight.MANAGE_VIDEO_CHATS),
                        rights.contains(AdminRight.RESTRICT_MEMBERS),
                        rights.contains(AdminRight.PROMOTE_MEMBERS),
                        rights.contains(AdminRight.CHANGE_INFO),
                        rights.contains(AdminRight.INVITE_USERS),
                        rights.contains(AdminRight.POST_STORIES),
                        rights.contains(AdminRight.EDIT_STORIES),
                        rights.contains(AdminRight.DELETE_STORIES))
                .canPinMessages(rights.contains(AdminRight.PIN_MESSAGES))
                .canManageTopics(rights.contains(AdminRight.MANAGE_TOPICS))
                .build();
    }

    /** Replies to a message with text. */
    public void replyTo(FakeMessage original, String text) {
        join(deliver(message(text).replyToMessage(asMessage(original)).build()));
    }

    /** Shares a contact. */
    public void sendContact(String phoneNumber, String firstName) {
        join(deliver(message(null)
                .contact(new Contact(phoneNumber, firstName, null, user.id(), null))
                .build()));
    }

    /** Sends a location. */
    public void sendLocation(double latitude, double longitude) {
        join(deliver(message(null).location(Location.of(latitude, longitude)).build()));
    }

    /** Sends a photo (as Telegram delivers it: sizes with a file_id) with an optional caption. */
    public void sendPhoto(String fileId, @Nullable String caption) {
        PhotoSize size = PhotoSize.of(fileId, fileId + "-u", 1280, 960);
        join(deliver(message(null).photo(List.of(size)).caption(caption).build()));
    }

    /**
     * Sends an album: one message per item (photos and videos, or documents, or audio files, by file_id), sharing a
     * {@code media_group_id}, the caption on the first, delivered together as Telegram does. On the harness's
     * {@link FakeTime} the bot takes the album whole before this returns; on a {@link ManualTime} it takes it once
     * the clock passes the bot's album wait.
     */
    public void sendAlbum(@Nullable String caption, dev.tgdialog.spi.Media... items) {
        if (items.length < 2 || items.length > 10) {
            throw new IllegalArgumentException("an album has 2-10 items, not " + items.length);
        }
        String group = "album-" + harness.nextUpdateId();
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        harness.time().together(() -> {
            for (int i = 0; i < items.length; i++) {
                dev.tgdialog.spi.Media item = items[i];
                if (!(item.file() instanceof dev.tgdialog.telegram.InputFile.Reference ref)) {
                    throw new IllegalArgumentException("a user's album item is sent by file_id");
                }
                String id = ref.value();
                Message.Builder m = message(null).mediaGroupId(group).caption(i == 0 ? caption : null);
                switch (item.kind()) {
                    case "photo" -> m.photo(List.of(PhotoSize.of(id, id + "-u", 1280, 960)));
                    case "video" -> m.video(dev.tgdialog.telegram.types.Video.of(id, id + "-u", 1280, 720, 10));
                    case "document" -> m.document(dev.tgdialog.telegram.types.Document.of(id, id + "-u"));
                    case "audio" -> m.audio(dev.tgdialog.telegram.types.Audio.of(id, id + "-u", 180));
                    default -> throw new IllegalArgumentException("an album holds no " + item.kind());
                }
                parts.add(deliver(m.build()));
            }
        });
        parts.forEach(FakeUser::join);
    }

    /** Answers a users request button: Telegram's {@code users_shared} message with these users. */
    public void shareUsers(long requestId, long... userIds) {
        List<dev.tgdialog.telegram.types.SharedUser> users = new ArrayList<>();
        for (long id : userIds) {
            users.add(dev.tgdialog.telegram.types.SharedUser.of(id));
        }
        join(deliver(message(null)
                .usersShared(new dev.tgdialog.telegram.types.UsersShared(requestId, users))
                .build()));
    }

    /** Answers a chat request button: Telegram's {@code chat_shared} message with this chat. */
    public void shareChat(long requestId, long sharedChatId) {
        join(deliver(message(null)
                .chatShared(dev.tgdialog.telegram.types.ChatShared.of(requestId, sharedChatId))
                .build()));
    }

    /**
     * What a web app opened from a reply-keyboard button sends back with {@code Telegram.WebApp.sendData}: a
     * {@code web_app_data} message with {@code data} and the button's text.
     */
    public void sendWebAppData(String buttonText, String data) {
        join(deliver(message(null)
                .webAppData(new dev.tgdialog.telegram.types.WebAppData(data, buttonText))
                .build()));
    }

    /** Answers a poll the bot sent with these options (from 0): Telegram's {@code poll_answer}, which names no chat. */
    public void answerPoll(FakeMessage poll, int... options) {
        String pollId = harness.telegram()
                .pollId(poll)
                .orElseThrow(() -> new AssertionError("message " + poll.messageId() + " is not a poll"));
        List<Long> chosen = new ArrayList<>();
        for (int option : options) {
            chosen.add((long) option);
        }
        join(deliver(Update.builder(harness.nextUpdateId())
                .pollAnswer(new dev.tgdialog.telegram.types.PollAnswer(pollId, null, user, chosen, List.of()))
                .build()));
    }

    /** Sends any update the test built (its ids are left as they are). */
    public void deliver(Update update, boolean wait) {
        CompletableFuture<Void> done = harness.deliver(update);
        if (wait) {
            join(done);
        }
    }

    /**
     * Clicks the button with this label on the newest message with buttons; on a reply keyboard it sends the
     * label as Telegram does. Fails, listing the buttons there are, when no button has that label.
     */
    public void click(String label) {
        join(clickAsync(label));
    }

    public CompletableFuture<Void> clickAsync(String label) {
        FakeMessage message = newestWithButtons();
        if (message == null) {
            throw new AssertionError("no message in chat " + chatId + " has buttons to click \"" + label + "\"");
        }
        if (message.replyMarkup() instanceof ReplyKeyboardMarkup reply) {
            for (List<KeyboardButton> row : reply.keyboard()) {
                for (KeyboardButton button : row) {
                    if (button.text().equals(label)) {
                        return sendAsync(label);
                    }
                }
            }
            throw new AssertionError("no button \"" + label + "\"; the reply keyboard has " + labels(reply));
        }
        return clickAsync(message, label);
    }

    /** Clicks the button at {@code row}, {@code column} (from 0) of the newest message with buttons. */
    public void click(int row, int column) {
        FakeMessage message = newestWithButtons();
        if (message == null
                || row >= message.inlineKeyboard().size()
                || column >= message.inlineKeyboard().get(row).size()) {
            throw new AssertionError("no button at " + row + "," + column + "; the buttons are "
                    + (message == null
                            ? "none"
                            : message.inlineKeyboard().stream()
                                    .map(r -> r.stream()
                                            .map(InlineKeyboardButton::text)
                                            .toList())
                                    .toList()));
        }
        join(press(message, message.inlineKeyboard().get(row).get(column)));
    }

    /** Clicks a button of a given (possibly older) message. */
    public void clickOn(FakeMessage message, String label) {
        join(clickAsync(message, label));
    }

    /** Clicks a button of a given message without waiting for the bot. */
    public CompletableFuture<Void> clickAsync(FakeMessage message, String label) {
        for (List<InlineKeyboardButton> row : message.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.text().equals(label)) {
                    return press(message, button);
                }
            }
        }
        throw new AssertionError(
                "no button \"" + label + "\"; message " + message.messageId() + " has " + message.buttonLabels());
    }

    /**
     * Pays an invoice the bot sent (by default its newest message): Telegram asks the bot first (a
     * {@code pre_checkout_query}, which the bot must answer within 10 seconds) and, if it says yes, tells it the
     * payment went through (a message with {@code successful_payment}). Returns once the bot handled both.
     */
    public PaymentResult pay(FakeMessage invoice) {
        return join(payAsync(invoice));
    }

    /** {@link #pay} of the newest message. */
    public PaymentResult pay() {
        return pay(lastMessage());
    }

    /** {@link #pay} without waiting: for a test that moves a manual clock while the bot decides. */
    public CompletableFuture<PaymentResult> payAsync(FakeMessage message) {
        return payAsync(harness.telegram()
                .invoice(message)
                .orElseThrow(() -> new AssertionError(
                        "message " + message.messageId() + " of chat " + chatId + " is not an invoice")));
    }

    /**
     * Gives a shipping address for a flexible invoice the bot sent ({@code shipping_query}); the bot's answer is the
     * {@code answerShippingQuery} call in {@link FakeTelegram#calls()}.
     */
    public void shipTo(FakeMessage invoice, ShippingAddress address) {
        FakeInvoice sent = harness.telegram()
                .invoice(invoice)
                .orElseThrow(() -> new AssertionError("message " + invoice.messageId() + " is not an invoice"));
        ShippingQuery query = new ShippingQuery("sq" + harness.nextQueryId(), user, sent.payload(), address);
        join(deliver(Update.builder(harness.nextUpdateId()).shippingQuery(query).build()));
    }

    /** Pays the invoice behind a link the bot made ({@code createInvoiceLink}), as {@link #pay} does. */
    public PaymentResult payLink(String link) {
        return join(payAsync(harness.telegram()
                .invoiceLink(link)
                .orElseThrow(() -> new AssertionError(link + " is not an invoice link of the bot"))));
    }

    private CompletableFuture<PaymentResult> payAsync(FakeInvoice invoice) {
        String queryId = "pc" + harness.nextQueryId();
        harness.telegram().registerPreCheckoutQuery(queryId);
        PreCheckoutQuery query =
                PreCheckoutQuery.of(queryId, user, invoice.currency(), invoice.totalAmount(), invoice.payload());
        return deliver(Update.builder(harness.nextUpdateId())
                        .preCheckoutQuery(query)
                        .build())
                .thenCompose(asked -> {
                    PreCheckoutAnswer answer =
                            harness.telegram().preCheckoutAnswer(queryId).orElse(null);
                    if (answer == null || !answer.ok()) {
                        return CompletableFuture.completedFuture(PaymentResult.declined(
                                answer == null ? "the bot did not answer" : String.valueOf(answer.errorMessage())));
                    }
                    String charge = "charge-" + queryId;
                    harness.telegram().charged(charge, user.id());
                    Update paid = Update.builder(harness.nextUpdateId())
                            .message(message(null)
                                    .successfulPayment(SuccessfulPayment.of(
                                            invoice.currency(),
                                            invoice.totalAmount(),
                                            invoice.payload(),
                                            charge,
                                            invoice.currency().equals("XTR") ? "" : "provider-" + queryId))
                                    .build())
                            .build();
                    return deliver(paid).thenApply(done -> new PaymentResult(true, null, charge, paid));
                });
    }

    /**
     * Presses Play on a game message the bot sent: a click that names the game and carries no data, which the bot must
     * answer with the game's URL. Returns that answer.
     */
    public CallbackAnswer play(FakeMessage game) {
        if (!game.kind().equals("game")) {
            throw new AssertionError("message " + game.messageId() + " is not a game, but " + game.kind());
        }
        String queryId = harness.nextQueryId();
        queryIds.add(queryId);
        harness.telegram().registerCallbackQuery(queryId);
        harness.telegram().player(user);
        CallbackQuery query = CallbackQuery.builder(queryId, user, "ci-" + chatId)
                .message(asMessage(game))
                .gameShortName(game.text())
                .build();
        join(deliver(Update.builder(harness.nextUpdateId()).callbackQuery(query).build()));
        return harness.telegram().callbackAnswers().stream()
                .filter(answer -> answer.queryId().equals(queryId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the bot did not answer the Play click"));
    }

    /**
     * Types {@code @bot query} in a chat: an inline query, which the bot answers with a page of results. Fails when
     * the bot does not answer.
     */
    public InlineResults inlineQuery(String query) {
        return inlineQuery(query, "");
    }

    /** The next page of {@code results}, as the user's app asks for it when they scroll to the end. */
    public InlineResults more(InlineResults results) {
        if (!results.hasMore()) {
            throw new AssertionError("the bot gave no next page for \"" + results.query() + "\"");
        }
        return inlineQuery(results.query(), results.nextOffset());
    }

    private InlineResults inlineQuery(String query, String offset) {
        String queryId = "iq" + harness.nextQueryId();
        harness.telegram().registerInlineQuery(queryId, query);
        InlineQuery inline =
                new InlineQuery(queryId, user, query, offset, chatType.equals("private") ? "sender" : chatType, null);
        join(deliver(Update.builder(harness.nextUpdateId()).inlineQuery(inline).build()));
        return harness.telegram()
                .inlineAnswer(queryId)
                .orElseThrow(() -> new AssertionError("the bot did not answer the inline query \"" + query + "\""));
    }

    /**
     * Chooses result {@code resultId} of {@code results}, which sends it to a chat; the bot learns it
     * ({@code chosen_inline_result}, with an inline message id when the result has buttons). Returns that id, or
     * null when the result has no buttons.
     */
    public @Nullable String choose(InlineResults results, String resultId) {
        boolean found = results.results().stream()
                .anyMatch(r -> resultId.equals(
                        Json.gson().toJsonTree(r).getAsJsonObject().get("id").getAsString()));
        if (!found) {
            throw new AssertionError("no result \"" + resultId + "\" among the bot's results");
        }
        boolean buttons = results.results().stream()
                .filter(r -> resultId.equals(
                        Json.gson().toJsonTree(r).getAsJsonObject().get("id").getAsString()))
                .anyMatch(r -> Json.gson().toJsonTree(r).getAsJsonObject().has("reply_markup"));
        String inlineMessageId = buttons ? "im" + harness.nextQueryId() : null;
        if (inlineMessageId != null) {
            com.google.gson.JsonObject json = results.results().stream()
                    .map(r -> Json.gson().toJsonTree(r).getAsJsonObject())
                    .filter(r -> resultId.equals(r.get("id").getAsString()))
                    .findFirst()
                    .orElseThrow();
            com.google.gson.JsonObject content = json.getAsJsonObject("input_message_content");
            String text = content != null && content.has("message_text")
                    ? content.get("message_text").getAsString()
                    : String.valueOf(json.get("title"));
            harness.telegram()
                    .sentInline(
                            inlineMessageId,
                            text,
                            Json.gson().fromJson(json.get("reply_markup"), InlineKeyboardMarkup.class));
        }
        ChosenInlineResult chosen = new ChosenInlineResult(resultId, user, null, inlineMessageId, results.query());
        join(deliver(Update.builder(harness.nextUpdateId())
                .chosenInlineResult(chosen)
                .build()));
        return inlineMessageId;
    }

    /**
     * Clicks the button with this label on a message sent through inline mode (by anyone): a click that names the
     * inline message and no chat.
     */
    public void clickInline(String inlineMessageId, String label) {
        FakeMessage message = harness.telegram()
                .inlineMessage(inlineMessageId)
                .orElseThrow(() -> new AssertionError("no inline message " + inlineMessageId));
        for (List<InlineKeyboardButton> row : message.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.text().equals(label) && button.callbackData() != null) {
                    String queryId = harness.nextQueryId();
                    queryIds.add(queryId);
                    harness.telegram().registerCallbackQuery(queryId);
                    CallbackQuery query = CallbackQuery.builder(queryId, user, "ci-inline")
                            .inlineMessageId(inlineMessageId)
                            .data(button.callbackData())
                            .build();
                    join(deliver(Update.builder(harness.nextUpdateId())
                            .callbackQuery(query)
                            .build()));
                    return;
                }
            }
        }
        throw new AssertionError(
                "no button \"" + label + "\"; inline message " + inlineMessageId + " has " + message.buttonLabels());
    }

    /** Sends a click with any callback data on a message, as a forged client could. */
    public void clickWithData(FakeMessage message, String callbackData) {
        join(callback(message, callbackData));
    }

    private CompletableFuture<Void> press(FakeMessage message, InlineKeyboardButton button) {
        if (button.callbackData() == null) {
            throw new AssertionError("button \"" + button.text() + "\" makes no callback (url " + button.url() + ")");
        }
        return callback(message, button.callbackData());
    }

    private CompletableFuture<Void> callback(FakeMessage message, String data) {
        String queryId = harness.nextQueryId();
        queryIds.add(queryId);
        harness.telegram().registerCallbackQuery(queryId);
        CallbackQuery query = CallbackQuery.builder(queryId, user, "ci-" + chatId)
                .message(asMessage(message))
                .data(data)
                .build();
        return deliver(
                Update.builder(harness.nextUpdateId()).callbackQuery(query).build());
    }

    /** The newest message the bot has in this chat. */
    public FakeMessage lastMessage() {
        return harness.telegram()
                .lastMessage(chatId)
                .orElseThrow(() -> new AssertionError("the bot has sent nothing to chat " + chatId));
    }

    /** The bot's messages in this chat, deletes applied, oldest first. */
    public List<FakeMessage> messages() {
        return harness.telegram().messages(chatId);
    }

    /** Everything the bot did in this chat: sends, edits and deletes, in order. */
    public List<ChatEvent> history() {
        return harness.telegram().history(chatId);
    }

    /** The latest answer to one of this user's clicks (in any chat), whoever else clicked since. */
    public CallbackAnswer lastAnswer() {
        List<CallbackAnswer> answers = harness.telegram().callbackAnswers();
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (queryIds.contains(answers.get(i).queryId())) {
                return answers.get(i);
            }
        }
        throw new AssertionError("no click of user " + user.id() + " was answered");
    }

    /** The labels of the newest message with buttons. */
    public List<String> buttons() {
        FakeMessage message = newestWithButtons();
        return message == null ? List.of() : message.buttonLabels();
    }

    private @Nullable FakeMessage newestWithButtons() {
        List<FakeMessage> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            FakeMessage m = all.get(i);
            if (!m.inlineKeyboard().isEmpty() || m.replyMarkup() instanceof ReplyKeyboardMarkup) {
                return m;
            }
        }
        return null;
    }

    private static List<String> labels(ReplyKeyboardMarkup reply) {
        List<String> labels = new ArrayList<>();
        reply.keyboard().forEach(row -> row.forEach(b -> labels.add(b.text())));
        return labels;
    }

    private Chat chat() {
        return "private".equals(chatType)
                ? Chat.builder(chatId, "private").firstName(user.firstName()).build()
                : Chat.builder(chatId, chatType).title("Group " + chatId).build();
    }

    private Message.Builder message(@Nullable String text) {
        Message.Builder m = Message.builder(
                        harness.nextUserMessageId(), harness.time().now().getEpochSecond(), chat())
                .from(user)
                .text(text);
        if (text != null && text.startsWith("/")) {
            int end = text.indexOf(' ');
            m.entities(List.of(MessageEntity.of("bot_command", 0, end < 0 ? text.length() : end)));
        }
        return m;
    }

    private Message asMessage(FakeMessage m) {
        Message.Builder b = Message.builder(m.messageId(), m.date(), chat())
                .from(harness.telegram().bot())
                .text(m.text());
        if (!m.inlineKeyboard().isEmpty()) {
            b.replyMarkup(new InlineKeyboardMarkup(m.inlineKeyboard()));
        }
        return b.build();
    }

    private CompletableFuture<Void> deliver(Message message) {
        return deliver(Update.builder(harness.nextUpdateId()).message(message).build());
    }

    private CompletableFuture<Void> deliver(Update update) {
        return harness.deliver(update);
    }

    private static <T> T join(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
