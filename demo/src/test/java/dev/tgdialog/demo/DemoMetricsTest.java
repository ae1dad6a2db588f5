package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code METRICS=1}: the offline demo's meters, read over HTTP on loopback from the emulator's {@code /metrics}. */
class DemoMetricsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void askedFor_theEmulatorServesTheBotsMeters_inPrometheusTextFormat_withNoUserInThem() throws Exception {
        try (Emulator emulator = DemoBot.startEmulator(order -> {}, Emulator.ANY_PORT, new DemoMetrics())) {
            URI page = emulator.address();
            post(page, "/api/send", "{\"user\":1001,\"chat\":1001,\"text\":\"/start\"}");
            post(page, "/api/click", "{\"user\":1001,\"chat\":1001,\"messageId\":1,\"label\":\"Large\"}");

            HttpResponse<String> metrics = get(page.resolve(DemoMetrics.PATH));

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body())
                    .contains("tgdialog_updates_seconds_count{kind=\"message\",outcome=\"handled\"} 1")
                    .contains("tgdialog_updates_seconds_count{kind=\"callback_query\",outcome=\"handled\"} 1")
                    .doesNotContain("1001");
        }
    }

    @Test
    void notAskedFor_thereIsNoMetricsPage() throws Exception {
        try (Emulator emulator = DemoBot.startEmulator(order -> {}, Emulator.ANY_PORT)) {
            assertThat(get(emulator.address().resolve(DemoMetrics.PATH)).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void metricsAreAskedFor_byOneTrueOrYes() {
        assertThat(DemoMetrics.asked("1")).isTrue();
        assertThat(DemoMetrics.asked(" TRUE ")).isTrue();
        assertThat(DemoMetrics.asked("yes")).isTrue();
        assertThat(DemoMetrics.asked("0")).isFalse();
        assertThat(DemoMetrics.asked("")).isFalse();
        assertThat(DemoMetrics.asked(null)).isFalse();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(URI page, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(page.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
