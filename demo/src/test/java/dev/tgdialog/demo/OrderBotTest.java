package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.demo.OrderBot.Order;
import dev.tgdialog.demo.OrderBot.Size;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order bot as a chat, with a hand-written fake kitchen whose orders the tests read after the conversation (the
 * Mockito way of checking the kitchen is in {@link OrderPlacementTest}).
 */
class OrderBotTest {
    /** A kitchen that keeps the orders it was given, in order, for the test to read. */
    static final class FakeKitchen implements Kitchen {
        private final List<Order> placed = new CopyOnWriteArrayList<>();

        @Override
        public void place(Order order) {
            placed.add(order);
        }

        List<Order> placed() {
            return List.copyOf(placed);
        }
    }

    private final FakeKitchen kitchen = new FakeKitchen();
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));
    private final BotHarness harness = BotHarness.builder(
                    bot -> OrderBot.configure(bot, kitchen, ReferralsTest.referrals()))
            .store(store)
            .build();
    private final FakeUser ann = harness.user(1001, "Ann");

    private Stack stack() {
        return store.load(StackKey.of(FakeTelegram.BOT_ID, ann.chatId(), ann.id()))
                .orElseThrow();
    }

    private Frame top() {
        return stack().top().orElseThrow();
    }

    @Test
    void theWizard_takesSizeQuantityAndConfirmation_andThanksWithoutButtons() {
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Which pizza size?");
        assertThat(ann.lastMessage().inlineKeyboard()).hasSize(2);
        assertThat(ann.buttons()).containsExactly("Small", "Medium", "Large", "Cancel");

        ann.click("Small");
        assertThat(ann.lastMessage().text()).isEqualTo("Size S. How many pizzas? Type a number from 1 to 20.");
        assertThat(top().windowId()).isEqualTo("QUANTITY");

        ann.send("3");
        FakeMessage invoice = ann.lastMessage();
        assertThat(invoice.kind()).isEqualTo("invoice");
        assertThat(invoice.text()).isEqualTo("3 × S pizza");
        assertThat(harness.telegram().invoice(invoice).orElseThrow().totalAmount())
                .isEqualTo(150);
        assertThat(ann.buttons()).containsExactly("Pay ⭐", "« Back", "Cancel");
        assertThat(top().data()).containsEntry("size", "\"S\"").containsEntry("quantity", "3");
        assertThat(kitchen.placed()).isEmpty();

        ann.pay();

        FakeMessage thanks = beforeLast(ann);
        assertThat(thanks.messageId())
                .as("an invoice stays; the thanks is a message of its own")
                .isGreaterThan(invoice.messageId());
        assertThat(thanks.text()).isEqualTo("Thanks! Paid 150 ⭐. Your order: 3 × S pizza");
        assertThat(thanks.inlineKeyboard()).isEmpty();
        FakeMessage sticker = ann.lastMessage();
        assertThat(sticker.kind()).isEqualTo("sticker");
        assertThat(sticker.buttonLabels()).containsExactly("Order again");
        assertThat(stack().frames()).extracting(Frame::dialogId).containsExactly("thanks");
        assertThat(kitchen.placed()).containsExactly(new Order(Size.S, 3));

        ann.click("Order again");
        assertThat(ann.lastMessage().text()).isEqualTo("Which pizza size?");
        assertThat(sticker.messageId()).as("the sticker stays, its button gone").isPositive();
        assertThat(ann.messages())
                .filteredOn(m -> m.kind().equals("sticker"))
                .singleElement()
                .satisfies(m -> assertThat(m.inlineKeyboard()).isEmpty());
    }

    @Test
    void twoOrdersInARow_reachTheKitchen_eachAsConfirmed() {
        ann.send("/start");
        ann.click("Large");
        ann.send("2");
        ann.pay();
        assertThat(beforeLast(ann).text()).isEqualTo("Thanks! Paid 180 ⭐. Your order: 2 × L pizza");

        ann.send("/start size_S");
        ann.send("20");
        assertThat(ann.lastMessage().text()).isEqualTo("20 × S pizza");
        ann.pay();

        assertThat(beforeLast(ann).text()).isEqualTo("Thanks! Paid 1000 ⭐. Your order: 20 × S pizza");
        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly(
                        "Size L. How many pizzas? Type a number from 1 to 20.",
                        "2 × L pizza",
                        "Thanks! Paid 180 ⭐. Your order: 2 × L pizza",
                        null,
                        "Size S. How many pizzas? Type a number from 1 to 20.",
                        "20 × S pizza",
                        "Thanks! Paid 1000 ⭐. Your order: 20 × S pizza",
                        null);
        assertThat(kitchen.placed()).containsExactly(new Order(Size.L, 2), new Order(Size.S, 20));
    }

    @Test
    void backFromConfirm_returnsToTheQuantity_andBackFromThere_toTheSize_keepingWhatWasChosen() {
        ann.send("/start");
        ann.click("Medium");
        ann.send("2");

        ann.click("« Back");
        assertThat(top().windowId()).isEqualTo("QUANTITY");
        assertThat(ann.lastMessage().text())
                .isEqualTo("Size M. How many pizzas? Type a number from 1 to 20.\n(So far: 2)");

        ann.click("« Back");
        assertThat(top().windowId()).isEqualTo("SIZE");
        assertThat(ann.buttons()).containsExactly("Small", "✓ Medium", "Large", "Cancel");
        assertThat(top().data()).containsEntry("size", "\"M\"").containsEntry("quantity", "2");

        ann.click("Large");
        ann.send("4");
        assertThat(ann.lastMessage().text()).isEqualTo("4 × L pizza");

        ann.pay();
        assertThat(kitchen.placed()).containsExactly(new Order(Size.L, 4));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc | ⚠ \"abc\" is not a number.",
                "0   | ⚠ 0 is too few.",
                "-3  | ⚠ -3 is too few.",
                "21  | ⚠ 21 is too many, 20 at most.",
                "2.5 | ⚠ \"2.5\" is not a number.",
            })
    void anInvalidQuantity_isExplained_andTheStepIsKept(String typed, String error) {
        ann.send("/start");
        ann.click("Small");
        String windowBefore = top().windowId();

        ann.send(typed);

        assertThat(ann.lastMessage().text())
                .isEqualTo(error + "\nSize S. How many pizzas? Type a number from 1 to 20.");
        assertThat(ann.buttons()).containsExactly("« Back", "Cancel");
        assertThat(top().windowId()).isEqualTo(windowBefore).isEqualTo("QUANTITY");
        assertThat(top().data()).doesNotContainKey("quantity");

        ann.send("20");
        assertThat(ann.lastMessage().text()).isEqualTo("20 × S pizza");
        assertThat(top().data()).doesNotContainKey("refused");
    }

    @Test
    void anError_isShownOnce_andTheWindowLeavesItOutOnItsNextRender() {
        ann.send("/start");
        ann.click("Small");
        ann.send("abc");
        assertThat(ann.lastMessage().text()).startsWith("⚠ \"abc\" is not a number.\n");

        ann.send("/settings");
        ann.click("Done");

        assertThat(top().windowId()).isEqualTo("QUANTITY");
        assertThat(ann.lastMessage().text()).isEqualTo("Size S. How many pizzas? Type a number from 1 to 20.");
        assertThat(top().data()).doesNotContainKey("refused");
    }

    @Test
    void theWindowAfterAnError_isSentAgain_belowTheUsersMessage() {
        ann.send("/start");
        ann.click("Large");
        int sentBefore = ann.messages().size();

        ann.send("lots");

        assertThat(ann.messages()).hasSize(sentBefore + 1);
        assertThat(ann.history().get(ann.history().size() - 1)).isInstanceOf(ChatEvent.Sent.class);
    }

    @Test
    void cancel_endsTheOrder_saysSo_andClosesTheDialog() {
        ann.send("/start");
        ann.click("Small");

        ann.click("Cancel");

        assertThat(ann.lastMessage().text()).isEqualTo("Order cancelled.");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
        assertThat(stack().frames()).isEmpty();
        assertThat(kitchen.placed()).isEmpty();
    }

    @Test
    void aDeepLinkWithASize_preselectsIt_andAsksForTheQuantity() {
        ann.send("/start size_L");

        assertThat(ann.lastMessage().text()).isEqualTo("Size L. How many pizzas? Type a number from 1 to 20.");
        assertThat(top().windowId()).isEqualTo("QUANTITY");
        assertThat(top().data()).containsEntry("size", "\"L\"");

        ann.click("« Back");
        assertThat(ann.buttons()).containsExactly("Small", "Medium", "✓ Large", "Cancel");
    }

    @Test
    void aMalformedDeepLink_justStartsTheOrder() {
        ann.send("/start size_XL");

        assertThat(ann.lastMessage().text()).isEqualTo("Which pizza size?");
        assertThat(top().windowId()).isEqualTo("SIZE");
    }

    @Test
    void settingsInTheMiddleOfTheWizard_returnToTheSameStep_inTheChosenLanguage() {
        ann.send("/start");
        ann.click("Medium");

        ann.send("/settings");
        assertThat(stack().frames()).extracting(Frame::dialogId).containsExactly("order", "settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Settings\nLanguage: English");

        ann.click("Auf Deutsch umstellen");
        assertThat(ann.lastAnswer().text()).isEqualTo("Sprache: Deutsch");
        assertThat(ann.lastMessage().text()).isEqualTo("Einstellungen\nSprache: Deutsch");
        ann.click("Fertig");

        assertThat(stack().frames()).singleElement().satisfies(order -> {
            assertThat(order.windowId()).isEqualTo("QUANTITY");
            assertThat(order.data()).containsEntry("size", "\"M\"").doesNotContainKey("language");
        });
        assertThat(ann.lastMessage().text()).isEqualTo("Größe M. Wie viele Pizzen? Gib eine Zahl von 1 bis 20 ein.");
        assertThat(ann.buttons()).containsExactly("« Zurück", "Abbrechen");

        ann.send("null");
        assertThat(ann.lastMessage().text()).startsWith("⚠ „null“ ist keine Zahl.");
        ann.send("2");
        assertThat(ann.buttons()).first().isEqualTo("Bezahlen ⭐");
        ann.pay();
        assertThat(beforeLast(ann).text()).isEqualTo("Danke! Bezahlt: 140 ⭐. Deine Bestellung: 2 × Pizza M");
        assertThat(kitchen.placed()).containsExactly(new Order(Size.M, 2));
    }

    @Test
    void theLanguageOutlivesANewStart() {
        ann.send("/start");
        ann.send("/settings");
        ann.click("Auf Deutsch umstellen");
        ann.click("Fertig");

        ann.send("/start");

        assertThat(ann.lastMessage().text()).isEqualTo("Welche Pizzagröße?");
    }

    @Test
    void settingsWithNoOrderOpen_runAlone_andSaySoWhenDone() {
        ann.send("/settings");
        assertThat(stack().frames()).extracting(Frame::dialogId).containsExactly("settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Settings\nLanguage: English");

        ann.click("Auf Deutsch umstellen");
        ann.click("Fertig");

        assertThat(ann.lastMessage().text()).isEqualTo("Einstellungen gespeichert.");
        assertThat(stack().frames()).isEmpty();
        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Welche Pizzagröße?");
    }

    @Test
    void theLanguagePicked_isKeptPerUser_notInTheDialogsData() {
        ann.send("/settings");
        ann.click("Auf Deutsch umstellen");

        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, ann.id(), "language"))
                .contains("de en");
        assertThat(top().data()).doesNotContainKey("language");
    }

    @Test
    void settingsTwice_doNotStack() {
        ann.send("/start");
        ann.send("/settings");

        ann.send("/settings");

        assertThat(stack().frames()).extracting(Frame::dialogId).containsExactly("order", "settings");
        assertThat(ann.lastMessage().text()).isEqualTo("Settings\nLanguage: English");
    }

    @Test
    void help_listsTheCommands_outsideAnyDialog() {
        ann.send("/help");

        assertThat(ann.messages()).singleElement().satisfies(help -> {
            assertThat(help.text()).startsWith("I take pizza orders.").contains("/start", "/settings", "/help");
            assertThat(help.inlineKeyboard()).isEmpty();
        });
        assertThat(store.load(StackKey.of(FakeTelegram.BOT_ID, ann.chatId(), ann.id())))
                .map(Stack::frames)
                .hasValueSatisfying(frames -> assertThat(frames).isEmpty());
    }

    @Test
    void helpDuringTheWizard_isFollowedByTheWindowAgain_whichKeepsWorking() {
        ann.send("/start");
        ann.click("Small");

        ann.send("/help");

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .hasSize(3)
                .element(1)
                .asString()
                .startsWith("I take pizza orders.");
        assertThat(ann.lastMessage().text()).isEqualTo("Size S. How many pizzas? Type a number from 1 to 20.");
        ann.send("1");
        assertThat(ann.lastMessage().text()).isEqualTo("1 × S pizza");
    }

    @Test
    void textOutsideADialog_getsAHintToStart() {
        ann.send("pizza please");

        assertThat(ann.lastMessage().text()).isEqualTo("I did not get that. Type /start to order a pizza, or /help.");
    }

    @Test
    void anOldWindowsButton_isAnsweredWithAToast_andChangesNothing() {
        ann.send("/start");
        FakeMessage sizes = ann.lastMessage();
        ann.click("Small");
        ann.send("2");
        Stack before = stack();

        ann.clickOn(sizes, "Large");

        assertThat(ann.lastAnswer().text()).isEqualTo("This button is no longer active");
        assertThat(stack().frames()).isEqualTo(before.frames());
    }

    /** The message before the newest: the thanks above the sticker a paid order ends with. */
    private static FakeMessage beforeLast(FakeUser user) {
        List<FakeMessage> messages = user.messages();
        return messages.get(messages.size() - 2);
    }
}
