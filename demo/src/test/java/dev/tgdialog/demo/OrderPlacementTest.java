package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.tgdialog.demo.OrderBot.Order;
import dev.tgdialog.demo.OrderBot.Size;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.PaymentResult;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The kitchen as Mockito sees it: the author's own service at the bot's boundary, where what a test checks is the
 * call itself (once, with the order; or never). The same conversations read as state are in {@link OrderBotTest}.
 */
class OrderPlacementTest {
    private static final String STALE = "This button is no longer active";

    private final Kitchen kitchen = mock(Kitchen.class);
    private final BotHarness harness =
            BotHarness.of(bot -> OrderBot.configure(bot, kitchen, ReferralsTest.referrals()));
    private final FakeUser ann = harness.user(1001, "Ann");

    /** Orders two medium pizzas up to the invoice, and returns it. */
    private FakeMessage twoMediumUpToTheConfirmation(FakeUser user) {
        user.send("/start");
        user.click("Medium");
        user.send("2");
        assertThat(user.lastMessage().kind()).isEqualTo("invoice");
        assertThat(user.lastMessage().text()).isEqualTo("2 × M pizza");
        return user.lastMessage();
    }

    @Test
    void paying_placesTheOrderOnce_withWhatWasChosen() {
        twoMediumUpToTheConfirmation(ann);
        verifyNoInteractions(kitchen);

        assertThat(ann.pay().paid()).isTrue();

        verify(kitchen, times(1)).place(new Order(Size.M, 2));
        verifyNoMoreInteractions(kitchen);
        assertThat(beforeLast(ann).text()).isEqualTo("Thanks! Paid 140 ⭐. Your order: 2 × M pizza");
    }

    @Test
    void cancelAtTheConfirmation_placesNothing() {
        twoMediumUpToTheConfirmation(ann);

        ann.click("Cancel");

        assertThat(ann.lastMessage().text()).isEqualTo("Order cancelled.");
        verifyNoInteractions(kitchen);
    }

    @Test
    void payingTheSameInvoiceTwice_placesOneOrder_andTheSecondIsRefusedBeforeCharging() {
        FakeMessage invoice = twoMediumUpToTheConfirmation(ann);

        ann.pay(invoice);
        PaymentResult again = ann.pay(invoice);

        assertThat(again.paid()).isFalse();
        assertThat(again.refusal()).isEqualTo("This invoice is no longer valid. Please ask for a new one.");
        assertThat(beforeLast(ann).text()).isEqualTo("Thanks! Paid 140 ⭐. Your order: 2 × M pizza");
        assertThat(beforeLast(ann).inlineKeyboard()).isEmpty();
        assertThat(ann.lastMessage().kind()).isEqualTo("sticker");
        verify(kitchen, times(1)).place(new Order(Size.M, 2));
        verifyNoMoreInteractions(kitchen);
    }

    @Test
    void twoPaymentsThatArriveBeforeEitherIsHandled_stillPlaceOneOrder() {
        Gate gate = new Gate();
        // A clock that stands still, so the checkout budget does not run out while the gate holds the decisions.
        BotHarness gated = BotHarness.builder(bot -> OrderBot.configure(bot, kitchen, ReferralsTest.referrals()))
                .executor(gate)
                .clock(new dev.tgdialog.testing.ManualTime())
                .build();
        FakeUser bob = gated.user(1002, "Bob");
        FakeMessage confirmation = twoMediumUpToTheConfirmation(bob);

        gate.hold();
        CompletableFuture<PaymentResult> first = bob.payAsync(confirmation);
        CompletableFuture<PaymentResult> second = bob.payAsync(confirmation);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        gate.release();
        CompletableFuture.allOf(first, second).join();

        assertThat(bob.messages())
                .extracting(FakeMessage::text)
                .containsOnlyOnce("Thanks! Paid 140 ⭐. Your order: 2 × M pizza");
        verify(kitchen, times(1)).place(new Order(Size.M, 2));
        verifyNoMoreInteractions(kitchen);
    }

    @Test
    void aKitchenThatFails_leavesTheOrderToConfirm_andTheUserIsTold() {
        doThrow(new IllegalStateException("the oven is off"))
                .doNothing()
                .when(kitchen)
                .place(any());
        FakeMessage confirmation = twoMediumUpToTheConfirmation(ann);

        ann.pay(confirmation);

        assertThat(ann.lastMessage().text()).isEqualTo("Sorry, something went wrong. Type /start to begin again.");
        assertThat(ann.messages()).contains(confirmation);

        ann.pay(confirmation);

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .contains("Thanks! Paid 140 ⭐. Your order: 2 × M pizza");
        verify(kitchen, times(2)).place(new Order(Size.M, 2));
    }

    /**
     * Runs the bot's work on the test's thread, at once, or, while held, when released: so two updates can both be
     * in the bot before either is handled, with no thread and no sleep.
     */
    private static final class Gate implements Executor {
        private final Queue<Runnable> held = new ArrayDeque<>();
        private boolean holding;

        @Override
        public void execute(Runnable task) {
            if (holding) {
                held.add(task);
            } else {
                task.run();
            }
        }

        void hold() {
            holding = true;
        }

        void release() {
            holding = false;
            for (Runnable task = held.poll(); task != null; task = held.poll()) {
                task.run();
            }
        }
    }

    /** The message before the newest: the thanks above the sticker a paid order ends with. */
    private static FakeMessage beforeLast(FakeUser user) {
        List<FakeMessage> messages = user.messages();
        return messages.get(messages.size() - 2);
    }
}
