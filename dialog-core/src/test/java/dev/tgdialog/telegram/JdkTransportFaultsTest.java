package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The wire faults (a reset reused connection, bytes beyond an answer), on the JDK's HttpClient. */
class JdkTransportFaultsTest extends TelegramClientFaultsTest {
    @Override
    TelegramClient.Builder builder() {
        return TelegramClient.builder(TOKEN).transport(Transport.jdk(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    /**
     * What the JDK's client makes of the stray bytes depends on when its selector sees them: it drops the idle
     * connection they arrived on (the send goes out on a new one and succeeds), or reuses it and reads them as the
     * next answer's status line (a ProtocolException, as OkHttp) or as the start of one and waits for the rest (a
     * timeout). A failed send may have been applied, so it is not repeated; the token stays out of everything in all
     * three.
     */
    @Override
    void assertTheExtraBytesWereNoticed(@Nullable Throwable thrown, String trace, List<ILoggingEvent> logs) {
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(TelegramException.Network.class);
        TelegramException.Network network = (TelegramException.Network) thrown;
        assertThat(network.mayHaveBeenApplied()).isTrue();
        assertThat(trace)
                .containsAnyOf(
                        "Caused by: java.net.http.HttpTimeoutException",
                        "Caused by: java.net.ProtocolException: Invalid status line: ");
        assertThat(logs).isNotEmpty();
    }
}
