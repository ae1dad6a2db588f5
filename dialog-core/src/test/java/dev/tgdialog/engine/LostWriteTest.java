package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A store that lost the stack's last write (a Redis failover before the write reached the replica): the message shows
 * a window the stack never reached. A click there is stale, and the window the stack holds is shown on the message
 * again, so the user goes on from a state that is theirs; a double click (an older window's button) only gets the
 * toast, as before.
 */
class LostWriteTest {
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));
    private final BotHarness harness = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                    .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)))
            .store(store)
            .build();
    private final FakeUser ann = harness.user(1001, "Ann");
    private final StackKey key = StackKey.of(EngineTest.BOT, 1001, 1001);

    @Test
    void aClickOnAWindowTheStackLost_isStale_andTheStacksWindowIsShownAgainOnThatMessage() {
        ann.send("/start");
        Stack before = store.load(key).orElseThrow();
        ann.click("Next");
        FakeMessage shown = ann.lastMessage();
        assertThat(shown.text()).isEqualTo("Colour: none");
        Stack now = store.load(key).orElseThrow();
        // The write of the click is lost: the stack is as /start left it (a later version, as a restore writes it).
        assertThat(store.save(
                        key,
                        now.version(),
                        new Stack(
                                before.id(),
                                before.frames(),
                                now.version() + 1,
                                before.lastMessage(),
                                before.recentUpdateIds(),
                                before.nextFrameId())))
                .isTrue();
        int events = ann.history().size();

        ann.click("Pick");

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");
        assertThat(ann.lastMessage().messageId()).isEqualTo(shown.messageId());
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
        assertThat(ann.buttons()).containsExactly("+1", "Next");
        assertThat(ann.history().subList(events, ann.history().size()))
                .singleElement()
                .isInstanceOf(ChatEvent.Edited.class);
        ann.click("Next");
        assertThat(ann.lastMessage().text()).isEqualTo("Colour: none");
    }

    @Test
    void aDoubleClick_onAnOlderWindowsButton_onlyGetsTheToast() {
        ann.send("/start");
        FakeMessage first = ann.lastMessage();
        ann.click("Next");
        int events = ann.history().size();

        ann.clickWithData(first, first.inlineKeyboard().get(1).get(0).callbackData());

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");
        assertThat(ann.history()).hasSize(events);
        assertThat(ann.lastMessage().text()).isEqualTo("Colour: none");
    }
}
