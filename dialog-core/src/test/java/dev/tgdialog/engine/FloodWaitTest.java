package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A 429 on a chat: the update is handled and saved while its send waits out {@code retry_after} in the chat's queue
 * (on the bot's time source, never a sleeping thread), and the send is given up only at the retry deadline.
 */
class FloodWaitTest {
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));

    private BotHarness harness() {
        return BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .store(store)
                .build();
    }

    @Test
    void aSendInFloodWait_goesOutAfterRetryAfterPlusJitter_andTheStackLearnsItsMessage() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        ann.send("/start");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
        assertThat(h.time().waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
        // The button of the message that went out late works: the stack knows that message.
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
        assertThat(ann.messages()).hasSize(1);
    }

    @Test
    void aFloodWaitPastTheDeadline_givesTheSendUp_theUpdateStands_andTheNextUpdateShowsTheWindowAfresh() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        for (int i = 0; i < 3; i++) {
            h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 25", 25);
        }

        ann.send("/start");

        assertThat(ann.messages())
                .as("given up after about a minute of flood wait")
                .isEmpty();
        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001))
                        .orElseThrow()
                        .frames())
                .as("the dialog /start opened")
                .hasSize(1);
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
    }

    @Test
    void aClickAnswerInFloodWait_isNotWaitedFor_andTheClickStillApplies() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        h.telegram().failNext("answerCallbackQuery", 429, "Too Many Requests: retry after 5", 5);

        ann.click("+1");

        assertThat(h.time().waits()).as("time waited for the answer").isEmpty();
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }

    // --- on a clock that moves only when the test says so: the queued path itself ---

    private final ManualTime clock = new ManualTime();

    private BotHarness manual() {
        return BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
                .store(store)
                .clock(clock)
                .build();
    }

    private int frames(long user) {
        return store.load(StackKey.of(EngineTest.BOT, user, user))
                .map(st -> st.frames().size())
                .orElse(0);
    }

    @Test
    void whileAChatIsInFloodWait_itsUpdateIsSaved_itsSendWaits_andAnotherChatsSendGoesOutAtOnce() {
        BotHarness h = manual();
        FakeUser ann = h.user(1001, "Ann");
        FakeUser bob = h.user(1002, "Bob");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 5", 5);

        ann.send("/start");
        bob.send("/start");

        assertThat(ann.messages()).as("Ann's chat in flood wait").isEmpty();
        assertThat(frames(1001)).as("Ann's /start is handled and saved").isEqualTo(1);
        assertThat(bob.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
        clock.advance(Duration.ofMillis(5600));
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }

    @Test
    void aQueuedSendEditedInTheBackground_goesOutOnce_andItsButtonsWorkLongAfter() {
        BotHarness h = manual();
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 5", 5);
        ann.send("/start");
        h.bot()
                .forUser(1001, 1001)
                .run(ctx -> Transition.stay().with(WizardDialogs.COUNT, 5))
                .join();

        clock.advance(Duration.ofMillis(5600));
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: 5");
        clock.advance(Duration.ofMinutes(11));
        ann.click("+1");

        assertThat(ann.lastMessage().text()).isEqualTo("Count: 6");
        assertThat(ann.messages()).hasSize(1);
    }

    @Test
    void aRetryAfterPastTheDeadline_isGivenUpAtOnce_nothingQueues_andTheUpdateStands() {
        BotHarness h = manual();
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 3600", 3600);

        ann.send("/start");

        assertThat(clock.waiting()).as("timers left waiting").isZero();
        assertThat(ann.messages()).isEmpty();
        assertThat(frames(1001)).isEqualTo(1);
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void theRecoveryNoticeOfAChatInFloodWait_isQueued_notWaitedFor() {
        BotHarness h = manual();
        store.save(
                StackKey.of(EngineTest.BOT, 1001, 1001),
                0,
                new dev.tgdialog.store.Stack(
                        "",
                        java.util.List.of(new dev.tgdialog.store.Frame(
                                "0",
                                "wizard",
                                "RENAMED",
                                0,
                                null,
                                java.util.Map.of(),
                                java.util.Map.of(),
                                java.util.Map.of())),
                        1,
                        null,
                        java.util.List.of(),
                        1));
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 5", 5);

        ann.send("hello");

        assertThat(ann.messages()).isEmpty();
        clock.advance(Duration.ofMillis(5600));
        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly("This menu has changed since you last used it. Let's start over.");
    }
}
