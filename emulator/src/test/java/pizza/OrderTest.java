// spotless:off
// --- README: order test ---
// src/test/java/pizza/OrderTest.java
package pizza;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

class OrderTest {
    @Test
    void orderingPizzas() {
        BotHarness harness = BotHarness.of(PizzaBot::setup);   // the bot on a fake Telegram, in process
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.buttons()).containsExactly("Small", "Large");
        ann.click("Large");
        ann.send("a dozen");
        assertThat(ann.lastMessage().text())
                .isEqualTo("\"a dozen\" is not a number from 1 to 9.\nA large pizza. How many? Type 1 to 9.");
        ann.send("3");
        assertThat(ann.lastMessage().text()).isEqualTo("3 × large pizza. Order it?");
        ann.click("Order");
        assertThat(ann.lastMessage().text()).isEqualTo("Ordered!");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }
}
// --- end ---
// spotless:on
