package dev.tgdialog.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.spring.test.TgdialogTest;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** More conversations of the Spring Pizza example on the test slice, beside the one the README shows. */
@TgdialogTest
class PizzaBotTest {
    @Autowired
    BotHarness harness;

    @Autowired
    Orders orders;

    @Test
    void aCancelledOrder_goesBackToTheMenu_andPlacesNothing() {
        FakeUser bob = harness.user(2002, "Bob");

        bob.send("/start");
        bob.click("Order a pizza");
        bob.click("Cancel");

        assertThat(bob.lastMessage().text()).isEqualTo("Welcome to Spring Pizza!");
        assertThat(bob.buttons()).containsExactly("Order a pizza", "Opening hours");
        assertThat(orders.placed()).noneMatch(order -> order.endsWith("for 2002"));
    }

    @Test
    void theMenuSwitchesWindows() {
        FakeUser cem = harness.user(2003, "Cem");

        cem.send("/start");
        cem.click("Opening hours");
        assertThat(cem.lastMessage().text()).isEqualTo("Open daily, 11:00 to 23:00.");
        assertThat(cem.buttons()).containsExactly("« Back");
        cem.click("« Back");

        assertThat(cem.lastMessage().text()).isEqualTo("Welcome to Spring Pizza!");
    }

    @Test
    void theCommandBean_isPublishedToTheFake() {
        assertThat(harness.telegram().commands(BotCommandScopeDefault.of(), null))
                .containsExactly(new BotCommand("start", "Open the menu"));
    }

    @Test
    void theContextsBotAndClient_areTheHarnesss(@Autowired DialogBot bot, @Autowired TelegramClient telegram) {
        assertThat(bot).isSameAs(harness.bot());
        assertThat(bot.dialogs()).extracting(dialog -> dialog.id()).containsExactlyInAnyOrder("menu", "order");
        assertThat(telegram.execute(GetMe.of()).username()).isEqualTo(FakeTelegram.BOT_USERNAME);
    }
}
