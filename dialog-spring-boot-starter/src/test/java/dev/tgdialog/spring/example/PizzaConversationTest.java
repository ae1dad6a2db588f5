package dev.tgdialog.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.spring.test.TgdialogTest;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

// --- README: test slice ---
@TgdialogTest
class PizzaConversationTest {
    @Autowired
    BotHarness harness;

    @Autowired
    Orders orders;

    @Test
    void start_showsTheMenu_whoseButtonStartsTheOrderDialog() {
        FakeUser ann = harness.user(2001, "Ann");

        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Welcome to Spring Pizza!");
        assertThat(ann.buttons()).containsExactly("Order a pizza", "Opening hours");

        ann.click("Order a pizza");
        assertThat(ann.lastMessage().text()).isEqualTo("Which size?");
        assertThat(ann.buttons()).containsExactly("Small", "Large", "Cancel");
        ann.click("Large");
        assertThat(ann.lastMessage().text()).isEqualTo("A large pizza. Order it?");
        ann.click("Order");

        assertThat(ann.lastMessage().text()).isEqualTo("Your large pizza is on its way.\nWelcome to Spring Pizza!");
        assertThat(orders.placed()).containsExactly("large for 2001");
    }
}
// --- end ---
