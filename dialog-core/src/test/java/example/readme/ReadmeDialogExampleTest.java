package example.readme;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.widget.Button;
import dev.tgdialog.widget.Nav;
import dev.tgdialog.widget.Row;
import dev.tgdialog.widget.Text;
import org.junit.jupiter.api.Test;

/** The dialog and the test of the README, compiled and run so they cannot rot. */
class ReadmeDialogExampleTest {
    // --- README: a dialog ---
    enum Step implements WindowId { SIZE, CONFIRM }

    static final Key<String> SIZE = Key.of("size", String.class);

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.SIZE, w -> w
                    .text("Which size?")
                    .add(Row.of(
                            Button.of("s", "Small", ctx -> next().with(SIZE, "small")),
                            Button.of("l", "Large", ctx -> next().with(SIZE, "large")))))
            .window(Step.CONFIRM, w -> w
                    .text(Text.format("A {size} pizza. Order it?"))
                    .add(Button.of("yes", "Order", ctx -> done(ctx.get(SIZE)).saying("Ordered!")))
                    .add(Nav.back("« Back")))
            .build();
    // --- end ---

    // --- README: a test ---
    @Test
    void orderingAPizza() {
        BotHarness harness = BotHarness.of(bot -> bot
                .dialogs(ORDER)
                .command("start", (ctx, args) -> start(ORDER, null, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.buttons()).containsExactly("Small", "Large");
        ann.click("Large");
        assertThat(ann.lastMessage().text()).isEqualTo("A large pizza. Order it?");
        ann.click("Order");
        assertThat(ann.lastMessage().text()).isEqualTo("Ordered!");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }
    // --- end ---
}
