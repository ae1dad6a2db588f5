package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Sends whose outcome is unknown, and updates that cannot all be kept: in each case no message is shown twice, and
 * what can be kept of the update is.
 */
class UnknownOutcomeTest {
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));

    private BotHarness harness(StackStore stacks) {
        return BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .store(stacks)
                .build();
    }

    @Test
    void aSendAnswered502_isNotRepeated_andTheUpdateStands() {
        BotHarness h = harness(store);
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 502, "Bad Gateway");

        ann.send("/start");

        assertThat(h.telegram().callCount("sendMessage")).isEqualTo(1);
        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001))
                        .orElseThrow()
                        .frames())
                .hasSize(1);
        ann.send("/start");
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
    }

    @Test
    void aStackThatCannotBeSavedAfterItsMessageWentOut_isNotDeliveredAgain_soTheMessageIsNotSentTwice() {
        AtomicBoolean failNextSave = new AtomicBoolean();
        StackStore flaky = new StackStore() {
            @Override
            public Optional<Stack> load(StackKey key) {
                return store.load(key);
            }

            @Override
            public boolean save(StackKey key, long expectedVersion, Stack stack) {
                if (failNextSave.getAndSet(false)) {
                    throw new StackStoreException("the store went away mid-update");
                }
                return store.save(key, expectedVersion, stack);
            }
        };
        BotHarness h = harness(flaky);
        FakeUser ann = h.user(1001, "Ann");
        failNextSave.set(true);

        try (LogCapture logs = new LogCapture()) {
            CompletableFuture<Void> handled = ann.sendAsync("/start");

            assertThat(handled).as("acknowledged, not delivered again").isCompleted();
            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("not delivered again");
        }
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
    }

    @Test
    void aClickDroppedPastTheUsersQueueBound_isStillAnswered() {
        ArrayDeque<Runnable> later = new ArrayDeque<>();
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                        .isolation(UpdateIsolation.inProcess(later::add, 1)))
                .store(store)
                .build();
        FakeUser ann = h.user(1001, "Ann");
        CompletableFuture<Void> start = ann.sendAsync("/start");
        later.poll().run();
        assertThat(start).isCompleted();

        CompletableFuture<Void> first = ann.clickAsync("+1");
        CompletableFuture<Void> second = ann.clickAsync("+1");

        assertThat(second).as("dropped and acknowledged").isCompleted();
        assertThat(h.telegram().callbackAnswers())
                .extracting(CallbackAnswer::text)
                .containsExactly("Temporarily unavailable, please try again in a moment");
        later.poll().run();
        assertThat(first).isCompleted();
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }
}
