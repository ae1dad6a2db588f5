package dev.tgdialog.updates;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonParser;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.test.LogCapture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {
    private static final String SECRET = "s3cr3t_Token-1";
    private static final String UPDATE = "{\"update_id\":500,\"message\":{\"message_id\":1,\"chat\":{\"id\":7,"
            + "\"type\":\"private\"},\"date\":1767225600,\"text\":\"hello\"}}";

    private final OkHttpClient http = new OkHttpClient();
    private final List<Update> received = new CopyOnWriteArrayList<>();
    private WebhookServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private WebhookServer start(UpdateHandler handler, int maxInFlight) throws IOException {
        server = WebhookServer.builder(handler)
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .secretToken(SECRET)
                .maxInFlight(maxInFlight)
                .build()
                .start();
        return server;
    }

    private int post(String secret, String body) throws IOException {
        Request.Builder request = new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + server.path())
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (secret != null) {
            request.header(WebhookHandler.SECRET_HEADER, secret);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code();
        }
    }

    @Test
    void theRightSecret_isProcessed_andAnswered200() throws IOException {
        start(UpdateHandler.blocking(received::add), 10);

        assertThat(post(SECRET, UPDATE)).isEqualTo(200);

        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.updateId()).isEqualTo(500);
            assertThat(u.message().text()).isEqualTo("hello");
        });
    }

    @Test
    void aWrongOrMissingSecret_isAnswered401_andNothingIsHandled() throws IOException {
        start(UpdateHandler.blocking(received::add), 10);

        assertThat(post("s3cr3t_Token-2", UPDATE)).isEqualTo(401);
        assertThat(post(null, UPDATE)).isEqualTo(401);
        assertThat(post("", UPDATE)).isEqualTo(401);

        assertThat(received).isEmpty();
    }

    @Test
    void aWrongOrMissingSecret_isAnswered401_beforeTheBodyIsRead() throws IOException {
        start(UpdateHandler.blocking(received::add), 10);

        for (String secretHeader : List.of(WebhookHandler.SECRET_HEADER + ": s3cr3t_Token-2\r\n", "")) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                // Headers that promise ten megabytes, and no body at all: a server that read first would wait.
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + server.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + secretHeader
                                + "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

                assertThat(in.readLine()).startsWith("HTTP/1.1 401");
            }
        }
        assertThat(received).isEmpty();
    }

    private static String update(long id, String text) {
        return UPDATE.replace("500", Long.toString(id)).replace("hello", text);
    }

    @Test
    void slotsComeBack_afterHandlersThatReturnNull_throwErrors_orFailWithAnError() throws IOException {
        int maxInFlight = 2;
        start(
                update -> switch (update.message().text()) {
                    case "null" -> null;
                    case "stack" -> throw new StackOverflowError();
                    case "assert" -> throw new AssertionError("handler bug");
                    case "late-error" -> CompletableFuture.failedFuture(new AssertionError("stage bug"));
                    default -> {
                        received.add(update);
                        yield CompletableFuture.completedFuture(null);
                    }
                },
                maxInFlight);

        try (LogCapture logs = new LogCapture()) {
            long id = 1;
            for (int i = 0; i <= maxInFlight; i++) {
                assertThat(post(SECRET, update(id++, "null")))
                        .as("a handler that returned null")
                        .isEqualTo(200);
            }
            for (String fault : List.of("stack", "assert", "late-error")) {
                for (int i = 0; i <= maxInFlight; i++) {
                    assertThat(post(SECRET, update(id++, fault))).as(fault).isEqualTo(500);
                }
            }

            assertThat(post(SECRET, update(id, "still here"))).isEqualTo(200);
            assertThat(received)
                    .singleElement()
                    .satisfies(u -> assertThat(u.message().text()).isEqualTo("still here"));
            assertThat(logs.at(Level.ERROR))
                    .hasSize(3 * (maxInFlight + 1))
                    .allSatisfy(line -> assertThat(line).contains("failed in the handler (500)"));
        }
    }

    @Test
    void aHandlerThatFails_getsANon2xx_soTelegramDeliversAgain() throws IOException {
        start(update -> CompletableFuture.failedFuture(new IllegalStateException("store down")), 10);

        assertThat(post(SECRET, UPDATE)).isEqualTo(500);
    }

    @Test
    void aHandlerThatCannotTakeTheUpdate_gets503() throws IOException {
        start(
                update -> {
                    throw new RejectedExecutionException("queue full");
                },
                10);

        assertThat(post(SECRET, UPDATE)).isEqualTo(503);
    }

    @Test
    void pastMaxInFlight_newUpdatesGet503_untilOneFinishes() throws Exception {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CountDownLatch entered = new CountDownLatch(1);
        start(
                update -> {
                    entered.countDown();
                    return update.updateId() == 500 ? slow : CompletableFuture.completedFuture(null);
                },
                1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post(SECRET, UPDATE);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        int second = post(SECRET, UPDATE.replace("500", "501"));
        slow.complete(null);

        assertThat(second).isEqualTo(503);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(post(SECRET, UPDATE.replace("500", "502"))).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAnUpdate_gets400_andTheServerGoesOn() throws IOException {
        start(UpdateHandler.blocking(received::add), 10);

        assertThat(post(SECRET, "{\"update_id\":")).isEqualTo(400);
        assertThat(post(SECRET, "[1,2]")).isEqualTo(400);
        assertThat(post(SECRET, UPDATE)).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void theHandlerWorksWithoutTheServer_asAFunctionOfHeadersAndBody() throws Exception {
        WebhookHandler webhook = new WebhookHandler(SECRET, UpdateHandler.blocking(received::add), 4);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-telegram-bot-api-secret-token", SECRET);

        int status = webhook.handle(headers::get, UPDATE.getBytes())
                .toCompletableFuture()
                .get();

        assertThat(status).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void register_setsTheWebhookWithTheSecretToken() throws Exception {
        start(UpdateHandler.blocking(received::add), 10);
        try (MockWebServer telegram = new MockWebServer()) {
            telegram.enqueue(
                    new mockwebserver3.MockResponse.Builder().body(ok("true")).build());
            telegram.start(InetAddress.getLoopbackAddress(), 0);
            TelegramClient client = TelegramClient.builder(TOKEN)
                    .baseUrl(telegram.url("/").toString())
                    .build();

            server.register(client, "https://bot.example.com/telegram/webhook", List.of("message", "callback_query"));

            mockwebserver3.RecordedRequest request = telegram.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getUrl().encodedPath()).endsWith("/setWebhook");
            assertThat(JsonParser.parseString(request.getBody().utf8()))
                    .isEqualTo(JsonParser.parseString(
                            "{\"url\":\"https://bot.example.com/telegram/webhook\",\"allowed_updates\":[\"message\","
                                    + "\"callback_query\"],\"secret_token\":\"" + SECRET + "\"}"));
            client.close();
        }
    }

    @Test
    void withoutAGivenSecret_aRandomValidOneIsMade() {
        WebhookServer a =
                WebhookServer.builder(UpdateHandler.blocking(received::add)).build();
        WebhookServer b =
                WebhookServer.builder(UpdateHandler.blocking(received::add)).build();

        assertThat(a.secretToken()).matches("[A-Za-z0-9_-]{32,256}").isNotEqualTo(b.secretToken());
    }
}
