package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.PICKER;
import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void aWizard_runsThroughItsWindows() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(WIZARD, PICKER)
                .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: ");
        assertThat(ann.buttons()).containsExactly("+1", "Next");

        ann.click("+1");
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 2");
        assertThat(ann.messages()).hasSize(1);

        ann.click("Next");
        assertThat(ann.lastMessage().text()).isEqualTo("Colour: none");
        ann.click("Pick");
        assertThat(ann.lastMessage().text()).isEqualTo("Pick a colour");
        ann.click("Blue");
        assertThat(ann.lastMessage().text()).isEqualTo("Colour: blue");
        ann.click("Next");
        ann.click("Finish");
        assertThat(ann.lastMessage().text()).isEqualTo("Bye");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
        assertThat(ann.messages()).hasSize(1);
    }
}
