package dev.tgdialog.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeInvoice;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.ManualTime;
import dev.tgdialog.testing.PaymentResult;
import dev.tgdialog.testing.PreCheckoutAnswer;
import dev.tgdialog.testing.RoundTripStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An invoice as a window: paid in Telegram Stars end to end, refused with a reason, answered in time whatever the
 * handler does, and applied once per charge.
 */
class PaymentsTest {
    enum Shop implements WindowId {
        PAY,
        THANKS
    }

    static final Key<Integer> PIZZAS = Key.of("pizzas", Integer.class);
    static final Key<Boolean> SOLD_OUT = Key.of("soldOut", Boolean.class);
    static final Key<String> CHARGE = Key.of("charge", String.class);

    final AtomicInteger paidCalls = new AtomicInteger();
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final CountDownLatch slow = new CountDownLatch(1);

    @AfterEach
    void stop() {
        slow.countDown();
        pool.shutdownNow();
    }

    Dialog shop(boolean slowCheckout) {
        return Dialog.builder("shop")
                .window(
                        Shop.PAY,
                        w -> w.invoice(Invoice.stars("Pizza", ctx -> ctx.get(PIZZAS, 1) + " × Margherita, hot")
                                        .price("Pizza", ctx -> 21L * ctx.get(PIZZAS, 1))
                                        .payLabel("Pay ⭐")
                                        .onPreCheckout((ctx, query) -> {
                                            if (slowCheckout) {
                                                slow.await();
                                            }
                                            return Boolean.TRUE.equals(ctx.get(SOLD_OUT))
                                                    ? Checkout.refuse("Sorry, we ran out of dough")
                                                    : Checkout.ok();
                                        })
                                        .onPaid((ctx, payment) -> {
                                            paidCalls.incrementAndGet();
                                            return Transition.next().with(CHARGE, payment.telegramPaymentChargeId());
                                        })
                                        .build())
                                .add(Button.of(
                                        "cancel",
                                        "Cancel",
                                        ctx -> Transition.done().saying("Cancelled"))))
                .window(Shop.THANKS, w -> w.text(ctx -> "Thanks! " + ctx.get(PIZZAS, 1) + " pizzas are in the oven."))
                .onStart(ctx -> Transition.stay().with(PIZZAS, ctx.input(Integer.class)))
                .build();
    }

    void shopBot(DialogBot.Builder bot, boolean slowCheckout) {
        Dialog shop = shop(slowCheckout);
        bot.dialogs(shop)
                .command(
                        "buy",
                        (ctx, args) -> Transition.start(
                                shop, args.isEmpty() ? 1 : Integer.parseInt(args), StartMode.RESET_STACK))
                .command("soldout", (ctx, args) -> Transition.stay().with(SOLD_OUT, true))
                .checkoutBudget(Duration.ofSeconds(8), "The kitchen is busy; please try again.");
    }

    @Test
    void aStarsPayment_endToEnd() {
        BotHarness harness = BotHarness.of(bot -> shopBot(bot, false));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/buy 2");

        FakeMessage invoice = ann.lastMessage();
        assertThat(invoice.kind()).isEqualTo("invoice");
        assertThat(invoice.buttonLabels()).containsExactly("Pay ⭐", "Cancel");
        FakeInvoice sent = harness.telegram().invoice(invoice).orElseThrow();
        assertThat(sent.title()).isEqualTo("Pizza");
        assertThat(sent.description()).isEqualTo("2 × Margherita, hot");
        assertThat(sent.currency()).isEqualTo("XTR");
        assertThat(sent.totalAmount()).isEqualTo(42);

        PaymentResult result = ann.pay();

        assertThat(result.paid()).isTrue();
        assertThat(harness.telegram().preCheckoutAnswers())
                .singleElement()
                .satisfies(answer -> assertThat(answer.ok()).isTrue());
        assertThat(ann.lastMessage().text()).isEqualTo("Thanks! 2 pizzas are in the oven.");
        assertThat(paidCalls).hasValue(1);
        assertThat(harness.bot().allowedUpdates()).contains("pre_checkout_query");
    }

    @Test
    void aPreCheckoutRefusal_isShownWithItsReason_andNothingIsCharged() {
        BotHarness harness = BotHarness.of(bot -> shopBot(bot, false));
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/buy");
        FakeMessage invoice = ann.lastMessage();
        ann.send("/soldout");

        PaymentResult result = ann.pay(invoice);

        assertThat(result.paid()).isFalse();
        assertThat(result.refusal()).isEqualTo("Sorry, we ran out of dough");
        assertThat(paidCalls).hasValue(0);
    }

