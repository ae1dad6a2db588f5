package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.testing.FakeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiselectTest {
    enum Step implements WindowId {
        PICK,
        NEXT
    }

    record Topping(String code, String name) {}

    static final Key<List<Topping>> TOPPINGS = Key.listOf("toppings", Topping.class);
    static final Key<List<String>> PICKED = Key.listOf("picked", String.class);
    static final Key<String> LAST = Key.of("last", String.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Multiselect<Topping> PIZZA = Multiselect.builder("top", TOPPINGS)
            .itemId(Topping::code)
            .label(Topping::name)
            .width(2)
            .min(1)
            .max(2)
            .onChange((ctx, topping, checked) -> stay().with(LAST, (checked ? "+" : "-") + topping.code()))
            .into(PICKED)
            .build();

    static final Dialog DIALOG = Dialog.builder("pizza")
            .window(
                    Step.PICK,
                    w -> w.getter(ctx -> ctx.provide(
                                    TOPPINGS,
                                    List.of(
                                            new Topping("ham", "Ham"),
                                            new Topping("olive", "Olives"),
                                            new Topping("corn", "Corn"))))
                            .text("Toppings?")
                            .add(PIZZA)
                            .add(Button.of(
                                    "read",
                                    "Read",
                                    ctx -> stay().with(
                                                    READ, PIZZA.checkedIds(ctx).toString())))
                            .add(Nav.next("Next")))
            .window(Step.NEXT, w -> w.text("Elsewhere").add(Nav.back("Back")))
            .build();

    @Test
    void rendersUncheckedItems_thenTheCheckedOnesWithAnUncheckPayload() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        assertThat(bot.ann.buttons()).containsExactly("Ham", "Olives", "Corn", "Read", "Next");

        bot.ann.click("Olives");

        assertThat(bot.keyboardJson()).isEqualTo(WidgetBot.golden("multiselect_toppings.json"));
    }

    @Test
    void clicks_checkAndUncheck_keepTheIdsInStateAndData_andRunOnChange() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click("Corn");
        bot.ann.click("Ham");

        assertThat(bot.ann.buttons()).startsWith("✓ Ham", "Olives", "✓ Corn");
        assertThat(bot.state()).containsEntry("top/checked", "[\"corn\",\"ham\"]");
        assertThat(bot.data()).containsEntry("picked", "[\"corn\",\"ham\"]").containsEntry("last", "\"+ham\"");

        bot.ann.click("✓ Corn");

        assertThat(bot.ann.buttons()).startsWith("✓ Ham", "Olives", "Corn");
        assertThat(bot.state()).containsEntry("top/checked", "[\"ham\"]");
        assertThat(bot.data()).containsEntry("picked", "[\"ham\"]").containsEntry("last", "\"-corn\"");
    }

    @Test
    void checkedItems_surviveOtherWindowsAndStoreRoundTrips_andAreReadableElsewhere() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Corn");
        bot.ann.click("Olives");

        bot.ann.click("Next");
        bot.ann.click("Back");
        bot.ann.click("Read");

        assertThat(bot.ann.buttons()).startsWith("Ham", "✓ Olives", "✓ Corn");
        assertThat(bot.data()).containsEntry("read", "\"[corn, olive]\"");
    }

    @Test
    void checkingBeyondMax_isRefusedWithAToast_andChangesNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Corn");
        bot.ann.click("Olives");
        String before = bot.store.documents().values().iterator().next();

        bot.ann.click("Ham");

        assertThat(bot.toast()).isEqualTo("You can pick at most 2");
        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
        assertThat(bot.ann.buttons()).startsWith("Ham", "✓ Olives", "✓ Corn");
    }

    @Test
    void uncheckingBelowMin_isRefusedWithAToast() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Corn");

        bot.ann.click("✓ Corn");

        assertThat(bot.toast()).isEqualTo("Pick at least 1");
        assertThat(bot.state()).containsEntry("top/checked", "[\"corn\"]");
    }

    @Test
    void forgedPayloads_areRefusedWithAToast_andChangeNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Corn");
        String before = bot.store.documents().values().iterator().next();

        bot.forge("Ham", "+salami");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Ham", "ham");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.forge("Ham", "");
        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        bot.ann.click("Olives");
        bot.forge("Ham", "+ham");
        assertThat(bot.toast()).isEqualTo("You can pick at most 2");

        assertThat(StackCodec.decode(before).top().orElseThrow().widgetState())
                .containsEntry("top/checked", "[\"corn\"]");
        assertThat(bot.state()).containsEntry("top/checked", "[\"corn\",\"olive\"]");
    }

    @Test
    void aRepeatedClickOnAnOldKeyboard_doesNotUndoTheFirst() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        FakeMessage shown = bot.ann.lastMessage();
        String checkHam = shown.inlineKeyboard().get(0).get(0).callbackData();

        bot.ann.clickWithData(shown, checkHam);
        bot.ann.clickWithData(shown, checkHam);

        assertThat(bot.state()).containsEntry("top/checked", "[\"ham\"]");
        assertThat(bot.ann.buttons()).startsWith("✓ Ham");
    }

    @Test
    void impossibleBounds_failWhenBuilt() {
        assertThatThrownBy(() -> Multiselect.builder("m", ctx -> List.of("a"))
                        .min(3)
                        .max(2)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiselect m");
    }
}
