package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.PICKER;
import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));
    private final BotHarness harness = BotHarness.builder(bot -> bot.dialogs(WIZARD, PICKER)
                    .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                    // Fifty clicks of one user in flight at once: past the default bound per key, which is not what
                    // these tests are about.
                    .isolation(UpdateIsolation.inProcess(pool, 64)))
            .executor(pool)
            .store(store)
            .build();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static void all(List<CompletableFuture<Void>> clicks) throws Exception {
        CompletableFuture.allOf(clicks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    @Test
    void fiftyConcurrentClicksOnACounter_countExactlyFifty() throws Exception {
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/start");
        FakeMessage menu = ann.lastMessage();

        List<CompletableFuture<Void>> clicks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clicks.add(ann.clickAsync(menu, "+1"));
        }
        all(clicks);

        assertThat(ann.lastMessage().text()).isEqualTo("Count: 50");
        assertThat(store.load(StackKey.of(1_000_000, 1001, 1001))
                        .orElseThrow()
                        .frames()
                        .get(0)
                        .data())
                .containsEntry("count", "50");
        assertThat(harness.telegram().callbackAnswers()).hasSize(50);
        assertThat(ann.messages()).hasSize(1);
    }

    @Test
    void fiftyConcurrentClicksOnNext_moveOnce_andTheRestAreStale() throws Exception {
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/start");
        FakeMessage menu = ann.lastMessage();

        List<CompletableFuture<Void>> clicks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clicks.add(ann.clickAsync(menu, "Next"));
        }
        all(clicks);

        assertThat(ann.lastMessage().text()).isEqualTo("Colour: none");
        List<CallbackAnswer> answers = harness.telegram().callbackAnswers();
        assertThat(answers).hasSize(50);
        assertThat(answers)
                .filteredOn(a -> "This button is no longer active".equals(a.text()))
                .hasSize(49);
        assertThat(answers).filteredOn(a -> a.text() == null).hasSize(1);
        assertThat(store.load(StackKey.of(1_000_000, 1001, 1001))
                        .orElseThrow()
                        .frames()
                        .get(0)
                        .windowId())
                .isEqualTo("SECOND");
    }

    @Test
    void aThousandUsers_runTheirWizardsInParallel() throws Exception {
        List<CompletableFuture<Void>> journeys = new ArrayList<>();
        List<FakeUser> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            FakeUser user = harness.user(10_000 + i, "User" + i);
            users.add(user);
            int clicks = i % 3 + 1;
            CompletableFuture<Void> journey = user.sendAsync("/start");
            for (int c = 0; c < clicks; c++) {
                journey = journey.thenCompose(x -> user.clickAsync("+1"));
            }
            journeys.add(journey.thenCompose(x -> user.clickAsync("Next")));
        }
        all(journeys);

        for (int i = 0; i < 1000; i++) {
            FakeUser user = users.get(i);
            assertThat(user.lastMessage().text()).as("user %d", i).isEqualTo("Colour: none");
            var frame = store.load(StackKey.of(1_000_000, user.chatId(), user.id()))
                    .orElseThrow()
                    .frames()
                    .get(0);
            assertThat(frame.data()).as("user %d", i).containsEntry("count", Objects.toString(i % 3 + 1));
        }
        int expectedClicks = 0;
        for (int i = 0; i < 1000; i++) {
            expectedClicks += i % 3 + 1 + 1;
        }
        assertThat(harness.telegram().callbackAnswers()).hasSize(expectedClicks);
    }
}
