package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListGroupTest {
    enum Step implements WindowId {
        CART,
        OTHER,
        WIDE
    }

    record Line(String sku, String name) {}

    static final Key<List<Line>> LINES = Key.listOf("lines", Line.class);
    static final Key<String> PICKED = Key.of("picked", String.class);
    static final Key<Boolean> SHOW_EXTRAS = Key.of("extras", Boolean.class);

    static final ListGroup<Line> CART = ListGroup.builder("cart", LINES)
            .itemId(Line::sku)
            .row(line -> List.of(
                    Button.of(
                            "name",
                            line.name(),
                            ctx -> stay().with(
                                            PICKED,
                                            ListGroup.itemId(ctx).orElseThrow() + "="
                                                    + ListGroup.item(ctx, Line.class)
                                                            .orElseThrow()
                                                            .name())),
                    Counter.builder("qty").min(0).max(9).build(),
                    Row.of(Checkbox.of("gift", "🎁", "·")).when(ctx -> ctx.get(SHOW_EXTRAS, false))))
            .build();

    static final Dialog DIALOG = Dialog.builder("shop")
            .window(
                    Step.CART,
                    w -> w.getter(ctx -> ctx.provide(LINES, List.of(new Line("p1", "Tea"), new Line("p2", "Cake"))))
                            .text("Your cart")
                            .add(CART)
                            .add(Button.of("extras", "Extras", ctx -> stay().with(SHOW_EXTRAS, true)))
                            .add(Nav.next("Next")))
            .window(Step.OTHER, w -> w.text("Other").add(Nav.back("Back")))
            .build();

    @Test
    void rendersTheTemplatePerItem_inOneRow_withItemAndWidgetInThePayload() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly("Tea", " ", "0", "+");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("callbackData")
                .containsExactly(
                        "~..0.0.cart.p2:name:",
                        "~..0.0.cart.p2:qty:-1",
                        "~..0.0.cart.p2:qty:=",
                        "~..0.0.cart.p2:qty:1");
    }

    @Test
    void perItemCounters_keepTheirOwnValues_acrossUpdatesAndStoreRoundTrips() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click(0, 3);
        bot.ann.click(0, 3);
        bot.ann.click(1, 3);
        bot.ann.click("Next");
        bot.ann.click("Back");

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly("Tea", "−", "2", "+");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("Cake", "−", "1", "+");
        assertThat(bot.state()).containsEntry("cart:p1:qty/value", "2").containsEntry("cart:p2:qty/value", "1");

        bot.ann.click(1, 1);
        assertThat(bot.state()).containsEntry("cart:p1:qty/value", "2").containsEntry("cart:p2:qty/value", "0");
    }

    @Test
    void aTemplateHandler_readsItsItem() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click("Cake");

        assertThat(bot.data()).containsEntry("picked", "\"p2=Cake\"");
    }

    @Test
    void conditionalTemplateWidgets_showPerItem_andKeepStatePerItem() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        assertThat(bot.ann.buttons()).doesNotContain("·");

        bot.ann.click("Extras");
        bot.ann.click(1, 4);

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly("Tea", " ", "0", "+", "·");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("Cake", " ", "0", "+", "🎁");
        assertThat(bot.state()).containsEntry("cart:p2:gift/checked", "true").doesNotContainKey("cart:p1:gift/checked");
    }

    @Test
    void forgedItemsWidgetsAndFormats_areRefusedWithAToast_andChangeNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click(0, 3);
        String before = bot.store.documents().values().iterator().next();

        bot.forge("Tea", "p9:qty:1");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Tea", "p1:price:1");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Tea", "p1:gift:1");
        assertThat(bot.toast()).isEqualTo("This button is hidden now");
        bot.forge("Tea", "p1");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Tea", "p1/x:qty:1");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Tea", "p1:qty:7");
        assertThat(bot.toast()).isEqualTo("This button is out of date");

        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
    }

    @Test
    void templateMistakes_failWithTheGroupAndItemNamed() {
        assertThatThrownBy(() -> ListGroup.builder("g", LINES).build()).hasMessageContaining("list group g needs");

        ListGroup<Line> wide = ListGroup.builder("wide", LINES)
                .itemId(Line::sku)
                .row(line -> List.of(Counter.of("a", 0, 9), Counter.of("b", 0, 9), Counter.of("c", 0, 9)))
                .build();
        ListGroup<Line> twins = ListGroup.builder("twins", LINES)
                .itemId(Line::sku)
                .rows(line -> List.of(Counter.of("a", 0, 9), Counter.of("a", 0, 9)))
                .build();
        ListGroup<Line> badId = ListGroup.builder("badid", LINES)
                .itemId(line -> line.name() + ":1")
                .rows(line -> List.of(Counter.of("a", 0, 9)))
                .build();
        assertThat(failureOf(wide))
                .isEqualTo("list group wide, item p1: 9 buttons do not fit one row (at most 8); " + "use rows(...)");
        assertThat(failureOf(twins)).isEqualTo("list group twins, item p1: two template widgets have the id \"a\"");
        assertThat(failureOf(badId)).isEqualTo("list group badid: item id \"Tea:1\" must be 1-32 of A-Z a-z 0-9 _ . -");
    }

    /** The message of the error rendering a window with only this group fails with. */
    private static String failureOf(ListGroup<Line> group) {
        Dialog dialog = Dialog.builder("d")
                .window(
                        Step.WIDE,
                        w -> w.getter(ctx -> ctx.provide(LINES, List.of(new Line("p1", "Tea"))))
                                .text("Broken")
                                .add(group))
                .build();
        List<String> errors = new ArrayList<>();
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(dialog)
                .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK))
                .onError(Exception.class, (ctx, e) -> errors.add(e.getMessage())));
        harness.user(WidgetBot.ANN, "Ann").send("/start");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
