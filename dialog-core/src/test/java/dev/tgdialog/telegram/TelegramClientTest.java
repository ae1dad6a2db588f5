package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.error;
import static dev.tgdialog.test.TelegramJson.ok;
import static dev.tgdialog.test.TelegramJson.sentMessage;
import static dev.tgdialog.test.TelegramJson.tooManyRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonParser;
import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.methods.GetUpdates;
import dev.tgdialog.telegram.methods.SendInvoice;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SendPhoto;
import dev.tgdialog.telegram.methods.SetMyCommands;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.ChatMemberBanned;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.LabeledPrice;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's contract against a real HTTP server on loopback, on the default OkHttp transport here; every test runs
 * again on the JDK's HttpClient in {@link JdkTransportClientTest}, which only overrides {@link #builder(Duration)}.
 */
class TelegramClientTest {
    /** The default policy without jitter, so the waits a test sees are exact. */
    private static final RetryPolicy EXACT = new RetryPolicy(
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10), 0);

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private TelegramClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = clientWith(EXACT, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A builder for the test's token on the transport under test, waiting this long for an answer. */
    TelegramClient.Builder builder(Duration readTimeout) {
        return TelegramClient.builder(TOKEN).timeouts(Duration.ofSeconds(5), readTimeout, Duration.ofSeconds(5));
    }

    private TelegramClient.Builder builder() {
        return builder(Duration.ofSeconds(5));
    }

    private TelegramClient clientWith(RetryPolicy retry, Duration readTimeout) {
        return builder(readTimeout)
                .baseUrl(server.url("/").toString())
                .retryPolicy(retry)
                .timeSource(time)
                .build();
    }

    private void answer(String json) {
        answer(200, json);
    }

    private void answer(int code, String json) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static Object json(String text) {
        return JsonParser.parseString(text);
    }

    private static String body(RecordedRequest request) {
        return request.getBody().utf8();
    }

    @Test
    void sendMessage_withInlineKeyboard_postsSnakeCaseJson_andReturnsTheMessage() throws Exception {
        answer(ok(sentMessage(42, 7, "Sure?")));
        InlineKeyboardMarkup keyboard = new InlineKeyboardMarkup(List.of(List.of(
                InlineKeyboardButton.builder("Yes").callbackData("y").build(),
                InlineKeyboardButton.builder("No").callbackData("n").build())));

        Message sent = client.execute(
                SendMessage.builder(42L, "Sure?").replyMarkup(keyboard).build());

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(json(body(request)))
                .isEqualTo(json("{\"chat_id\":42,\"text\":\"Sure?\",\"reply_markup\":"
                        + "{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"},"
                        + "{\"text\":\"No\",\"callback_data\":\"n\"}]]}}"));
        assertThat(sent.messageId()).isEqualTo(7);
        assertThat(sent.chat().id()).isEqualTo(42);
        assertThat(sent.text()).isEqualTo("Sure?");
        InlineKeyboardMarkup markup = sent.replyMarkup();
        assertThat(markup.inlineKeyboard().get(0))
                .extracting(InlineKeyboardButton::callbackData)
                .containsExactly("y", "n");
    }

    @Test
    void editMessageText_returnsTheEditedMessage_orTrueForAnInlineMessage() throws Exception {
        answer(ok(sentMessage(42, 7, "Edited")));
        answer(ok("true"));

        MessageOrTrue edited = client.execute(EditMessageText.builder()
                .chatId(42L)
                .messageId(7L)
                .text("Edited")
                .build());
        MessageOrTrue inline = client.execute(EditMessageText.builder()
                .inlineMessageId("AAE-inline")
                .text("Edited")
                .build());

        assertThat(edited.message()).isNotNull();
        assertThat(edited.message().text()).isEqualTo("Edited");
        assertThat(inline.message()).isNull();
        assertThat(json(body(take()))).isEqualTo(json("{\"chat_id\":42,\"message_id\":7,\"text\":\"Edited\"}"));
        assertThat(json(body(take()))).isEqualTo(json("{\"inline_message_id\":\"AAE-inline\",\"text\":\"Edited\"}"));
    }

    @Test
    void aTrueResult_readsTheSame_inTelegramsExactBytes_andInAnyOtherLayout() throws Exception {
        answer("{\"ok\":true,\"result\":true}");
        answer("{ \"result\" : true, \"ok\" : true }");
        answer("{\"ok\":true,\"result\":false}");
        answer("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: query is too old\"}");

        assertThat(client.execute(AnswerCallbackQuery.of("q1"))).isTrue();
        assertThat(client.execute(AnswerCallbackQuery.of("q2"))).isTrue();
        assertThat(client.execute(AnswerCallbackQuery.of("q3"))).isFalse();
        assertThatThrownBy(() -> client.execute(AnswerCallbackQuery.of("q4")))
                .isInstanceOf(TelegramException.class)
                .hasMessageContaining("query is too old");
    }

    @Test
    void answerCallbackQuery_withAlert_returnsTrue() throws Exception {
        answer(ok("true"));

        Boolean answered = client.execute(AnswerCallbackQuery.builder("4382bfdwdsb323b2d9")
                .text("Saved")
                .showAlert(true)
                .build());

        assertThat(answered).isTrue();
        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).endsWith("/answerCallbackQuery");
        assertThat(json(body(request)))
                .isEqualTo(
                        json("{\"callback_query_id\":\"4382bfdwdsb323b2d9\",\"text\":\"Saved\",\"show_alert\":true}"));
    }

    @Test
    void getUpdates_parsesAMixedBatch_includingKindsTheModelDoesNotKnow() throws Exception {
        String message = "{\"update_id\":100,\"message\":{\"message_id\":1,\"from\":{\"id\":1111111,\"is_bot\":false,"
                + "\"first_name\":\"Ann\"},\"chat\":{\"id\":1111111,\"first_name\":\"Ann\",\"type\":\"private\"},"
                + "\"date\":1441645532,\"text\":\"/start\",\"entities\":[{\"offset\":0,\"length\":6,"
                + "\"type\":\"bot_command\"}]}}";
        String callback = "{\"update_id\":101,\"callback_query\":{\"id\":\"4382bfdwdsb323b2d9\",\"from\":"
                + "{\"id\":1111111,\"is_bot\":false,\"first_name\":\"Ann\"},\"message\":{\"message_id\":2,"
                + "\"chat\":{\"id\":1111111,\"type\":\"private\"},\"date\":0},\"chat_instance\":\"-7741\","
                + "\"data\":\"0a:go\"}}";
        String member = "{\"update_id\":102,\"my_chat_member\":{\"chat\":{\"id\":1111111,\"type\":\"private\"},"
                + "\"from\":{\"id\":1111111,\"is_bot\":false,\"first_name\":\"Ann\"},\"date\":1441645600,"
                + "\"old_chat_member\":{\"status\":\"member\",\"user\":{\"id\":123456789,\"is_bot\":true,"
                + "\"first_name\":\"Bot\"}},\"new_chat_member\":{\"status\":\"kicked\",\"user\":{\"id\":123456789,"
                + "\"is_bot\":true,\"first_name\":\"Bot\"},\"until_date\":0}}}";
        String future = "{\"update_id\":103,\"some_update_of_bot_api_99\":{\"id\":1,\"shiny\":true}}";
        answer(ok("[" + message + "," + callback + "," + member + "," + future + "]"));

        List<Update> updates =
                client.execute(GetUpdates.builder().offset(100L).timeout(0L).build());

        assertThat(updates).extracting(Update::updateId).containsExactly(100L, 101L, 102L, 103L);
        assertThat(updates.get(0).message().text()).isEqualTo("/start");
        assertThat(updates.get(0).message().from().id()).isEqualTo(1111111L);
        CallbackQuery query = updates.get(1).callbackQuery();
        assertThat(query.data()).isEqualTo("0a:go");
        assertThat(query.message()).isInstanceOf(dev.tgdialog.telegram.types.InaccessibleMessage.class);
        assertThat(updates.get(2).myChatMember().newChatMember()).isInstanceOf(ChatMemberBanned.class);
        assertThat(updates.get(3).message()).isNull();
        assertThat(json(body(take()))).isEqualTo(json("{\"offset\":100,\"timeout\":0}"));
    }

    @Test
    void sendPhoto_byUpload_sendsMultipart_withTheFileAsAPart() throws Exception {
        answer(ok("{\"message_id\":9,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1767225600,\"photo\":"
                + "[{\"file_id\":\"AgAD\",\"file_unique_id\":\"AQAD\",\"width\":90,\"height\":90}]}"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10, 'J', 'F', 'I', 'F'};

        Message sent = client.execute(SendPhoto.builder(42L, InputFile.of(jpeg, "cat.jpg"))
                .caption("A cat")
                .build());

        assertThat(sent.photo()).hasSize(1);
        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).endsWith("/sendPhoto");
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        Map<String, String> fields = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        try (MultipartReader reader =
                new MultipartReader(new Buffer().write(request.getBody()), type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll(".*; name=\"([^\"]+)\".*", "$1");
                byte[] bytes = part.body().readByteArray();
                if (disposition.contains("filename=")) {
                    files.put(name, bytes);
                    fileNames.put(name, disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1"));
                } else {
                    fields.put(name, new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(fields).containsExactlyInAnyOrderEntriesOf(Map.of("chat_id", "42", "caption", "A cat"));
        assertThat(files).containsOnlyKeys("photo");
        assertThat(files.get("photo")).isEqualTo(jpeg);
        assertThat(fileNames.get("photo")).isEqualTo("cat.jpg");
    }

    @Test
    void sendPhoto_byFileId_staysPlainJson() throws Exception {
        answer(ok("{\"message_id\":9,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1767225600}"));

        client.execute(SendPhoto.of(42L, InputFile.fileId("AgACAgIAAxkBAAIB")));

        assertThat(json(body(take()))).isEqualTo(json("{\"chat_id\":42,\"photo\":\"AgACAgIAAxkBAAIB\"}"));
    }

    @Test
    void setMyCommands_withAScopeAndALanguage() throws Exception {
        answer(ok("true"));

        Boolean set = client.execute(new SetMyCommands(
                List.of(new BotCommand("start", "Start over"), new BotCommand("help", "What I can do")),
                BotCommandScopeChat.of(ChatId.of(-1001234567890L)),
                "de"));

        assertThat(set).isTrue();
        assertThat(json(body(take())))
                .isEqualTo(json("{\"commands\":[{\"command\":\"start\",\"description\":"
                        + "\"Start over\"},{\"command\":\"help\",\"description\":\"What I can do\"}],\"scope\":"
                        + "{\"type\":\"chat\",\"chat_id\":-1001234567890},\"language_code\":\"de\"}"));
    }

    @Test
    void sendInvoice_inTelegramStars() throws Exception {
        answer(ok("{\"message_id\":10,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1767225600,\"invoice\":"
                + "{\"title\":\"Extra lives\",\"description\":\"Five more lives\",\"start_parameter\":\"\","
                + "\"currency\":\"XTR\",\"total_amount\":50}}"));

        Message sent = client.execute(SendInvoice.builder(
                        42L,
                        "Extra lives",
                        "Five more lives",
                        "lives-5",
                        "XTR",
                        List.of(new LabeledPrice("5 lives", 50L)))
                .providerToken("")
                .build());

        assertThat(sent.invoice().currency()).isEqualTo("XTR");
        assertThat(sent.invoice().totalAmount()).isEqualTo(50L);
        assertThat(json(body(take())))
                .isEqualTo(json("{\"chat_id\":42,\"title\":\"Extra lives\",\"description\":"
                        + "\"Five more lives\",\"payload\":\"lives-5\",\"provider_token\":\"\",\"currency\":\"XTR\","
                        + "\"prices\":[{\"label\":\"5 lives\",\"amount\":50}]}"));
    }

    @Test
    void tooManyRequests_isRepeatedAfterRetryAfter_onTheFakeClock() throws Exception {
        answer(429, tooManyRequests(3));
        answer(ok(sentMessage(42, 8, "Hi")));

        Message sent = client.execute(SendMessage.of(42L, "Hi"));

        assertThat(sent.messageId()).isEqualTo(8);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(body(take())).isEqualTo(body(take()));
    }

    @Test
    void aTooManyRequestsStorm_isRepeatedUntilTheDeadline_notForACount_andGivenUpWithOneWarning() {
        for (int i = 0; i < 20; i++) {
            answer(429, tooManyRequests(5));
        }

        Throwable thrown;
        try (LogCapture logs = new LogCapture()) {
            thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

            assertThat(logs.at(Level.WARN))
                    .filteredOn(line -> line.contains("gave up"))
                    .singleElement()
                    .asString()
                    .contains("sendMessage")
                    .contains("after 11 repeats in 55.0 s (deadline 60 s)")
                    .contains("Too Many Requests: retry after 5");
        }

        assertThat(thrown).isInstanceOf(TelegramException.TooManyRequests.class);
        TelegramException e = (TelegramException) thrown;
        assertThat(e.errorCode()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(5L);
        assertThat(e.description()).isEqualTo("Too Many Requests: retry after 5");
        // Repeats at 5, 10, ... 55 s start before the 60 s deadline; the one at 60 s would not.
        assertThat(server.getRequestCount()).isEqualTo(12);
        assertThat(time.waits()).hasSize(11).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void anAsyncStorm_stopsAtTheDeadline_too_waitingThroughTheTimeSource() {
        for (int i = 0; i < 20; i++) {
            answer(429, tooManyRequests(7));
        }

        CompletableFuture<Boolean> answered = client.executeAsync(AnswerCallbackQuery.of("q1"));

        assertThatThrownBy(() -> answered.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(TelegramException.TooManyRequests.class);
        // 7, 14, ... 56 s: eight repeats before the 60 s deadline.
        assertThat(server.getRequestCount()).isEqualTo(9);
        assertThat(time.waits()).hasSize(8).containsOnly(Duration.ofSeconds(7));
    }

    @Test
    void jitter_lengthensEachWait_byAtMostItsFraction() {
        client = clientWith(
                new RetryPolicy(
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(60),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10),
                        0.5),
                Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            answer(429, tooManyRequests(2));
        }
        answer(ok(sentMessage(42, 8, "Hi")));

        client.execute(SendMessage.of(42L, "Hi"));

        assertThat(time.waits())
                .hasSize(10)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(2)));
    }

    @Test
    void maxFloodWaitZero_throwsTooManyRequestsAtOnce_afterOneRequest_syncAndAsync() {
        TelegramClient noFloodWait = client.withRetryPolicy(new RetryPolicy(
                Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(10), 0.1));
        answer(429, tooManyRequests(1));
        answer(429, tooManyRequests(1));

        Throwable sync = catchThrowable(() -> noFloodWait.execute(SendMessage.of(42L, "Hi")));
        CompletableFuture<Message> async = noFloodWait.executeAsync(SendMessage.of(42L, "Hi"));

        assertThat(sync)
                .isInstanceOfSatisfying(
                        TelegramException.TooManyRequests.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(1L));
        assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(TelegramException.TooManyRequests.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void withRetryPolicy_keepsTheSettings_andOnlyChangesTheRepeats() throws Exception {
        TelegramClient none = client.withRetryPolicy(RetryPolicy.none());
        answer(502, "<html><body>502 Bad Gateway</body></html>");
        answer(502, "<html><body>502 Bad Gateway</body></html>");
        answer(ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test Bot\"}"));

        Throwable once = catchThrowable(() -> none.execute(GetMe.of()));
        User me = client.execute(GetMe.of());

        assertThat(once).isInstanceOf(TelegramException.ServerError.class);
        assertThat(me.firstName()).isEqualTo("Test Bot");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/getMe");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void tooManyRequests_longerThanTheLongestWait_failsAtOnce() {
        answer(429, tooManyRequests(3600));

        assertThatThrownBy(() -> client.execute(SendMessage.of(42L, "Hi")))
                .isInstanceOf(TelegramException.TooManyRequests.class);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void asyncCall_isRepeatedAfterRetryAfter_too() throws Exception {
        answer(429, tooManyRequests(2));
        answer(ok("true"));

        Boolean answered = client.executeAsync(AnswerCallbackQuery.of("q1")).get(5, TimeUnit.SECONDS);

        assertThat(answered).isTrue();
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void asyncCall_failsItsFutureWithTheTelegramException() {
        answer(400, error(400, "Bad Request: chat not found"));

        CompletableFuture<Message> future = client.executeAsync(SendMessage.of(42L, "Hi"));

        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TelegramException.BadRequest.class)
                .hasMessage("sendMessage failed: 400 Bad Request: chat not found");
    }

    @Test
    void aSend_isNotRepeatedAfterAReadTimeout() {
        client = clientWith(RetryPolicy.defaults(), Duration.ofMillis(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        answer(ok(sentMessage(42, 8, "Hi")));

        Throwable thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

        assertThat(thrown).isInstanceOf(TelegramException.Network.class);
        assertThat(((TelegramException.Network) thrown).isTimeout()).isTrue();
        assertThat(((TelegramException.Network) thrown).mayHaveBeenApplied()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void anEdit_isRepeatedAfterAReadTimeout() {
        client = clientWith(EXACT, Duration.ofMillis(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        answer(ok(sentMessage(42, 7, "Edited")));

        MessageOrTrue edited = client.execute(EditMessageText.builder()
                .chatId(42L)
                .messageId(7L)
                .text("Edited")
                .build());

        assertThat(edited.message().text()).isEqualTo("Edited");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aServerError_isRepeatedForAGet_butNotForASend() {
        answer(502, "<html><body>502 Bad Gateway</body></html>");
        answer(ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test Bot\",\"username\":\"test_bot\"}"));
        answer(502, "<html><body>502 Bad Gateway</body></html>");

        User me = client.execute(GetMe.of());
        Throwable thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

        assertThat(me.username()).isEqualTo("test_bot");
        assertThat(thrown).isInstanceOf(TelegramException.ServerError.class);
        assertThat(((TelegramException) thrown).errorCode()).isEqualTo(502);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedConnection_isRepeatedWithBackoff_evenForASend_untilTheDeadline() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TelegramClient unreachable = builder()
                .baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(EXACT)
                .timeSource(time)
                .build();

        Throwable thrown = catchThrowable(() -> unreachable.execute(SendMessage.of(42L, "Hi")));

        assertThat(thrown).isInstanceOf(TelegramException.Network.class);
        assertThat(((TelegramException.Network) thrown).mayHaveBeenApplied()).isFalse();
        // 55.5 s of backoff; the next pause of 10 s would end past the 60 s deadline.
        assertThat(time.waits())
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
        unreachable.close();
    }

    @Test
    void errors_becomeTheSubtypeCallersBranchOn() {
        answer(403, error(403, "Forbidden: bot was blocked by the user"));
        answer(
                400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a "
                        + "supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}");
        answer(
                400,
                error(
                        400,
                        "Bad Request: message is not modified: specified new message content and reply "
                                + "markup are exactly the same as a current content and reply markup of the message"));
        answer(401, error(401, "Unauthorized"));
        answer(
                409,
                error(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only one bot "
                                + "instance is running"));
        answer(404, error(404, "Not Found"));

        Throwable blocked = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));
        Throwable migrated = catchThrowable(() -> client.execute(SendMessage.of(-4242L, "Hi")));
        Throwable notModified = catchThrowable(() -> client.execute(
                EditMessageText.builder().chatId(42L).messageId(7L).text("Same").build()));
        Throwable unauthorized = catchThrowable(() -> client.execute(GetMe.of()));
        Throwable conflict =
                catchThrowable(() -> client.execute(GetUpdates.builder().build()));
        Throwable notFound = catchThrowable(() -> client.execute(GetMe.of()));

        assertThat(blocked)
                .isInstanceOfSatisfying(
                        TelegramException.Forbidden.class,
                        e -> assertThat(e.isBlockedByUser()).isTrue());
        assertThat(migrated).isInstanceOfSatisfying(TelegramException.BadRequest.class, e -> {
            assertThat(e.isChatMigrated()).isTrue();
            assertThat(e.migrateToChatId()).isEqualTo(-1001234567890L);
        });
        assertThat(notModified)
                .isInstanceOfSatisfying(
                        TelegramException.BadRequest.class,
                        e -> assertThat(e.isMessageNotModified()).isTrue());
        assertThat(unauthorized).isInstanceOf(TelegramException.Unauthorized.class);
        assertThat(conflict).isInstanceOf(TelegramException.Conflict.class);
        assertThat(notFound).isInstanceOf(TelegramException.NotFound.class);
    }

    @Test
    void aProxysHtml404_isAnUnexpectedResponse_whileTelegramsJson404_isNotFound() {
        answer(404, "<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>");
        answer(404, error(404, "Not Found"));

        Throwable proxy = catchThrowable(() -> client.execute(GetMe.of()));
        Throwable telegram = catchThrowable(() -> client.execute(GetMe.of()));

        assertThat(proxy).isInstanceOfSatisfying(TelegramException.UnexpectedResponse.class, e -> {
            assertThat(e.errorCode()).isEqualTo(404);
            assertThat(e.description()).isEqualTo("a response that is not a Bot API answer (HTTP 404)");
        });
        assertThat(telegram).isInstanceOf(TelegramException.NotFound.class).hasMessage("getMe failed: 404 Not Found");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aResponseThatIsNotJson_isATelegramException_notACrash() {
        answer(200, "{\"ok\":true,\"result\":{\"message_id\":");

        Throwable thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

        assertThat(thrown).isInstanceOf(TelegramException.class).hasMessageContaining("not a Bot API answer");
    }

    @Test
    void aFailingRequest_leavesNoTokenInTheException_orTheLog() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TelegramClient unreachable = builder()
                .baseUrl("http://127.0.0.1:" + closedPort)
                .timeSource(time)
                .build();
        client = clientWith(RetryPolicy.defaults(), Duration.ofMillis(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        // A server that echoes the URL it was called at, token included, in its error description.
        answer(404, error(404, "Not Found: /bot" + TOKEN + "/sendMessage"));

        try (LogCapture logs = new LogCapture()) {
            Throwable refused = catchThrowable(() -> unreachable.execute(SendMessage.of(42L, "Hi")));
            Throwable timedOut = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));
            Throwable echoed = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

            for (Throwable t : List.of(refused, timedOut, echoed)) {
                assertThat(t).isInstanceOf(TelegramException.class);
                for (Throwable c = t; c != null; c = c.getCause()) {
                    assertThat(c.getMessage())
                            .doesNotContain(TOKEN)
                            .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
                    assertThat(c.toString()).doesNotContain(TOKEN);
                }
            }
            assertThat(echoed.getMessage()).contains("/bot<bot-token>/sendMessage");
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.all()).doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        }
        assertThat(client.toString())
                .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
                .contains("123456789");
        unreachable.close();
    }

    @Test
    void aMalformedToken_isRefused_withoutEchoingIt() {
        assertThatThrownBy(() -> TelegramClient.create("123456789 AAH-secret-part"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("AAH-secret-part");
    }

    @Test
    void testEnvironment_andFileUrls_useTheDocumentedPaths() throws Exception {
        TelegramClient test = builder()
                .baseUrl(server.url("/").toString())
                .testEnvironment(true)
                .build();
        answer(ok("{\"id\":1,\"is_bot\":true,\"first_name\":\"T\"}"));

        test.execute(GetMe.of());

        assertThat(take().getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/test/getMe");
        assertThat(client.fileUrl("photos/file_1.jpg"))
                .isEqualTo(
                        server.url("/file/bot" + TOKEN + "/photos/file_1.jpg").toString());
        test.close();
    }

    @Test
    void downloadFile_fetchesTheBytes() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[] {1, 2, 3}))
                .build());

        byte[] bytes = client.downloadFile("documents/file_2.pdf");

        assertThat(bytes).containsExactly(1, 2, 3);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/file/bot" + TOKEN + "/documents/file_2.pdf");
    }

    @Test
    void downloadFile_readsALocalServersAbsolutePath_fromDisk_andStillFetchesARelativeOne(@TempDir Path dir)
            throws Exception {
        // A local Bot API server run with --local answers getFile with a path on its own disk.
        Path file = Files.write(dir.resolve("file_3.pdf"), new byte[] {7, 8, 9});
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[] {1, 2, 3}))
                .build());

        byte[] local = client.downloadFile(file.toAbsolutePath().toString());
        int requestsForTheLocalFile = server.getRequestCount();
        byte[] remote = client.downloadFile("documents/file_2.pdf");

        assertThat(local).containsExactly(7, 8, 9);
        assertThat(requestsForTheLocalFile).isZero();
        assertThat(remote).containsExactly(1, 2, 3);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/file/bot" + TOKEN + "/documents/file_2.pdf");
    }

    @Test
    void aRepeatAfterA429_takesAPacingSlotOfItsOwn_syncAndAsync() throws Exception {
        // One send every 100 ms across all chats, no burst: a send right after a repeat must wait its turn.
        Pacing even = new Pacing(true, Duration.ofSeconds(1), 3, Duration.ofSeconds(3), 5, Duration.ofMillis(100), 1);
        TelegramClient paced = builder()
                .baseUrl(server.url("/").toString())
                .retryPolicy(EXACT)
                .timeSource(time)
                .pacing(even)
                .build();
        answer(429, tooManyRequests(3));
        answer(ok(sentMessage(42, 1, "Hi")));
        answer(ok(sentMessage(43, 2, "Hi")));
        answer(429, tooManyRequests(3));
        answer(ok(sentMessage(44, 3, "Hi")));
        answer(ok(sentMessage(45, 4, "Hi")));

        paced.execute(SendMessage.of(42L, "Hi"));
        paced.execute(SendMessage.of(43L, "Hi"));
        paced.executeAsync(SendMessage.of(44L, "Hi")).get(5, TimeUnit.SECONDS);
        paced.executeAsync(SendMessage.of(45L, "Hi")).get(5, TimeUnit.SECONDS);

        // 42 refused, 3 s, its repeat; 43 waits 100 ms, the slot after the repeat's; 44 its 100 ms, refused, 3 s,
        // its repeat; 45 waits 100 ms after that repeat. Unpaced repeats would let 43 and 45 go at once.
        assertThat(time.waits())
                .containsExactly(
                        Duration.ofSeconds(3),
                        Duration.ofMillis(100),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(3),
                        Duration.ofMillis(100));
        assertThat(server.getRequestCount()).isEqualTo(6);
        paced.close();
    }

    @Test
    void pacing_spacesOutMessagesToOneChat_afterAShortBurst() {
        TelegramClient paced = builder()
                .baseUrl(server.url("/").toString())
                .timeSource(time)
                .pacing(Pacing.telegramLimits())
                .build();
        for (int i = 0; i < 5; i++) {
            answer(ok(sentMessage(42, i, "Hi")));
        }
        answer(ok(sentMessage(43, 9, "Hi")));

        for (int i = 0; i < 5; i++) {
            paced.execute(SendMessage.of(42L, "Hi"));
        }
        int waitsForChat42 = time.waits().size();
        paced.execute(SendMessage.of(43L, "Hi"));

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(waitsForChat42).isEqualTo(2);
        paced.close();
    }
}
