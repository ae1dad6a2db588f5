package dev.tgdialog.updates;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static dev.tgdialog.test.TelegramJson.error;
import static dev.tgdialog.test.TelegramJson.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonParser;
import dev.tgdialog.telegram.RetryPolicy;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LongPollingTest {
    private final MockWebServer server = new MockWebServer();
    private final ScriptedTelegram telegram = new ScriptedTelegram();
    private final FakeTime time = new FakeTime();
    private final List<Long> handled = new CopyOnWriteArrayList<>();
    private TelegramClient client;
    private LongPolling polling;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(telegram);
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = TelegramClient.builder(TOKEN)
                .baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.none())
                .timeSource(time)
                .build();
    }

    @AfterEach
    void stop() {
        if (polling != null) {
            polling.stop();
        }
        client.close();
        server.close();
    }

    private static String updates(long... ids) {
        return ok(LongStream.of(ids)
                .mapToObj(id -> "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"chat\":{\"id\":7,"
                        + "\"type\":\"private\"},\"date\":1767225600,\"text\":\"m" + id + "\"}}")
                .collect(Collectors.joining(",", "[", "]")));
    }

    private LongPolling.Builder poller(UpdateHandler handler) {
        return LongPolling.builder(client, handler).timeSource(time).pollTimeout(Duration.ofSeconds(25));
    }

    @Test
    void polls_withTimeoutAndAnExplicitAllowedUpdatesList_andConfirmsWhatWasHandled() throws Exception {
        telegram.then(200, updates(1, 2, 3));
        polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                .allowedUpdates(List.of("message", "callback_query"))
                .build()
                .start();

        ScriptedTelegram.Call first = telegram.next();
        ScriptedTelegram.Call second = telegram.next();

        assertThat(first.method()).isEqualTo("getUpdates");
        assertThat(first.body())
                .isEqualTo(JsonParser.parseString(
                        "{\"limit\":100,\"timeout\":25,\"allowed_updates\":[\"message\",\"callback_query\"]}"));
        assertThat(second.body().get("offset").getAsLong()).isEqualTo(4);
        assertThat(handled).containsExactly(1L, 2L, 3L);
    }

    @Test
    void defaultAllowedUpdates_listEveryKindButTheOptInOnes() {
        assertThat(UpdateKinds.defaults())
                .contains("message", "callback_query", "inline_query", "my_chat_member", "pre_checkout_query")
                .doesNotContain("chat_member", "message_reaction", "message_reaction_count", "update_id");
        assertThat(UpdateKinds.all())
                .contains("chat_member", "message_reaction")
                .as("the model's slot for kinds newer than it is no kind to ask Telegram for")
                .doesNotContain("unknownKind");
    }

    @Test
    void aFailingHandler_getsTheUpdateAgain_fromTheUnconfirmedOffset() throws Exception {
        telegram.then(200, updates(10, 11, 12)).then(200, updates(11, 12));
        List<Long> seen = new CopyOnWriteArrayList<>();
        polling = poller(update -> {
                    seen.add(update.updateId());
                    if (update.updateId() == 11
                            && seen.stream().filter(id -> id == 11).count() == 1) {
                        return CompletableFuture.failedFuture(new IllegalStateException("database down"));
                    }
                    return CompletableFuture.completedFuture(null);
                })
                .build()
                .start();

        telegram.next();
        ScriptedTelegram.Call afterFailure = telegram.next();
        ScriptedTelegram.Call afterRedelivery = telegram.next();

        assertThat(afterFailure.body().get("offset").getAsLong()).isEqualTo(11);
        assertThat(afterRedelivery.body().get("offset").getAsLong()).isEqualTo(13);
        assertThat(seen).containsExactly(10L, 11L, 12L, 11L, 12L);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aPoisonousUpdate_isSkippedAfterMaxAttempts_withAnError() throws Exception {
        telegram.then(200, updates(20)).then(200, updates(20)).then(200, updates(20));
        try (LogCapture logs = new LogCapture()) {
            polling = poller(UpdateHandler.blocking(u -> {
                        throw new IllegalArgumentException("cannot parse this one");
                    }))
                    .maxAttempts(3)
                    .build()
                    .start();

            telegram.next();
            assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(20);
            assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(20);
            assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(21);
            assertThat(logs.at(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("Update 20 failed 3 times; skipping it");
        }
    }

    @Test
    void stoppingBeforeABatchCompletes_confirmsOnlyWhatFinished() throws Exception {
        telegram.then(200, updates(30, 31, 32));
        CompletableFuture<Void> never = new CompletableFuture<>();
        CountDownLatch handedOver = new CountDownLatch(3);
        polling = poller(update -> {
                    handedOver.countDown();
                    return update.updateId() == 31 ? never : CompletableFuture.completedFuture(null);
                })
                .drainTimeout(Duration.ZERO)
                .build()
                .start();
        telegram.next();
        assertThat(handedOver.await(10, TimeUnit.SECONDS)).isTrue();

        polling.stop();

        ScriptedTelegram.Call confirm = telegram.next();
        assertThat(confirm.method()).isEqualTo("getUpdates");
        assertThat(confirm.body().get("offset").getAsLong()).isEqualTo(31);
        assertThat(polling.offset()).isEqualTo(31L);
        assertThat(polling.terminated()).isCompleted();

        // A new poller (after a restart) asks again from the unconfirmed update.
        telegram.then(200, updates(31, 32));
        polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                .initialOffset(31)
                .build()
                .start();
        assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(31);
        assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(33);
        assertThat(handled).containsExactly(31L, 32L);
    }

    @Test
    void conflict_stopsPolling_withOneClearError_andNoLoop() throws Exception {
        telegram.then(
                409,
                error(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only one "
                                + "bot instance is running"));
        try (LogCapture logs = new LogCapture()) {
            polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                    .build()
                    .start();

            assertThatThrownBy(() -> polling.terminated().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(TelegramException.Conflict.class);
            assertThat(telegram.next().method()).isEqualTo("getUpdates");
            assertThat(telegram.pending()).isZero();
            assertThat(logs.at(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("Long polling stopped")
                    .contains("409 Conflict: terminated by other getUpdates request")
                    .contains("Another instance is polling with this token");
        }
    }

    @Test
    void aHandlerThatThrowsAnError_failsThatUpdateOnly_andPollingGoesOn() throws Exception {
        telegram.then(200, updates(60)).then(200, updates(60, 61));
        polling = poller(update -> {
                    if (update.updateId() == 60 && !handled.contains(-60L)) {
                        handled.add(-60L);
                        throw new StackOverflowError();
                    }
                    handled.add(update.updateId());
                    return CompletableFuture.completedFuture(null);
                })
                .build()
                .start();

        telegram.next();
        assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(60);
        assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(62);

        assertThat(handled).containsExactly(-60L, 60L, 61L);
        assertThat(polling.terminated()).isNotDone();
    }

    @Test
    void aProxysHtml404_isBackedOffLikeA5xx_withAWarning_andPollingGoesOn() throws Exception {
        telegram.then(
                        404,
                        "text/html",
                        "<html><head><title>404 Not Found</title></head><body><center>nginx</center>"
                                + "</body></html>")
                .then(200, updates(50));
        try (LogCapture logs = new LogCapture()) {
            polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                    .build()
                    .start();

            telegram.next();
            telegram.next();
            assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(51);

            assertThat(handled).containsExactly(50L);
            assertThat(time.waits()).as("the backoff before the second poll").containsExactly(Duration.ofSeconds(1));
            assertThat(polling.terminated()).isNotDone();
            assertThat(logs.at(Level.WARN))
                    .anySatisfy(line -> assertThat(line)
                            .contains("not a Bot API answer (HTTP 404)")
                            .contains("polling again in 1000 ms"));
            assertThat(logs.at(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void telegramsOwnJson404_stopsPolling_withOneClearError() throws Exception {
        telegram.then(404, error(404, "Not Found"));
        try (LogCapture logs = new LogCapture()) {
            polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                    .build()
                    .start();

            assertThatThrownBy(() -> polling.terminated().get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(TelegramException.NotFound.class);
            assertThat(telegram.next().method()).isEqualTo("getUpdates");
            assertThat(telegram.pending()).isZero();
            assertThat(logs.at(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("Long polling stopped: getUpdates failed: 404 Not Found")
                    .contains("Check the bot token");
        }
    }

    @Test
    void aServerThatIgnoresTheTimeout_isPolledAtMostOncePerMinimumGap() throws Exception {
        List<Instant> polls = new CopyOnWriteArrayList<>();
        CountDownLatch tenPolls = new CountDownLatch(10);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getBody().utf8().contains("\"timeout\":0")) {
                    polls.add(time.now());
                    tenPolls.countDown();
                }
                // An empty batch at once, whatever the timeout asked for.
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json")
                        .body("{\"ok\":true,\"result\":[]}")
                        .build();
            }
        });
        polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                .build()
                .start();

        assertThat(tenPolls.await(10, TimeUnit.SECONDS)).isTrue();
        polling.stop();

        List<Instant> seen = List.copyOf(polls);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(Duration.between(seen.get(i - 1), seen.get(i)))
                    .as("fake time between poll %d and poll %d", i, i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(time.waits()).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void unauthorized_stopsPolling() {
        telegram.then(401, error(401, "Unauthorized"));
        polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                .build()
                .start();

        assertThatThrownBy(() -> polling.terminated().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(TelegramException.Unauthorized.class);
    }

    @Test
    void serverErrors_backOffExponentially_thenPollingGoesOn() throws Exception {
        telegram.then(502, error(502, "Bad Gateway"))
                .then(500, error(500, "Internal Server Error"))
                .then(200, updates(40));
        polling = poller(UpdateHandler.blocking(u -> handled.add(u.updateId())))
                .build()
                .start();

        telegram.next();
        telegram.next();
        telegram.next();
        assertThat(telegram.next().body().get("offset").getAsLong()).isEqualTo(41);

        assertThat(handled).containsExactly(40L);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
