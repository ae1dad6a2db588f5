package dev.tgdialog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tgdialog.telegram.BotMethod;
import dev.tgdialog.telegram.ChatId;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.MessageOrTrue;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.DeleteMessage;
import dev.tgdialog.telegram.methods.DeleteMessages;
import dev.tgdialog.telegram.methods.DeleteMyCommands;
import dev.tgdialog.telegram.methods.EditMessageCaption;
import dev.tgdialog.telegram.methods.EditMessageMedia;
import dev.tgdialog.telegram.methods.EditMessageReplyMarkup;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.GetChat;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.methods.GetMyCommands;
import dev.tgdialog.telegram.methods.PinChatMessage;
import dev.tgdialog.telegram.methods.SendChatAction;
import dev.tgdialog.telegram.methods.SendDocument;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.methods.SetChatMenuButton;
import dev.tgdialog.telegram.methods.SetMyCommands;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeAllPrivateChats;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.ForceReply;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InputMediaPhoto;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.User;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class FakeTelegramTest {
    private static final long CHAT = 42;
    private static final long GROUP = -100123;

    private final FakeTime time = new FakeTime();
    private final FakeTelegram fake = new FakeTelegram(time);
    private final TelegramClient client = fake.client(time);

    private static InlineKeyboardButton callback(String label, String data) {
        return InlineKeyboardButton.builder(label).callbackData(data).build();
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... row) {
        return new InlineKeyboardMarkup(List.of(List.of(row)));
    }

    private Message send(String text, InlineKeyboardMarkup markup) {
        return client.execute(
                SendMessage.builder(CHAT, text).replyMarkup(markup).build());
    }

    private static TelegramException.BadRequest badRequest(Runnable call) {
        return catchThrowableOfType(TelegramException.BadRequest.class, call::run);
    }

    @Test
    void getMe_answersTheTestBot() {
        User me = client.execute(GetMe.of());

        assertThat(me.id()).isEqualTo(1_000_000L);
        assertThat(me.isBot()).isTrue();
        assertThat(me.firstName()).isEqualTo("Test Bot");
        assertThat(me.username()).isEqualTo("tgdialog_test_bot");
    }

    @Test
    void send_storesTheMessage_andReturnsItWithIdChatAndMarkup() {
        InlineKeyboardMarkup markup = keyboard(callback("Next", "w:next"), callback("Back", "w:back"));

        Message first = send("Hello", markup);
        Message second = client.execute(SendMessage.of(CHAT, "Again"));

        assertThat(first.messageId()).isEqualTo(1);
        assertThat(second.messageId()).isEqualTo(2);
        assertThat(first.chat().id()).isEqualTo(CHAT);
        assertThat(first.chat().type()).isEqualTo("private");
        assertThat(first.from().id()).isEqualTo(FakeTelegram.BOT_ID);
        assertThat(first.date()).isEqualTo(time.now().getEpochSecond());
        assertThat(first.text()).isEqualTo("Hello");
        assertThat(first.replyMarkup()).isEqualTo(markup);
        assertThat(fake.nextMessageId(CHAT)).isEqualTo(3);

        FakeMessage stored = fake.messages(CHAT).get(0);
        assertThat(stored.messageId()).isEqualTo(1);
        assertThat(stored.kind()).isEqualTo("text");
        assertThat(stored.text()).isEqualTo("Hello");
        assertThat(stored.buttonLabels()).containsExactly("Next", "Back");
        assertThat(stored.replyMarkup()).isEqualTo(markup);
        assertThat(stored.edited()).isFalse();
        assertThat(fake.lastMessage(CHAT)).map(FakeMessage::text).hasValue("Again");
        assertThat(fake.history(CHAT)).hasSize(2).allMatch(e -> e instanceof ChatEvent.Sent);
    }

    @Test
    void negativeChatId_isASupergroup_andChatsCountIdsSeparately() {
        Message inGroup = client.execute(SendMessage.of(GROUP, "hi all"));
        client.execute(SendMessage.of(CHAT, "hi"));

        assertThat(inGroup.chat().type()).isEqualTo("supergroup");
        assertThat(inGroup.messageId()).isEqualTo(1);
        assertThat(fake.messages(CHAT)).extracting(FakeMessage::messageId).containsExactly(1L);
    }

    @Test
    void editTextAndMarkup_isRecordedAsAnEdit_andChangesTheContent() {
        Message sent = send("Pick a size", keyboard(callback("S", "size:s")));

        MessageOrTrue edited = client.execute(EditMessageText.builder()
                .chatId(ChatId.of(CHAT))
                .messageId(sent.messageId())
                .text("Size S. Where to?")
                .replyMarkup(keyboard(callback("« Back", "nav:back")))
                .build());

        assertThat(edited.message().text()).isEqualTo("Size S. Where to?");
        assertThat(edited.message().editDate()).isNotNull();
        assertThat(fake.messages(CHAT)).hasSize(1);
        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.text()).isEqualTo("Size S. Where to?");
        assertThat(now.buttonLabels()).containsExactly("« Back");
        assertThat(now.edited()).isTrue();
        assertThat(fake.history(CHAT)).hasSize(2);
        assertThat(fake.history(CHAT).get(1)).isInstanceOfSatisfying(ChatEvent.Edited.class, e -> {
            assertThat(e.before().text()).isEqualTo("Pick a size");
            assertThat(e.after().text()).isEqualTo("Size S. Where to?");
        });

        client.execute(EditMessageReplyMarkup.builder()
                .chatId(ChatId.of(CHAT))
                .messageId(sent.messageId())
                .build());
        assertThat(fake.lastMessage(CHAT).orElseThrow().inlineKeyboard()).isEmpty();
        assertThat(fake.history(CHAT)).hasSize(3).last().isInstanceOf(ChatEvent.Edited.class);
    }

    @Test
    void identicalEdit_isRefusedAsNotModified() {
        InlineKeyboardMarkup markup = keyboard(callback("Next", "n"));
        Message sent = send("Same", markup);

        TelegramException.BadRequest e = badRequest(() -> client.execute(editText(sent.messageId(), "Same", markup)));

        assertThat(e.isMessageNotModified()).isTrue();
        assertThat(e.description())
                .isEqualTo(
                        "Bad Request: message is not modified: specified new message content"
                                + " and reply markup are exactly the same as a current content and reply markup of the message");
        assertThat(badRequest(() -> client.execute(EditMessageReplyMarkup.builder()
                                .chatId(ChatId.of(CHAT))
                                .messageId(sent.messageId())
                                .replyMarkup(markup)
                                .build()))
                        .isMessageNotModified())
                .isTrue();
        assertThat(fake.history(CHAT)).hasSize(1);
    }

    @Test
    void editWithOtherParseMode_isAChange() {
        Message sent = client.execute(SendMessage.of(CHAT, "Same"));

        client.execute(EditMessageText.builder()
                .chatId(ChatId.of(CHAT))
                .messageId(sent.messageId())
                .text("Same")
                .parseMode("HTML")
                .build());

        assertThat(fake.lastMessage(CHAT).orElseThrow().parseMode()).isEqualTo("HTML");
    }

    private static EditMessageText editText(long messageId, String text, InlineKeyboardMarkup markup) {
        return EditMessageText.builder()
                .chatId(ChatId.of(CHAT))
                .messageId(messageId)
                .text(text)
                .replyMarkup(markup)
                .build();
    }

    @Test
    void delete_removesTheMessage_andEditOrDeleteAfterwardsIsRefused() {
        Message first = client.execute(SendMessage.of(CHAT, "one"));
        client.execute(SendMessage.of(CHAT, "two"));

        assertThat(client.execute(new DeleteMessage(ChatId.of(CHAT), first.messageId())))
                .isTrue();

        assertThat(fake.messages(CHAT)).extracting(FakeMessage::text).containsExactly("two");
        assertThat(fake.history(CHAT).get(2)).isEqualTo(new ChatEvent.Deleted(first.messageId()));
        assertThat(badRequest(() -> client.execute(new DeleteMessage(ChatId.of(CHAT), first.messageId())))
                        .description())
                .isEqualTo("Bad Request: message to delete not found");
        assertThat(badRequest(() -> client.execute(editText(first.messageId(), "again", keyboard(callback("a", "a")))))
                        .description())
                .isEqualTo("Bad Request: message to edit not found");
        assertThat(fake.nextMessageId(CHAT)).isEqualTo(3);
    }

    @Test
    void deleteMessages_skipsMissingIds() {
        client.execute(SendMessage.of(CHAT, "one"));
        client.execute(SendMessage.of(CHAT, "two"));
        client.execute(SendMessage.of(CHAT, "three"));

        client.execute(new DeleteMessages(ChatId.of(CHAT), List.of(1L, 3L, 99L)));

        assertThat(fake.messages(CHAT)).extracting(FakeMessage::text).containsExactly("two");
    }

    @Test
    void callbackDataOver64Bytes_isRefusedAsButtonDataInvalid() {
        String ascii65 = "x".repeat(65);
        String cyrillic22 = "я".repeat(22);
        String cyrillic33 = "я".repeat(33);
        assertThat(cyrillic22.getBytes(StandardCharsets.UTF_8)).hasSize(44);
        assertThat(cyrillic33.getBytes(StandardCharsets.UTF_8)).hasSize(66);

        assertThat(badRequest(() -> send("t", keyboard(callback("a", ascii65)))).description())
                .isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(badRequest(() -> send("t", keyboard(callback("a", cyrillic33))))
                        .description())
                .isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        send("t", keyboard(callback("a", "x".repeat(64))));
        send("t", keyboard(callback("a", cyrillic22)));

        assertThat(fake.messages(CHAT)).hasSize(2);
    }

    @Test
    void buttonWithoutAction_orWithEmptyCallbackData_isATextButton_andRefused() {
        String expected = "Bad Request: text buttons are unallowed in the inline keyboard";

        assertThat(badRequest(() -> send("t", keyboard(InlineKeyboardButton.of("plain"))))
                        .description())
                .isEqualTo(expected);
        assertThat(badRequest(() -> send("t", keyboard(callback("empty", "")))).description())
                .isEqualTo(expected);
        send(
                "t",
                keyboard(InlineKeyboardButton.builder("site")
                        .url("https://example.org")
                        .build()));
        assertThat(fake.messages(CHAT)).hasSize(1);
    }

    @Test
    void emptyKeyboardRow_isRefused() {
        InlineKeyboardMarkup markup = new InlineKeyboardMarkup(List.of(List.of(callback("a", "a")), List.of()));

        TelegramException.BadRequest e = badRequest(() -> send("t", markup));

        assertThat(e.description()).isEqualTo("Bad Request: " + FakeTelegram.EMPTY_ROW + 2);
        assertThat(fake.messages(CHAT)).isEmpty();
    }

    @Test
    void textOver4096Units_isTooLong_andEmptyTextIsRefused() {
        assertThat(badRequest(() -> client.execute(SendMessage.of(CHAT, "a".repeat(4097))))
                        .description())
                .isEqualTo("Bad Request: message is too long");
        assertThat(badRequest(() -> client.execute(SendMessage.of(CHAT, ""))).description())
                .isEqualTo("Bad Request: message text is empty");
        // An emoji outside the BMP is two UTF-16 units: 2048 of them fill the limit exactly.
        client.execute(SendMessage.of(CHAT, "😀".repeat(2048)));
        assertThat(badRequest(() -> client.execute(SendMessage.of(CHAT, "😀".repeat(2048) + "!")))
                        .description())
                .isEqualTo("Bad Request: message is too long");
        assertThat(fake.messages(CHAT)).hasSize(1);
    }

    @Test
    void captionOver1024_isRefused() {
        TelegramException.BadRequest e =
                badRequest(() -> client.execute(SendPhoto.builder(CHAT, InputFile.fileId("AgAC"))
                        .caption("c".repeat(1025))
                        .build()));

        assertThat(e.description()).isEqualTo("Bad Request: message caption is too long");
    }

    @Test
    void answerCallbackQuery_registeredOnce_isAccepted_andASecondAnswerIsTooOld() {
        fake.registerCallbackQuery("q1");

        assertThat(client.execute(AnswerCallbackQuery.builder("q1")
                        .text("Saved")
                        .showAlert(true)
                        .build()))
                .isTrue();
        TelegramException.BadRequest twice = badRequest(() -> client.execute(AnswerCallbackQuery.of("q1")));
        TelegramException.BadRequest unknown = badRequest(() -> client.execute(AnswerCallbackQuery.of("nope")));

        assertThat(fake.callbackAnswers()).containsExactly(new CallbackAnswer("q1", "Saved", true, null));
        assertThat(twice.isQueryTooOld()).isTrue();
        assertThat(twice.description())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
        assertThat(unknown.isQueryTooOld()).isTrue();
    }

    @Test
    void answerCallbackQueryTextOver200_isRefused_andTheQueryStaysOpen() {
        fake.registerCallbackQuery("q1");

        assertThat(badRequest(() -> client.execute(AnswerCallbackQuery.builder("q1")
                                .text("x".repeat(201))
                                .build()))
                        .description())
                .isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(client.execute(
                        AnswerCallbackQuery.builder("q1").text("x".repeat(200)).build()))
                .isTrue();
    }

    @Test
    void blockedChat_refusesSendsWithForbidden() {
        fake.block(CHAT);

        TelegramException.Forbidden e = catchThrowableOfType(
                TelegramException.Forbidden.class, () -> client.execute(SendMessage.of(CHAT, "hi")));

        assertThat(e.isBlockedByUser()).isTrue();
        assertThat(e.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThatThrownBy(() -> client.execute(SendChatAction.of(CHAT, "typing")))
                .isInstanceOf(TelegramException.Forbidden.class);
        assertThat(fake.messages(CHAT)).isEmpty();

        fake.unblock(CHAT);
        client.execute(SendMessage.of(CHAT, "hi"));
        assertThat(fake.messages(CHAT)).hasSize(1);
    }

    @Test
    void failNext429_isRetriedAfterRetryAfterOnTheFakeClock_andThenSucceeds() {
        fake.failNext("sendMessage", 429, "Too Many Requests: retry after 3", 3);

        Message sent = client.execute(SendMessage.of(CHAT, "eventually"));

        assertThat(sent.text()).isEqualTo("eventually");
        // retry_after plus the default policy's jitter of up to a tenth.
        assertThat(time.waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3300)));
        assertThat(fake.callCount("sendMessage")).isEqualTo(2);
        assertThat(fake.messages(CHAT)).hasSize(1);
    }

    @Test
    void failNext_queuesOneFailurePerCall() {
        fake.failNext("sendMessage", 400, "Bad Request: chat not found");
        fake.failNext("sendMessage", 403, "Forbidden: user is deactivated");

        assertThatThrownBy(() -> client.execute(SendMessage.of(CHAT, "a")))
                .isInstanceOf(TelegramException.BadRequest.class)
                .hasMessageContaining("chat not found");
        assertThatThrownBy(() -> client.execute(SendMessage.of(CHAT, "b")))
                .isInstanceOf(TelegramException.Forbidden.class);
        client.execute(SendMessage.of(CHAT, "c"));
        assertThat(fake.messages(CHAT)).extracting(FakeMessage::text).containsExactly("c");
    }

    @Test
    void sendPhotoByUpload_getsAGeneratedFileId_thatCanBeSentAgain() {
        Message uploaded = client.execute(SendPhoto.builder(CHAT, InputFile.of(new byte[] {1, 2, 3}, "a.jpg"))
                .caption("A cat")
                .build());

        String fileId = uploaded.photo().get(0).fileId();
        assertThat(fileId).isNotBlank();
        assertThat(uploaded.caption()).isEqualTo("A cat");
        FakeMessage stored = fake.lastMessage(CHAT).orElseThrow();
        assertThat(stored.kind()).isEqualTo("photo");
        assertThat(stored.fileId()).isEqualTo(fileId);
        assertThat(stored.text()).isEqualTo("A cat");
        assertThat(fake.calls()).last().satisfies(call -> {
            assertThat(call.method()).isEqualTo("sendPhoto");
            assertThat(call.params()).contains("\"photo\":\"a.jpg\"").contains("\"caption\":\"A cat\"");
        });

        Message again = client.execute(SendPhoto.of(CHAT, InputFile.fileId(fileId)));
        assertThat(again.photo().get(0).fileId()).isEqualTo(fileId);
        assertThat(fake.messages(CHAT)).extracting(FakeMessage::fileId).containsExactly(fileId, fileId);
    }

    @Test
    void uploadsGetDistinctFileIds() {
        Message a = client.execute(SendDocument.of(CHAT, InputFile.of(new byte[] {1}, "a.pdf")));
        Message b = client.execute(SendDocument.of(CHAT, InputFile.of(new byte[] {1}, "a.pdf")));

        assertThat(a.document().fileId()).isNotEqualTo(b.document().fileId());
        assertThat(fake.lastMessage(CHAT).orElseThrow().kind()).isEqualTo("document");
    }

    @Test
    void editMessageTextOnAPhoto_isRefused_butItsCaptionAndMediaCanBeEdited() {
        Message photo = client.execute(SendPhoto.of(CHAT, InputFile.fileId("AgAC-1")));
        ChatId chat = ChatId.of(CHAT);

        assertThat(badRequest(() -> client.execute(EditMessageText.builder()
                                .chatId(chat)
                                .messageId(photo.messageId())
                                .text("words")
                                .build()))
                        .description())
                .isEqualTo("Bad Request: there is no text in the message to edit");

        client.execute(EditMessageCaption.builder()
                .chatId(chat)
                .messageId(photo.messageId())
                .caption("New")
                .build());
        assertThat(fake.lastMessage(CHAT).orElseThrow().text()).isEqualTo("New");

        MessageOrTrue media =
                client.execute(EditMessageMedia.builder(InputMediaPhoto.builder(InputFile.of(new byte[] {9}, "b.jpg"))
                                .caption("Newer")
                                .build())
                        .chatId(chat)
                        .messageId(photo.messageId())
                        .build());
        FakeMessage now = fake.lastMessage(CHAT).orElseThrow();
        assertThat(now.fileId())
                .isNotEqualTo("AgAC-1")
                .isEqualTo(media.message().photo().get(0).fileId());
        assertThat(now.text()).isEqualTo("Newer");
        assertThat(fake.history(CHAT)).hasSize(3);
    }

    @Test
    void replyKeyboardsAndForceReply_areAcceptedAndRecorded() {
        ReplyKeyboardMarkup keyboard =
                ReplyKeyboardMarkup.of(List.of(List.of(KeyboardButton.of("Yes"), KeyboardButton.of("No"))));

        Message sent = client.execute(
                SendMessage.builder(CHAT, "Sure?").replyMarkup(keyboard).build());
        client.execute(SendMessage.builder(CHAT, "Your name?")
                .replyMarkup(ForceReply.of(true))
                .build());

        assertThat(sent.replyMarkup()).isNull();
        assertThat(fake.messages(CHAT))
                .extracting(FakeMessage::replyMarkup)
                .containsExactly(keyboard, ForceReply.of(true));
        assertThat(fake.messages(CHAT).get(0).inlineKeyboard()).isEmpty();
    }

    @Test
    void unknownMethod_surfacesAsNotFound() {
        TelegramException.NotFound e =
                catchThrowableOfType(TelegramException.NotFound.class, () -> client.execute(new Bogus()));

        assertThat(e.errorCode()).isEqualTo(404);
        assertThat(e.description()).isEqualTo("Not Found");
        assertThat(fake.callCount("frobnicate")).isEqualTo(1);
    }

    @Test
    void otherBooleanMethods_answerTrue_andOtherMethodsAreRefusedClearly() {
        assertThat(client.execute(PinChatMessage.of(CHAT, 1))).isTrue();
        assertThat(fake.callCount("pinChatMessage")).isEqualTo(1);
        assertThat(fake.calls())
                .last()
                .extracting(ApiCall::params)
                .asString()
                .contains("\"chat_id\":42")
                .contains("\"message_id\":1");

        assertThat(badRequest(() -> client.execute(new GetChat(ChatId.of(CHAT))))
                        .description())
                .isEqualTo("Bad Request: method not supported by FakeTelegram: getChat");
    }

    @Test
    void missingRequiredParameter_isABadRequest() {
        TelegramException.BadRequest e = badRequest(() -> client.execute(new BareSendMessage()));

        assertThat(e.description()).isEqualTo("Bad Request: chat_id is empty");
    }

    @Test
    void commands_areKeptPerScopeAndLanguage() {
        List<BotCommand> english = List.of(new BotCommand("start", "Start over"));
        List<BotCommand> german = List.of(new BotCommand("start", "Neu anfangen"));
        client.execute(SetMyCommands.of(english));
        client.execute(new SetMyCommands(german, null, "de"));
        client.execute(new SetMyCommands(english, BotCommandScopeChat.of(CHAT), null));

        assertThat(client.execute(GetMyCommands.of())).isEqualTo(english);
        assertThat(client.execute(new GetMyCommands(null, "de"))).isEqualTo(german);
        assertThat(client.execute(new GetMyCommands(BotCommandScopeAllPrivateChats.of(), null)))
                .isEmpty();
        assertThat(fake.commands(BotCommandScopeChat.of(CHAT), null)).isEqualTo(english);

        client.execute(new DeleteMyCommands(null, "de"));
        assertThat(client.execute(new GetMyCommands(null, "de"))).isEmpty();

        assertThat(badRequest(() -> client.execute(SetMyCommands.of(List.of(new BotCommand("Start!", "x")))))
                        .description())
                .isEqualTo("Bad Request: BOT_COMMAND_INVALID");
    }

    @Test
    void chatMenuButton_isRecorded() {
        client.execute(new SetChatMenuButton(CHAT, MenuButtonCommands.of()));

        assertThat(fake.menuButton(CHAT)).hasValue(MenuButtonCommands.of());
        assertThat(fake.menuButton(null)).isEmpty();
    }

    @Test
    void concurrentSends_getDistinctIncreasingIds() {
        List<CompletableFuture<Message>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(client.executeAsync(SendMessage.of(CHAT, "m" + i)));
        }
        List<Long> ids = futures.stream()
                .map(CompletableFuture::join)
                .map(Message::messageId)
                .toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(50);
        assertThat(fake.messages(CHAT))
                .extracting(FakeMessage::messageId)
                .isSorted()
                .hasSize(50);
    }

    @Test
    void requestsWithAnotherToken_areUnauthorized() {
        OkHttpClient http =
                new OkHttpClient.Builder().addInterceptor(fake.interceptor()).build();
        TelegramClient stranger = TelegramClient.builder("999:OTHER")
                .okHttpClient(http)
                .timeSource(time)
                .build();

        assertThatThrownBy(() -> stranger.execute(GetMe.of())).isInstanceOf(TelegramException.Unauthorized.class);
    }

    private Response post(String method, RequestBody body) throws IOException {
        OkHttpClient http =
                new OkHttpClient.Builder().addInterceptor(fake.interceptor()).build();
        Request request = new Request.Builder()
                .url("https://api.telegram.org/bot" + FakeTelegram.TOKEN + "/" + method)
                .post(body)
                .build();
        return http.newCall(request).execute();
    }

    @Test
    void malformedJson_isABadRequest() throws Exception {
        try (Response response = post(
                "sendMessage", RequestBody.create("{\"chat_id\": 42, \"text\": ", MediaType.get("application/json")))) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string())
                    .startsWith("{\"ok\":false,\"error_code\":400,")
                    .contains("\"description\":\"Bad Request: can't parse JSON encoded request");
        }
        assertThat(fake.messages(CHAT)).isEmpty();
    }

    @Test
    void wronglyTypedJson_isABadRequest_notACrash() throws Exception {
        try (Response response = post(
                "sendMessage",
                RequestBody.create(
                        "{\"chat_id\":42,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":\"nope\"}}",
                        MediaType.get("application/json")))) {
            assertThat(response.code()).isEqualTo(400);
        }
    }

    @Test
    void formBodies_andCaseInsensitiveMethodNames_areUnderstood() throws Exception {
        FormBody form = new FormBody.Builder()
                .add("chat_id", "42")
                .add("text", "from a form")
                .add("reply_markup", "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}")
                .build();

        try (Response response = post("SENDMESSAGE", form)) {
            assertThat(response.code()).isEqualTo(200);
        }

        FakeMessage sent = fake.lastMessage(CHAT).orElseThrow();
        assertThat(sent.text()).isEqualTo("from a form");
        assertThat(sent.buttonLabels()).containsExactly("Go");
        assertThat(fake.callCount("sendMessage")).isEqualTo(1);
    }

    /** A method the Bot API does not have. */
    private record Bogus() implements BotMethod<Boolean> {
        @Override
        public String methodName() {
            return "frobnicate";
        }

        @Override
        public Type resultType() {
            return Boolean.class;
        }
    }

    /** A sendMessage with only a text, as a hand-written client might send it. */
    private record BareSendMessage(String text) implements BotMethod<Message> {
        BareSendMessage() {
            this("hi");
        }

        @Override
        public String methodName() {
            return "sendMessage";
        }

        @Override
        public Type resultType() {
            return Message.class;
        }
    }
}
