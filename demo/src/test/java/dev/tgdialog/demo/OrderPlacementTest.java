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
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.util.ArrayDeque;
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

    /** Orders two medium pizzas up to the confirmation, and returns the message that asks for it. */
    private FakeMessage twoMediumUpToTheConfirmation(FakeUser user) {
        user.send("/start");
        user.click("Medium");
        user.send("2");
        assertThat(user.lastMessage().text()).isEqualTo("Your order: 2 × M pizza\nShall we bake it?");
        return user.lastMessage();
    }

    @Test
    void confirm_placesTheOrderOnce_withWhatWasChosen() {
        twoMediumUpToTheConfirmation(ann);
        verifyNoInteractions(kitchen);

        ann.click("Confirm");

        verify(kitchen, times(1)).place(new Order(Size.M, 2));
        verifyNoMoreInteractions(kitchen);
        assertThat(ann.lastMessage().text()).isEqualTo("Thanks! Your order: 2 × M pizza");
    }

    @Test
    void cancelAtTheConfirmation_placesNothing() {
        twoMediumUpToTheConfirmation(ann);

        ann.click("Cancel");

        assertThat(ann.lastMessage().text()).isEqualTo("Order cancelled.");
        verifyNoInteractions(kitchen);
    }

    @Test
    void aDoubleClickOnConfirm_placesOneOrder_andTheSecondClickIsAnsweredWithAToast() {
        FakeMessage confirmation = twoMediumUpToTheConfirmation(ann);

        ann.clickOn(confirmation, "Confirm");
        ann.clickOn(confirmation, "Confirm");

        assertThat(ann.lastAnswer().text()).isEqualTo(STALE);
        assertThat(ann.lastMessage().text()).isEqualTo("Thanks! Your order: 2 × M pizza");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
        verify(kitchen, times(1)).place(new Order(Size.M, 2));
        verifyNoMoreInteractions(kitchen);
    }

    @Test
    void aDoubleClickWhoseTwoClicksArriveBeforeEitherIsHandled_stillPlacesOneOrder() {
        Gate gate = new Gate();
        BotHarness gated = BotHarness.builder(bot -> OrderBot.configure(bot, kitchen, ReferralsTest.referrals()))
                .executor(gate)
                .build();
        FakeUser bob = gated.user(1002, "Bob");
        FakeMessage confirmation = twoMediumUpToTheConfirmation(bob);

        gate.hold();
        CompletableFuture<Void> first = bob.clickAsync(confirmation, "Confirm");
        CompletableFuture<Void> second = bob.clickAsync(confirmation, "Confirm");
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        gate.release();
        CompletableFuture.allOf(first, second).join();

        assertThat(gated.telegram().callbackAnswers())
                .extracting(CallbackAnswer::text)
                .endsWith(null, STALE);
        assertThat(bob.lastMessage().text()).isEqualTo("Thanks! Your order: 2 × M pizza");
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

        ann.click("Confirm");

        assertThat(ann.lastMessage().text()).isEqualTo("Sorry, something went wrong. Type /start to begin again.");
        assertThat(ann.messages()).contains(confirmation);

        ann.clickOn(confirmation, "Confirm");

        assertThat(ann.messages()).extracting(FakeMessage::text).contains("Thanks! Your order: 2 × M pizza");
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
}
