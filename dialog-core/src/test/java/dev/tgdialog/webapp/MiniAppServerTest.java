package dev.tgdialog.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.auth.InitDataValidator;
import dev.tgdialog.auth.SignedForTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mini App backend over real HTTP on loopback: static files, and an endpoint only valid {@code initData} reaches. */
class MiniAppServerTest {
    static final String TOKEN = "123456:AAH-test-token-of-a-test-bot";
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path site;

    MiniAppServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    MiniAppServer start() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>Pizza builder</title>");
        server = MiniAppServer.builder(InitDataValidator.forToken(TOKEN).clock(Clock.fixed(NOW, ZoneOffset.UTC)))
                .staticFiles(site)
                .endpoint(
                        "/api/order",
                        (caller, body) -> "{\"user\":" + caller.user().id() + ",\"got\":" + body + "}")
                .build()
                .start();
        return server;
    }

    HttpResponse<String> post(String path, String body, String initData) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (initData != null) {
            request.header("Authorization", "tma " + initData);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String initData() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user", "{\"id\":1001,\"first_name\":\"Ann\"}");
        fields.put("auth_date", Long.toString(NOW.getEpochSecond()));
        return SignedForTests.initData(TOKEN, fields);
    }

    @Test
    void theEndpoint_answers401WithoutValidInitData_andTheHandlersJsonWithIt() throws Exception {
        start();

        HttpResponse<String> none = post("/api/order", "{\"size\":\"L\"}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> forged =
                post("/api/order", "{\"size\":\"L\"}", initData().replace("Ann", "Bob"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("MISMATCH").doesNotContain(TOKEN);

        HttpResponse<String> ok = post("/api/order", "{\"size\":\"L\"}", initData());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ok.body()).isEqualTo("{\"user\":1001,\"got\":{\"size\":\"L\"}}");
    }

    @Test
    void staticFiles_areServed_andNothingOutsideTheFolder() throws Exception {
        start();
        Files.writeString(site.getParent().resolve("secret.txt"), "not for the web");

        HttpResponse<String> index = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Pizza builder");
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");

        HttpResponse<String> escape = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/../secret.txt"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(escape.statusCode()).isEqualTo(404);
    }
}
