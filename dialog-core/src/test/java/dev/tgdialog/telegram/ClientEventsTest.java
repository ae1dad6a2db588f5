package dev.tgdialog.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A client used without a bot reports its calls to the listener its builder was given. */
class ClientEventsTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BotEvents recorder = new BotEvents() {
        @Override
        public void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
            lines.add(method + " " + outcome + (errorCode == 0 ? "" : " " + errorCode) + " in " + nanos + " ns");
        }

        @Override
        public void rateLimited(String method, long retryAfterSeconds) {
            lines.add(method + " waits " + retryAfterSeconds + " s");
        }
    };

    @Test
    void eachRequest_isReportedWithItsOutcome_andARepeatIsASecondRequest() {
        FakeTelegram fake = new FakeTelegram();
        TelegramClient client = TelegramClient.builder(FakeTelegram.TOKEN)
                .transport(fake.transport())
                .timeSource(new FakeTime())
                .events(recorder)
                .build();
        client.execute(SendMessage.of(42, "Hello"));
        fake.failNext("sendMessage", 400, "Bad Request: chat not found");
        fake.failNext("getMe", 429, "Too Many Requests: retry after 3", 3);

        assertThatThrownBy(() -> client.execute(SendMessage.of(42, "Hello"))).isInstanceOf(TelegramException.class);
        client.execute(GetMe.of());

        assertThat(lines)
                .containsExactly(
                        "sendMessage OK in 0 ns",
                        "sendMessage ERROR 400 in 0 ns",
                        "getMe ERROR 429 in 0 ns",
                        "getMe waits 3 s",
                        "getMe OK in 0 ns");
    }

    @Test
    void noAnswer_isReportedAsATimeoutOrANetworkFailure_alsoForAsyncCalls() {
        List<Transport.Failure> failures = List.of(
                new Transport.Failure("read timed out", true, true, new SocketTimeoutException()),
                new Transport.Failure("connection refused", false, false, new ConnectException()));
        for (Transport.Failure failure : failures) {
            TelegramClient client = TelegramClient.builder(FakeTelegram.TOKEN)
                    .transport(new Failing(failure))
                    .retryPolicy(RetryPolicy.none())
                    .events(recorder)
                    .build();
            assertThatThrownBy(() -> client.execute(SendMessage.of(42, "Hello")))
                    .isInstanceOf(TelegramException.Network.class);
            assertThat(client.executeAsync(SendMessage.of(42, "Hello"))).isCompletedExceptionally();
        }

        assertThat(lines)
                .extracting(line -> line.substring(0, line.indexOf(" in ")))
                .containsExactly(
                        "sendMessage TIMEOUT", "sendMessage TIMEOUT", "sendMessage NETWORK", "sendMessage NETWORK");
    }

    @Test
    void aClientDerivedWithAnotherListener_reportsToThatOne_onTheSameConnections() {
        FakeTelegram fake = new FakeTelegram();
        TelegramClient quiet = fake.client(new FakeTime());

        quiet.withEvents(recorder).execute(GetMe.of());
        quiet.execute(GetMe.of());

        assertThat(lines).containsExactly("getMe OK in 0 ns");
        assertThat(fake.callCount("getMe")).isEqualTo(2);
    }

    /** A transport whose every request fails with one failure. */
    private record Failing(Transport.Failure failure) implements Transport {
        @Override
        public Response send(Request request) throws Failure {
            throw failure;
        }

        @Override
        public CompletableFuture<Response> sendAsync(Request request) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public Transport withReadTimeout(Duration readTimeout) {
            return this;
        }

        @Override
        public void close() {}
    }
}
