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
     * The JDK's client either drops the connection the stray bytes arrived on while it was idle (the send then
     * goes out on a new one and succeeds), or, when it reuses it first, takes them for the start of the next answer
     * and waits for the rest of its head: the send times out, and may have been applied. Which one depends on
     * whether its selector saw the bytes before the send; the token stays out of everything in both.
     */
    @Override
    void assertTheExtraBytesWereNoticed(@Nullable Throwable thrown, String trace, List<ILoggingEvent> logs) {
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(TelegramException.Network.class);
        TelegramException.Network network = (TelegramException.Network) thrown;
        assertThat(network.isTimeout()).isTrue();
        assertThat(network.mayHaveBeenApplied()).isTrue();
        assertThat(trace).contains("Caused by: java.net.http.HttpTimeoutException");
        assertThat(logs).isNotEmpty();
    }
}
