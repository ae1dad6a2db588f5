package dev.tgdialog.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.GetChatMenuButton;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.methods.SetChatMenuButton;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import dev.tgdialog.telegram.types.MenuButtonWebApp;
import dev.tgdialog.telegram.types.WebAppInfo;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * FakeTelegram reads every encoding the Bot API accepts (query string, JSON, form, multipart with
 * {@code attach://}), and refuses malformed parameters with the description Telegram (or the fake's class doc)
 * gives, as a hand-written client sees them over HTTP.
 */
class FakeTelegramRequestTest {
    private static final long CHAT = 42;
    private static final MediaType JSON = MediaType.get("application/json");

    private final FakeTime time = new FakeTime();
    private final FakeTelegram fake = new FakeTelegram(time);
    private final TelegramClient client = fake.client(time);
    private final OkHttpClient http =
            new OkHttpClient.Builder().addInterceptor(fake.interceptor()).build();

    /** The HTTP status and body of a request to this path of the Bot API server. */
    private String call(String path, RequestBody body) throws IOException {
        Request.Builder request = new Request.Builder().url("https://api.telegram.org" + path);
        if (body != null) {
            request.post(body);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private String post(String method, String json) throws IOException {
        return call("/bot" + FakeTelegram.TOKEN + "/" + method, RequestBody.create(json, JSON));
    }

    private String get(String methodAndQuery) throws IOException {
        return call("/bot" + FakeTelegram.TOKEN + "/" + methodAndQuery, null);
    }

    private static String refusal(String description) {
        return "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: " + description + "\"}";
    }

    @Test
    void queryStringParameters_areRead() throws IOException {
        assertThat(get("sendMessage?chat_id=42&text=from%20a%20link")).startsWith("200 {\"ok\":true,");

        assertThat(fake.lastMessage(CHAT).orElseThrow().text()).isEqualTo("from a link");
        assertThat(fake.calls())
                .last()
                .extracting(ApiCall::params)
                .asString()
                .isEqualTo("{\"chat_id\":\"42\",\"text\":\"from a link\"}");
    }

    @Test
    void multipartTextParts_areParameters_andFileParts_areUploadsRecordedByFileName() throws IOException {
        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("chat_id", "42")
                .addFormDataPart("caption", "The report")
                .addFormDataPart("document", "report.pdf", RequestBody.create(new byte[] {1, 2}))
                .build();

        assertThat(call("/bot" + FakeTelegram.TOKEN + "/sendDocument", body)).startsWith("200 ");

        FakeMessage sent = fake.lastMessage(CHAT).orElseThrow();
        assertThat(sent.kind()).isEqualTo("document");
        assertThat(sent.text()).isEqualTo("The report");
        assertThat(sent.fileId()).isEqualTo("FAKE-document-0001");
        assertThat(fake.calls())
                .last()
                .extracting(ApiCall::params)
                .asString()
                .isEqualTo("{\"chat_id\":\"42\",\"caption\":\"The report\",\"document\":\"report.pdf\"}");
    }

    @Test
    void attachReference_toAPartThatIsNotThere_isRefused() throws IOException {
        client.execute(SendMessage.of(CHAT, "text"));

        assertThat(post(
                        "editMessageMedia",
                        "{\"chat_id\":42,\"message_id\":1,\"media\":{\"type\":\"photo\",\"media\":\"attach://pic\"}}"))
                .isEqualTo("400 " + refusal("can't find the attached file pic"));
        assertThat(post(
                        "editMessageMedia",
                        "{\"chat_id\":42,\"message_id\":1,\"media\":{\"type\":\"sticker\",\"media\":\"x\"}}"))
                .isEqualTo("400 " + refusal("unsupported media type: sticker"));
    }

    @Test
    void pathsThatNameNoMethod_areNotFound() throws IOException {
        String notFound = "404 {\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}";

        assertThat(call("/bot" + FakeTelegram.TOKEN, null)).isEqualTo(notFound);
        assertThat(call("/file/bot" + FakeTelegram.TOKEN + "/photos/file_1.jpg", null))
                .isEqualTo(notFound);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void replyKeyboardWithAnEmptyRow_isRefused_likeAnInlineOne() throws IOException {
        assertThat(post(
                        "sendMessage",
                        "{\"chat_id\":42,\"text\":\"t\",\"reply_markup\":{\"keyboard\":[[{\"text\":\"a\"}],[]]}}"))
                .isEqualTo("400 " + refusal(FakeTelegram.EMPTY_ROW + 2));
        assertThat(post("sendMessage", "{\"chat_id\":42,\"text\":\"t\",\"reply_markup\":\"not a keyboard\"}"))
                .isEqualTo("400 " + refusal("can't parse reply_markup JSON object"));
        assertThat(post("sendMessage", "{\"chat_id\":42,\"text\":\"t\",\"reply_markup\":[1]}"))
                .isEqualTo("400 " + refusal("can't parse reply keyboard markup JSON object"));
        assertThat(fake.messages(CHAT)).isEmpty();
    }

    @Test
    void unknownParseModeOrChatAction_andTooManyIdsToDelete_areRefused() throws IOException {
        String ids = IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).collect(Collectors.joining(","));

        assertThat(post("sendMessage", "{\"chat_id\":42,\"text\":\"t\",\"parse_mode\":\"BBCode\"}"))
                .isEqualTo("400 " + refusal("unsupported parse_mode"));
        assertThat(post("sendChatAction", "{\"chat_id\":42,\"action\":\"dancing\"}"))
                .isEqualTo("400 " + refusal("wrong parameter action in request"));
        assertThat(post("deleteMessages", "{\"chat_id\":42,\"message_ids\":[" + ids + "]}"))
                .isEqualTo("400 " + refusal("too many messages to delete: 101 (1-100 allowed)"));
        assertThat(post("deleteMessages", "{\"chat_id\":42,\"message_ids\":[]}"))
                .isEqualTo("400 " + refusal("too many messages to delete: 0 (1-100 allowed)"));
    }

    @Test
    void commandsOverTheLimits_orWithAScopeThatIsNoObject_areRefused() throws IOException {
        String commands = IntStream.rangeClosed(1, 101)
                .mapToObj(i -> "{\"command\":\"c" + i + "\",\"description\":\"d\"}")
                .collect(Collectors.joining(","));

        assertThat(post("setMyCommands", "{\"commands\":[" + commands + "]}"))
                .isEqualTo("400 " + refusal("too many commands: 101 (at most 100)"));
        assertThat(post("setMyCommands", "{\"commands\":[{\"command\":\"start\",\"description\":\"\"}]}"))
                .isEqualTo("400 " + refusal("BOT_COMMAND_DESCRIPTION_INVALID"));
        assertThat(post("setMyCommands", "{\"commands\":{}}"))
                .isEqualTo("400 " + refusal("can't parse commands JSON object"));
        assertThat(post("getMyCommands", "{\"scope\":\"default\"}"))
                .isEqualTo("400 " + refusal("can't parse BotCommandScope JSON object"));
    }

    @Test
    void menuButtons_defaultToCommandsForTheBot_andToDefaultForAChat() {
        assertThat(client.execute(GetChatMenuButton.of())).isEqualTo(MenuButtonCommands.of());
        assertThat(client.execute(new GetChatMenuButton(CHAT))).isEqualTo(MenuButtonDefault.of());

        MenuButtonWebApp app = MenuButtonWebApp.of("Shop", new WebAppInfo("https://example.org/shop"));
        client.execute(new SetChatMenuButton(null, app));

        assertThat(client.execute(GetChatMenuButton.of())).isEqualTo(app);
        assertThat(fake.menuButton(null)).hasValue(app);
        assertThat(fake.menuButton(CHAT)).isEmpty();
    }

    @Test
    void failNext_andCallCount_matchTheMethodNameInAnyCase() {
        fake.failNext("SENDMESSAGE", 400, "Bad Request: chat not found");

        assertThatThrownBy(() -> client.execute(SendMessage.of(CHAT, "a")))
                .isInstanceOf(TelegramException.BadRequest.class)
                .hasMessageContaining("chat not found");
        client.execute(SendMessage.of(CHAT, "b"));

        assertThat(fake.callCount("SendMessage")).isEqualTo(2);
        assertThat(fake.messages(CHAT)).extracting(FakeMessage::text).containsExactly("b");
    }
}
