package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.ok;
import static dev.tgdialog.test.TelegramJson.sentMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.test.RawHttpServer;
import dev.tgdialog.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The client against servers that misbehave on the wire, served from a raw loopback socket; on OkHttp here, on the
 * JDK's HttpClient in {@link JdkTransportFaultsTest}.
 */
class TelegramClientFaultsTest {
    private static final String ME =
            "{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test Bot\"," + "\"username\":\"test_bot\"}";

    private final FakeTime time = new FakeTime();
    private RawHttpServer server;
    private TelegramClient client;

    /** A builder for the test's token on the transport under test. */
    TelegramClient.Builder builder() {
        return TelegramClient.builder(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * A Bot API that stores a message and then resets the reused keep-alive connection without answering; on a
     * fresh connection it answers normally, so a silent re-send by OkHttp would look like a success.
     */
    private RawHttpServer storingThenResetting() throws Exception {
        return new RawHttpServer((request, socket, out) -> {
            if (request.apiMethod().equals("sendMessage") && request.indexOnConnection() > 1) {
                RawHttpServer.reset(socket);
                return false;
            }
            RawHttpServer.json(out, request.apiMethod().equals("getMe") ? ok(ME) : ok(sentMessage(42, 8, "Hi")));
            return true;
        });
    }

    private void assertSentOnce_andReportedAsUnknownOutcome(TelegramClient client) {
        User me = client.execute(GetMe.of());
        Throwable thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));

        assertThat(me.username()).isEqualTo("test_bot");
        assertThat(server.requests().stream()
                        .filter(r -> r.apiMethod().equals("sendMessage"))
                        .count())
                .as("sendMessage requests the server received")
                .isEqualTo(1);
        assertThat(server.requests().get(1).connection())
                .as("the send went over the reused connection")
                .isEqualTo(1);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        TelegramException.Network.class,
                        e -> assertThat(e.mayHaveBeenApplied()).isTrue());
        assertThat(time.waits()).as("no repeat by the retry policy either").isEmpty();
    }

    @Test
    void aSendWhoseReusedConnectionIsReset_isNotSentAgain_byTheDefaultHttpClient() throws Exception {
        server = storingThenResetting();
        client = builder().baseUrl(server.url()).timeSource(time).build();

        assertSentOnce_andReportedAsUnknownOutcome(client);
    }

    @Test
    void aSendWhoseReusedConnectionIsReset_isNotSentAgain_byASuppliedHttpClient() throws Exception {
        server = storingThenResetting();
        OkHttpClient supplied = new OkHttpClient();
        client = TelegramClient.builder(TOKEN)
                .baseUrl(server.url())
                .okHttpClient(supplied)
                .timeSource(time)
                .build();

        assertSentOnce_andReportedAsUnknownOutcome(client);
        assertThat(supplied.retryOnConnectionFailure())
                .as("the caller's own client is left as it was")
                .isTrue();
        supplied.dispatcher().executorService().shutdown();
        supplied.connectionPool().evictAll();
    }

    @Test
    void bytesBeyondContentLength_leaveNoPieceOfTheToken_inTheException_itsTrace_orTheLog() throws Exception {
        // After an honest getMe answer the server writes on: a piece of the request path (so of the token), which
        // the client then reads as the next answer's status line.
        server = new RawHttpServer((request, socket, out) -> {
            if (request.indexOnConnection() == 1) {
                RawHttpServer.json(out, ok(ME));
                out.write((request.path().substring(5) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
            return true;
        });
        client = builder().baseUrl(server.url()).timeSource(time).build();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Throwable thrown;
        try {
            client.execute(GetMe.of());
            thrown = catchThrowable(() -> client.execute(SendMessage.of(42L, "Hi")));
        } finally {
            root.detachAppender(logs);
        }

        List<String> texts = new ArrayList<>();
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            texts.add(c.getMessage());
            texts.add(c.toString());
        }
        StringWriter trace = new StringWriter();
        if (thrown != null) {
            thrown.printStackTrace(new PrintWriter(trace));
        }
        texts.add(trace.toString());
        texts.add(logs.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n")));
        assertTheExtraBytesWereNoticed(thrown, trace.toString(), logs.list);
        for (int i = 0; i + 8 <= TOKEN.length(); i++) {
            String piece = TOKEN.substring(i, i + 8);
            assertThat(texts).noneMatch(text -> text.contains(piece));
        }
    }

    /** OkHttp reads the bytes after the first answer as the next answer's status line, and refuses them. */
    void assertTheExtraBytesWereNoticed(@Nullable Throwable thrown, String trace, List<ILoggingEvent> logs) {
        assertThat(logs).isNotEmpty();
        assertThat(thrown)
                .isInstanceOf(TelegramException.Network.class)
                .hasMessageContaining("ProtocolException Unexpected status line: ");
        assertThat(trace).contains("Caused by: java.net.ProtocolException: Unexpected status line: ");
    }
}
