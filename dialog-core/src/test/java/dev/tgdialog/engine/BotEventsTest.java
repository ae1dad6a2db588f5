package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.PICKER;
import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.TimeSource;
import dev.tgdialog.Transition;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.CallOutcome;
import dev.tgdialog.events.ClickRejection;
import dev.tgdialog.events.ErrorKind;
import dev.tgdialog.events.StoreOperation;
import dev.tgdialog.events.StoreOutcome;
import dev.tgdialog.events.UpdateOutcome;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a bot tells its {@link BotEvents} listener as a conversation runs through the harness. */
class BotEventsTest {

    /** Every event as a line, in order; what a test compares. */
    static final class Recorder implements BotEvents {
        final List<String> lines = new ArrayList<>();
        final List<Long> updateNanos = new ArrayList<>();

        @Override
        public synchronized void updateReceived(String kind) {
            lines.add("received " + kind);
        }

        @Override
        public synchronized void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
            lines.add("handled " + kind + " " + outcome);
            updateNanos.add(nanos);
        }

        @Override
        public synchronized void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
            lines.add("call " + method + " " + outcome + (errorCode == 0 ? "" : " " + errorCode));
        }

        @Override
        public synchronized void rateLimited(String method, long retryAfterSeconds) {
            lines.add("rate limited " + method + " " + retryAfterSeconds + " s");
        }

        @Override
        public synchronized void clickRejected(ClickRejection reason) {
            lines.add("click " + reason);
        }

        @Override
        public synchronized void dialogStarted(String dialogId) {
            lines.add("started " + dialogId);
        }

        @Override
        public synchronized void dialogFinished(String dialogId) {
            lines.add("finished " + dialogId);
        }

        @Override
        public synchronized void storeCall(StoreOperation operation, StoreOutcome outcome, long nanos) {
            lines.add("store " + operation + " " + outcome);
        }

        @Override
        public synchronized void error(ErrorKind kind, Throwable error) {
            lines.add("error " + kind + " " + error.getClass().getSimpleName());
        }

        /** The lines so far, and forgets them. */
        synchronized List<String> take() {
            List<String> taken = List.copyOf(lines);
            lines.clear();
            return taken;
        }
    }

    private static BotHarness harness(BotEvents events, Consumer<DialogBot.Builder> extra) {
        return BotHarness.of(bot -> configure(bot, events, extra));
    }

    private static void configure(DialogBot.Builder bot, BotEvents events, Consumer<DialogBot.Builder> extra) {
        bot.dialogs(WIZARD, PICKER)
                .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                .events(events);
        extra.accept(bot);
    }

    @Test
    void aConversation_isReportedInOrder_updatesCallsStoreAndDialogs() {
        Recorder events = new Recorder();
        BotHarness h = harness(events, bot -> {});
        FakeUser ann = h.user(1001, "Ann");
        events.take();

        ann.send("/start");
        assertThat(events.take())
                .containsExactly(
                        "received message",
                        "store LOAD OK",
                        "call sendMessage OK",
                        "store SAVE OK",
                        "started wizard",
                        "handled message HANDLED");

        ann.click("+1");
        assertThat(events.take())
                .containsExactly(
                        "received callback_query",
                        "store LOAD OK",
                        "call answerCallbackQuery OK",
                        "call editMessageText OK",
                        "store SAVE OK",
                        "handled callback_query HANDLED");

        ann.click("Next");
        ann.click("Pick");
        ann.click("Red");
        ann.click("Next");
        ann.click("Finish");
        List<String> rest = events.take();
        assertThat(rest)
                .filteredOn(line -> line.startsWith("started") || line.startsWith("finished"))
                .containsExactly("started picker", "finished picker", "finished wizard");
        assertThat(rest).filteredOn("received callback_query"::equals).hasSize(5);
        assertThat(rest).filteredOn("handled callback_query HANDLED"::equals).hasSize(5);
        assertThat(rest).filteredOn("call answerCallbackQuery OK"::equals).hasSize(5);
        assertThat(rest).filteredOn(line -> line.startsWith("store SAVE")).containsOnly("store SAVE OK");
        assertThat(ann.lastMessage().text()).isEqualTo("Bye");
    }

    @Test
    void durations_areMeasuredOnTheBotsClock() {
        Recorder events = new Recorder();
        FakeTime time = new FakeTime();
        BotHarness h = BotHarness.builder(bot -> configure(
                        bot,
                        events,
                        b -> b.command("slow", (ctx, args) -> {
                            time.advance(Duration.ofMillis(250));
                            return Transition.stay();
                        })))
                .time(time)
                .build();
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start");
        ann.send("/slow");

        assertThat(events.updateNanos)
                .containsExactly(0L, Duration.ofMillis(250).toNanos());
    }

    @Test
    void a429_isReportedAsAnError429_andAsARateLimitWithItsWait() {
        Recorder events = new Recorder();
        BotHarness h = harness(events, bot -> {});
        FakeUser ann = h.user(1001, "Ann");
        events.take();
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        ann.send("/start");

        // The fake time ends the chat's flood wait at once, so the repeat goes out within the update.
        assertThat(events.take())
                .containsExactly(
                        "received message",
                        "store LOAD OK",
                        "call sendMessage ERROR 429",
                        "rate limited sendMessage 7 s",
                        "call sendMessage OK",
                        "store SAVE OK",
                        "started wizard",
                        "handled message HANDLED");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
    }

    @Test
    void forgedStaleAndForeignClicks_areReportedWithTheirReason() {
        Recorder events = new Recorder();
        BotHarness h = harness(events, bot -> {});
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        FakeMessage first = ann.lastMessage();
        ann.click("Next");
        events.take();

        ann.clickWithData(ann.lastMessage(), "~broken");
        ann.clickOn(first, "+1");

        assertThat(events.take())
                .filteredOn(line -> line.startsWith("click"))
                .containsExactly("click FORGED", "click STALE");
        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");

        FakeUser annInGroup = h.user(1001, "Ann").inGroup(-100500);
        FakeUser bob = h.user(1002, "Bob").inGroup(-100500);
        annInGroup.send("/start");
        events.take();
        bob.clickOn(annInGroup.lastMessage(), "+1");
        assertThat(events.take()).contains("click FOREIGN").doesNotContain("store SAVE OK");
    }

    @Test
    void aListenerThatThrows_breaksNoUpdate_andIsLoggedOnce() {
        BotEvents broken = new BotEvents() {
            @Override
            public void updateReceived(String kind) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void updateHandled(String kind, UpdateOutcome outcome, long nanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void apiCall(String method, CallOutcome outcome, int errorCode, long nanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void storeCall(StoreOperation operation, StoreOutcome outcome, long nanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void dialogStarted(String dialogId) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (LogCapture logs = new LogCapture()) {
            BotHarness h = harness(broken, bot -> {});
            FakeUser ann = h.user(1001, "Ann");

            ann.send("/start");
            ann.click("+1");
            ann.click("+1");

            assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: 2");
            assertThat(logs.at(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("BotEvents listener", "threw on", "ignored", "listener bug");
        }
    }

    @Test
    void aHandlerException_isAnErrorEvent_andTheUpdateStillCountsAsHandled() {
        Recorder events = new Recorder();
        BotHarness h = harness(
                events,
                bot -> bot.command("boom", (ctx, args) -> {
                    throw new IllegalStateException("the author's bug");
                }));
        FakeUser ann = h.user(1001, "Ann");
        events.take();

        ann.send("/boom");

        assertThat(events.take())
                .containsSubsequence(
                        "received message", "error HANDLER IllegalStateException", "handled message HANDLED");
    }

    @Test
    void aStoreThatCannotBeReached_isAFailedLoad_aStoreError_andAFailedUpdate() {
        Recorder events = new Recorder();
        StackStore down = new StackStore() {
            @Override
            public Optional<Stack> load(StackKey key) {
                throw new StackStoreException("connection refused");
            }

            @Override
            public boolean save(StackKey key, long expectedVersion, Stack stack) {
                throw new StackStoreException("connection refused");
            }
        };
        BotHarness h = BotHarness.builder(bot -> configure(bot, events, b -> {}))
                .store(down)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        events.take();

        CompletableFuture<Void> handled = ann.sendAsync("/start");

        assertThat(handled).as("left for Telegram to deliver again").isCompletedExceptionally();
        assertThat(events.take())
                .containsExactly(
                        "received message",
                        "store LOAD FAILED",
                        "error STORE StackStoreException",
                        "handled message FAILED");
    }

    @Test
    void aSaveThatLosesItsCompareAndSet_isAConflict_andStartsNoDialog() {
        Recorder events = new Recorder();
        StackStore memory = StackStore.inMemory(Duration.ofHours(1));
        StackStore raced = new StackStore() {
            @Override
            public Optional<Stack> load(StackKey key) {
                return memory.load(key);
            }

            @Override
            public boolean save(StackKey key, long expectedVersion, Stack stack) {
                return false;
            }
        };
        BotHarness h = BotHarness.builder(bot -> configure(bot, events, b -> {}))
                .store(raced)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        events.take();

        ann.send("/start");

        assertThat(events.take()).contains("store SAVE CONFLICT").doesNotContain("started wizard");
    }

    @Test
    void anUpdatePastTheUsersQueueBound_isDropped() {
        Recorder events = new Recorder();
        ArrayDeque<Runnable> later = new ArrayDeque<>();
        BotHarness h = BotHarness.of(bot ->
                configure(bot, events, b -> b.isolation(UpdateIsolation.inProcess(later::add, 1))));
        FakeUser ann = h.user(1001, "Ann");
        CompletableFuture<Void> start = ann.sendAsync("/start");
        later.poll().run();
        assertThat(start).isCompleted();
        CompletableFuture<Void> running = ann.clickAsync("+1");
        events.take();

        CompletableFuture<Void> dropped = ann.clickAsync("+1");

        assertThat(dropped).isCompleted();
        assertThat(events.take())
                .as("dropped, and still answered")
                .containsExactly(
                        "received callback_query", "call answerCallbackQuery OK", "handled callback_query DROPPED");
        later.poll().run();
        assertThat(running).isCompleted();
        assertThat(events.take()).endsWith("handled callback_query HANDLED");
    }

    @Test
    void withoutAListener_nothingIsMeasured() {
        AtomicInteger readings = new AtomicInteger();
        FakeTime fake = new FakeTime();
        TimeSource counting = new TimeSource() {
            @Override
            public Instant now() {
                return fake.now();
            }

            @Override
            public void sleep(Duration duration) {
                fake.sleep(duration);
            }

            @Override
            public CompletableFuture<Void> delay(Duration duration) {
                return fake.delay(duration);
            }

            @Override
            public long nanoTime() {
                readings.incrementAndGet();
                return fake.nanoTime();
            }
        };
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .clock(counting)
                .build();
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start");
        ann.click("+1");

        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
        assertThat(readings).as("clock readings for durations").hasValue(0);
    }
}