    @Test
    void aSlowPreCheckoutHandler_isAnsweredNo_beforeTelegramsTenSeconds_andItsLateAnswerIsDropped() throws Exception {
        ManualTime clock = new ManualTime();
        BotHarness harness = BotHarness.builder(bot -> shopBot(bot, true))
                .clock(clock)
                .executor(pool)
                .build();
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/buy");

        CompletableFuture<PaymentResult> paying = ann.payAsync(ann.lastMessage());
        assertThat(paying).as("the handler is still deciding").isNotDone();
        clock.advance(Duration.ofSeconds(8));

        PaymentResult result = paying.get(10, TimeUnit.SECONDS);
        assertThat(result.paid()).isFalse();
        assertThat(result.refusal()).isEqualTo("The kitchen is busy; please try again.");
        assertThat(harness.telegram().preCheckoutAnswers())
                .singleElement()
                .extracting(PreCheckoutAnswer::afterMillis)
                .isEqualTo(8_000L);

        slow.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(harness.telegram().preCheckoutAnswers())
                .as("the late yes is not sent")
                .hasSize(1);
    }

    @Test
    void aRedeliveredPayment_isAppliedOnce_acrossAStoreRoundTrip() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness =
                BotHarness.builder(bot -> shopBot(bot, false)).store(store).build();
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/buy");
        PaymentResult result = ann.pay();
        assertThat(paidCalls).hasValue(1);
        int messages = ann.messages().size();

        ann.deliver(result.paymentUpdate(), true);

