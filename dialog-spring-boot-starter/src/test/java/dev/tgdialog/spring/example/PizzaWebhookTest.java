package dev.tgdialog.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.LoopbackServer;
import dev.tgdialog.updates.WebhookHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook served by the application's own web server (Tomcat on a random loopback port) as a Spring MVC
 * controller: a real Telegram update posted over HTTP, and the bot's client, made from the properties, talking to a
 * fake Telegram served on loopback.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "tgdialog.token=" + FakeTelegram.TOKEN,
            "tgdialog.webhook.path=/telegram/webhook",
            "tgdialog.webhook.secret=" + PizzaWebhookTest.SECRET,
            "tgdialog.webhook.url=https://pizza.example/telegram/webhook"
        })
class PizzaWebhookTest {
    static final String SECRET = "pizza_Secret-42";
    /** The chat of the fixture: a real update in which user 12345678 sends /start in private. */
    private static final long FIXTURE_CHAT = 12345678;

    private static final FakeTelegram telegram = new FakeTelegram();
    private static final LoopbackServer api = telegram.serve();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry properties) {
        properties.add("tgdialog.base-url", api::baseUrl);
    }

    @AfterAll
    static void stopTheApi() {
        api.close();
    }

    @Test
    void theRightSecret_isAnswered200_afterTheBotAnsweredTheUser() throws Exception {
        assertThat(post(SECRET, fixture("message_bot_command_start_private.json")))
                .isEqualTo(200);

        assertThat(telegram.lastMessage(FIXTURE_CHAT).orElseThrow().text()).isEqualTo("Welcome to Spring Pizza!");
        assertThat(telegram.lastMessage(FIXTURE_CHAT).orElseThrow().buttonLabels())
                .containsExactly("Order a pizza", "Opening hours");
    }

    @Test
    void aWrongSecret_isAnswered401_andTheBotDoesNothing() throws Exception {
        int sends = telegram.callCount("sendMessage");

        assertThat(post("not-the-secret", fixture("message_bot_command_start_private.json")))
                .isEqualTo(401);
        assertThat(telegram.callCount("sendMessage")).isEqualTo(sends);
    }

    @Test
    void noSecret_isAnswered401_andTheBotDoesNothing() throws Exception {
        int sends = telegram.callCount("sendMessage");

        assertThat(post(null, fixture("message_bot_command_start_private.json")))
                .isEqualTo(401);
        assertThat(telegram.callCount("sendMessage")).isEqualTo(sends);
    }

    @Test
    void aBodyThatIsNoUpdate_isAnswered400() throws Exception {
        assertThat(post(SECRET, "{\"not\":")).isEqualTo(400);
    }

    @Test
    void theWebhook_wasRegisteredWithTelegram_withItsSecretAndTheBotsUpdateKinds() {
        assertThat(telegram.calls())
                .filteredOn(call -> call.method().equals("setWebhook"))
                .extracting(ApiCall::params)
                .singleElement()
                .asString()
                .contains("\"url\":\"https://pizza.example/telegram/webhook\"")
                .contains("\"secret_token\":\"" + SECRET + "\"")
                .contains("\"allowed_updates\":[\"message\",\"callback_query\"]");
    }

    private int post(String secret, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookHandler.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                PizzaWebhookTest.class.getResourceAsStream("/fixtures/" + name), "fixture " + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
