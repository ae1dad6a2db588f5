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
                .command("start", (ctx, args) -> Transition.start(WIZARD, null, StartMode.RESET_STACK)))
                .store(store).build();
    }

    @Test
    void aSendInFloodWait_goesOutAfterRetryAfterPlusJitter_andTheStackLearnsItsMessage() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        h.telegram().failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        ann.send("/start");

        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Count: ");
        assertThat(h.time().waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
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

        assertThat(ann.messages()).as("given up after about a minute of flood wait").isEmpty();
        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001)).orElseThrow().frames())
                .as("the dialog /start opened").hasSize(1);
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
}
