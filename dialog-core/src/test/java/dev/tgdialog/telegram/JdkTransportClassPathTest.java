package dev.tgdialog.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tgdialog.test.TelegramJson;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The JDK transport's promise: a bot without OkHttp, okio and Kotlin on its class path works. The client, the
 * multipart upload, an async call, a client built with the default transport (the JDK's, then) and
 * {@link dev.tgdialog.testing.FakeTelegram} run in a class loader that has every jar of the test class path but those,
 * so touching any of their classes fails the test.
 */
class JdkTransportClassPathTest {

    /** The class path of this test run without OkHttp, okio, MockWebServer and Kotlin. */
    private static URLClassLoader withoutOkHttpOrKotlin() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (path.contains("/com/squareup/") || path.contains("/org/jetbrains/kotlin")) {
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theJdkTransport_andTheFake_needNoOkHttpOkioOrKotlinClass() throws Exception {
        List<String> served = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = path.substring(path.lastIndexOf('/') + 1);
            served.add(method + " " + type.split(";")[0] + " "
                    + new String(body, StandardCharsets.UTF_8).contains("filename=\"notes.txt\""));
            byte[] answer = (method.equals("getMe")
                            ? TelegramJson.ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test Bot\"}")
                            : TelegramJson.ok(TelegramJson.sentMessage(42, 7, "x")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        try (URLClassLoader loader = withoutOkHttpOrKotlin()) {
            assertThatThrownBy(() -> loader.loadClass("okhttp3.OkHttpClient"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("kotlin.Unit")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("okio.Buffer")).isInstanceOf(ClassNotFoundException.class);

            @SuppressWarnings("unchecked")
            Function<String, List<String>> bot =
                    (Function<String, List<String>>) loader.loadClass(JdkOnlyBot.class.getName())
                            .getDeclaredConstructor()
                            .newInstance();
            List<String> results = bot.apply(baseUrl);

            assertThat(results)
                    .containsExactly(
                            "getMe: Test Bot",
                            "sendDocument: 7",
                            "sendMessage async: 7",
                            "getMe, transport not chosen: Test Bot",
                            "fake: Hello");
        } finally {
            server.stop(0);
        }
        assertThat(served)
                .containsExactly(
                        "getMe application/json false",
                        "sendDocument multipart/form-data true",
                        "sendMessage application/json false",
                        "getMe application/json false");
    }
}