        assertThat(paidCalls).as("the same update again").hasValue(1);
        assertThat(ann.messages()).hasSize(messages);
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, 1001, "payments")).contains(result.chargeId());
    }

    @Test
    void aPaymentNoDialogClaims_goesToOnPayment_onceEvenInAnotherUpdate() {
        AtomicInteger unclaimed = new AtomicInteger();
        BotHarness harness = BotHarness.of(bot -> bot.onPayment((ctx, payment) -> {
            unclaimed.incrementAndGet();
            ctx.send("Thanks for " + payment.totalAmount() + " ⭐");
            return Transition.stay();
        }));
        FakeUser ann = harness.user(1001, "Ann");
        dev.tgdialog.telegram.types.Message paid = dev.tgdialog.telegram.types.Message.builder(
                        50,
                        1_700_000_000,
                        dev.tgdialog.telegram.types.Chat.builder(1001, "private")
                                .build())
                .from(dev.tgdialog.telegram.types.User.builder(1001, false, "Ann")
                        .build())
                .successfulPayment(
                        dev.tgdialog.telegram.types.SuccessfulPayment.of("XTR", 100, "donation", "charge-77", ""))
                .build();

        ann.deliver(
                dev.tgdialog.telegram.types.Update.builder(7001).message(paid).build(), true);
        ann.deliver(
                dev.tgdialog.telegram.types.Update.builder(7002).message(paid).build(), true);

        assertThat(unclaimed).hasValue(1);
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Thanks for 100 ⭐");
        assertThat(harness.bot().allowedUpdates()).contains("pre_checkout_query");
    }

    @Test
    void aStarsSubscription_bySharedLink_reachesTheLinksHandler_andCanBeRefunded() {
        List<String> members = new java.util.ArrayList<>();
        BotHarness harness = BotHarness.of(bot -> bot.command("subscribe", (ctx, args) -> {
                    ctx.send(ctx.invoiceLink(
                            Invoice.stars("Pizza club", "A pizza a month")
                                    .price("Month", 250)
                                    .subscription(Duration.ofDays(30))
                                    .build(),
                            "club-" + ctx.userId()));
                    return Transition.stay();
                })
                .invoiceLinks("club-", null, (ctx, payment) -> {
                    members.add(payment.invoicePayload() + " " + payment.telegramPaymentChargeId());
                    ctx.send("Welcome to the club");
                    return Transition.stay();
                })
                .command("refund", (ctx, charge) -> {
                    ctx.refundStars(charge);
                    return Transition.stay();
                }));
        FakeUser ann = harness.user(1001, "Ann");
        FakeUser bob = harness.user(1002, "Bob");

        ann.send("/subscribe");
        String link = ann.lastMessage().text();
        assertThat(harness.telegram().invoiceLink(link).orElseThrow().totalAmount())
                .isEqualTo(250);
        assertThat(harness.telegram().calls())
                .filteredOn(call -> call.method().equals("createInvoiceLink"))
                .singleElement()
                .satisfies(call -> assertThat(call.params()).contains("\"subscription_period\":2592000"));

        PaymentResult result = bob.payLink(link);

        assertThat(result.paid()).as("anyone may pay a link").isTrue();
        assertThat(members).containsExactly("club-1001 " + result.chargeId());
        assertThat(bob.lastMessage().text()).isEqualTo("Welcome to the club");

        bob.send("/refund " + result.chargeId());
        assertThat(harness.telegram().refunded(result.chargeId())).isTrue();
    }

    @Test
    void aSubscription_isSoldByLinkOnly_everyThirtyDays() {
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(
                                Shop.PAY,
                                w -> w.invoice(Invoice.stars("Club", "Monthly")
                                        .price("Month", 250)
                                        .subscription(Duration.ofDays(30))
                                        .build()))
                        .build())
                .hasMessageContaining("window PAY: a subscription is sold by an invoice link");
        assertThatThrownBy(() -> Invoice.stars("Club", "Weekly")
                        .price("Week", 70)
                        .subscription(Duration.ofDays(7))
                        .build()
                        .check("link"))
                .hasMessageContaining("renews every 30 days");
    }

    @Test
    void aFlexibleInvoice_asksItsDialogWhereItShips() {
        Dialog parcel = Dialog.builder("parcel")
                .window(
                        Shop.PAY,
                        w -> w.invoice(Invoice.of("EUR", "Pizza stone", ctx -> "Cordierite, 38 cm")
                                .providerToken("provider-test-token")
                                .price("Stone", 3990)
                                .need(Invoice.Need.SHIPPING_ADDRESS)
                                .flexible()
                                .onShipping((ctx, query) -> query.shippingAddress()
                                                .countryCode()
                                                .equals("DE")
                                        ? Shipping.options(List.of(new dev.tgdialog.telegram.types.ShippingOption(
                                                "dhl",
                                                "DHL",
                                                List.of(new dev.tgdialog.telegram.types.LabeledPrice("DHL", 490)))))
                                        : Shipping.refuse("We ship within Germany only"))
                                .build()))
                .build();
        BotHarness harness = BotHarness.of(bot ->
                bot.dialogs(parcel).command("stone", (ctx, args) -> Transition.start(parcel, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/stone");

        ann.shipTo(ann.lastMessage(), address("DE"));
        ann.shipTo(ann.lastMessage(), address("FR"));

        assertThat(harness.telegram().calls())
                .filteredOn(call -> call.method().equals("answerShippingQuery"))
                .extracting(call -> call.params().replaceAll("\"shipping_query_id\":\"[^\"]+\",", ""))
                .containsExactly(
                        "{\"ok\":true,\"shipping_options\":[{\"id\":\"dhl\",\"title\":\"DHL\","
                                + "\"prices\":[{\"label\":\"DHL\",\"amount\":490}]}]}",
                        "{\"ok\":false,\"error_message\":\"We ship within Germany only\"}");
        assertThat(harness.bot().allowedUpdates()).contains("shipping_query");
        assertThatThrownBy(() -> Invoice.of("EUR", "Stone", ctx -> "Big")
                        .providerToken("t")
                        .price("Stone", 3990)
                        .flexible()
                        .build()
                        .check("window X"))
                .hasMessage("window X: the invoice is flexible but has no onShipping to answer where it ships");
    }

    private static dev.tgdialog.telegram.types.ShippingAddress address(String country) {
        return new dev.tgdialog.telegram.types.ShippingAddress(country, "", "Berlin", "Pizzastr. 1", "", "10115");
    }

    @Test
    void anInvoiceWhoseDialogClosed_isRefusedBeforeCharging() {
        BotHarness harness = BotHarness.of(bot -> shopBot(bot, false));
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/buy");
        FakeMessage invoice = ann.lastMessage();
        ann.click("Cancel");

        PaymentResult result = ann.pay(invoice);

        assertThat(result.refusal()).isEqualTo("This invoice is no longer valid. Please ask for a new one.");
        assertThat(paidCalls).hasValue(0);
    }

    @Test
    void anInvalidInvoice_failsWhenTheWindowIsBuilt_namingIt() {
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(
                                Shop.PAY,
                                w -> w.invoice(Invoice.stars("Pizza", "Hot")
                                        .price("Pizza", 21)
                                        .price("Delivery", 5)
                                        .build()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dialog shop, window PAY: the invoice in Telegram Stars has exactly one price, had 2");
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(
                                Shop.PAY,
                                w -> w.invoice(Invoice.of("EUR", "Pizza", ctx -> "Hot")
                                        .price("Pizza", 950)
                                        .build()))
                        .build())
                .hasMessage("dialog shop, window PAY: the invoice in EUR needs the payment provider's token");
        assertThatThrownBy(() -> Dialog.builder("shop")
                        .window(
                                Shop.PAY,
                                w -> w.invoice(Invoice.stars("A title far longer than thirty-two", "Hot")
                                        .price("Pizza", 21)
                                        .build()))
                        .build())
                .hasMessageContaining("window PAY: the invoice title is 1-32 characters, was 34");
    }

    @Test
    void aPayButton_isRefusedOnAnOrdinaryMessage_asTelegramRefusesIt() {
        FakeTelegram telegram = new FakeTelegram();
        SendMessage withPay = SendMessage.builder(1001, "Pay here")
                .replyMarkup(new InlineKeyboardMarkup(List.of(
                        List.of(InlineKeyboardButton.builder("Pay").pay(true).build()))))
                .build();

        assertThatThrownBy(() -> telegram.client(new FakeTime()).execute(withPay))
                .isInstanceOf(TelegramException.class)
                .hasMessageContaining("BUTTON_TYPE_INVALID");
    }
}
