// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static dev.tgdialog.Transition.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.payments.Checkout;
import dev.tgdialog.payments.Invoice;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** The payments snippet of the README, compiled and run so it cannot rot. */
class ReadmePaymentsExampleTest {
    enum Step implements WindowId { PAY, BAKING }

    static final Key<Integer> PIZZAS = Key.of("pizzas", Integer.class);

    // --- README: payments ---
    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.PAY, w -> w.invoice(Invoice.stars("Pizza", ctx -> ctx.get(PIZZAS, 1) + " × Margherita")
                    .price("Pizza", ctx -> 50L * ctx.get(PIZZAS, 1))          // in Stars
                    .onPreCheckout((ctx, query) -> ovenIsHot()
                            ? Checkout.ok()
                            : Checkout.refuse("The oven is cold, try again later"))
                    .onPaid((ctx, payment) -> next())                         // once per charge
                    .build()))
            .window(Step.BAKING, w -> w.text("Paid. Your pizza is in the oven."))
            .build();

    @Test
    void aPizzaPaidInStars() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(ORDER)
                .command("order", (ctx, args) -> Transition.start(ORDER, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/order");                                   // the invoice, with its Pay button
        ann.pay();                                            // pre-checkout, then the payment

        assertThat(ann.lastMessage().text()).isEqualTo("Paid. Your pizza is in the oven.");
    }
    // --- end ---
    // spotless:on

    static boolean ovenIsHot() {
        return true;
    }

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        ReadmeSnippets.assertShown("ReadmePaymentsExampleTest.java", "payments");
    }
}
