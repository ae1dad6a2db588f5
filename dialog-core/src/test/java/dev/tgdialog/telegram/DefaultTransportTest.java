package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.methods.GetMe;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * With OkHttp on the class path, a client built without choosing a transport uses it (its User-Agent says so);
 * {@link JdkTransportClassPathTest} shows the same builder falling back to the JDK's client without OkHttp.
 */
class DefaultTransportTest {

    @Test
    void aClientWithoutAChosenTransport_usesOkHttp_whenItIsThere() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Type", "application/json")
                    .body(ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test Bot\"}"))
                    .build());
            try (TelegramClient client = TelegramClient.builder(TOKEN)
                    .baseUrl(server.url("/").toString())
                    .build()) {
                assertThat(client.execute(GetMe.of()).firstName()).isEqualTo("Test Bot");
            }
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request.getHeaders().get("User-Agent")).startsWith("okhttp/");
        }
    }
}
