package dev.tgdialog.testing;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import org.junit.jupiter.api.Test;

class FakeUserTest {
    enum Only implements WindowId {
        ONLY
    }

    static final Dialog HELLO = Dialog.builder("hello")
            .window(
                    Only.ONLY,
                    w -> w.text("Hello").add(Button.of("hi", "Hi", ctx -> {
                        ctx.toast("Hi " + ctx.user().firstName());
                        return stay();
                    })))
            .build();

    @Test
    void lastAnswer_isTheAnswerToThisUsersLatestClick_whoeverClickedSince() {
        BotHarness h = BotHarness.of(bot ->
                bot.dialogs(HELLO).command("go", (ctx, args) -> Transition.start(HELLO, StartMode.RESET_STACK)));
        FakeUser ann = h.user(1001, "Ann");
        FakeUser bob = h.user(1002, "Bob");
        FakeUser cem = h.user(1003, "Cem");
        ann.send("/go");
        bob.send("/go");

        ann.click("Hi");
        bob.click("Hi");

        assertThat(ann.lastAnswer().text()).isEqualTo("Hi Ann");
        assertThat(bob.lastAnswer().text()).isEqualTo("Hi Bob");
        assertThatThrownBy(cem::lastAnswer).isInstanceOf(AssertionError.class).hasMessageContaining("1003");
    }
}
