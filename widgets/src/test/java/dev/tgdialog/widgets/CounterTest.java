package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.FakeMessage;
import org.junit.jupiter.api.Test;

class CounterTest {
    enum Step implements WindowId {
        MAIN,
        OTHER
    }

    static final Key<Integer> QTY = Key.of("qty", Integer.class);
    static final Key<Integer> CHANGED = Key.of("changed", Integer.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Counter QUANTITY = Counter.builder("qty")
            .min(1)
            .max(5)
            .step(2)
            .initial(1)
            .format(v -> v + " pcs")
            .onChange((ctx, qty) -> stay().with(CHANGED, qty))
            .onValueClick((ctx, qty) -> stay().with(READ, "value " + qty))
            .into(QTY)
            .build();

    static final Counter HOUR =
            Counter.builder("hour").min(0).max(23).initial(23).cycle(true).build();

    static final Dialog DIALOG = Dialog.builder("cart")
            .window(
                    Step.MAIN,
                    w -> w.text(Text.format("Quantity {qty}"))
                            .add(QUANTITY)
                            .add(HOUR)
                            .add(Button.of("read", "Read", ctx -> stay().with(READ, "qty " + QUANTITY.value(ctx))))
                            .add(Nav.next("Next")))
            .window(Step.OTHER, w -> w.text("Other").add(Nav.back("Back")))
            .build();

    @Test
    void rendersMinusValuePlus_withTheTargetValuesAsPayloads() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly(" ", "1 pcs", "+");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("callbackData")
                .containsExactly("~..0.0.qty.-1", "~..0.0.qty.=", "~..0.0.qty.3");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("−", "23", "+");
    }

    @Test
    void plusAndMinus_stepTheValue_keepItInStateAndData_andRunOnChange() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click(0, 2);
        bot.ann.click(0, 2);
        assertThat(bot.ann.buttons()).startsWith("−", "5 pcs", " ");
        assertThat(bot.state()).containsEntry("qty/value", "5");
        assertThat(bot.data()).containsEntry("qty", "5").containsEntry("changed", "5");

        bot.ann.click(0, 0);

        assertThat(bot.ann.buttons()).startsWith("−", "3 pcs", "+");
        assertThat(bot.text()).isEqualTo("Quantity 3");
    }

    @Test
    void stepsPastTheBounds_areRefusedWithAToast() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click(0, 0);
        assertThat(bot.toast()).isEqualTo("The least is 1 pcs");

        bot.ann.click(0, 2);
        bot.ann.click(0, 2);
        bot.ann.click(0, 2);
        assertThat(bot.toast()).isEqualTo("The most is 5 pcs");
        assertThat(bot.state()).containsEntry("qty/value", "5");
    }

    @Test
    void atABound_theStepButtonThatCannotStep_showsTheBoundLabel_andItsClickOnlyToasts() {
        Counter seats = Counter.builder("seats")
                .min(1)
                .max(2)
                .initial(1)
                .boundLabel("·")
                .build();
        WidgetBot bot = new WidgetBot(Dialog.builder("seats")
                        .window(Step.MAIN, w -> w.text("Seats").add(seats))
                        .build())
                .start();
        assertThat(bot.ann.buttons()).containsExactly("·", "1", "+");

        bot.ann.click("·");
        assertThat(bot.toast()).isEqualTo("The least is 1");
        assertThat(bot.state()).doesNotContainKey("seats/value");

        bot.ann.click("+");
        assertThat(bot.ann.buttons()).containsExactly("−", "2", "·");
        String before = bot.store.documents().values().iterator().next();

        bot.ann.click("·");
        assertThat(bot.toast()).isEqualTo("The most is 2");
        assertThat(bot.ann.buttons()).containsExactly("−", "2", "·");
        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
    }

    @Test
    void aCyclingCounter_wrapsAroundItsBounds() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click(1, 2);
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("−", "0", "+");

        bot.ann.click(1, 0);
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("−", "23", "+");
    }

    @Test
    void theValue_survivesOtherWindowsAndStoreRoundTrips_andIsReadableElsewhere() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click(0, 2);

        bot.ann.click("Next");
        bot.ann.click("Back");
        bot.ann.click("Read");

        assertThat(bot.ann.buttons()).startsWith("−", "3 pcs", "+");
        assertThat(bot.data()).containsEntry("read", "\"qty 3\"");

        bot.ann.click("3 pcs");
        assertThat(bot.data()).containsEntry("read", "\"value 3\"");
    }

    @Test
    void forgedValues_areRefused_andChangeNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        String before = bot.store.documents().values().iterator().next();

        bot.forge("+", "99");
        assertThat(bot.toast()).isEqualTo("The most is 5 pcs");
        bot.forge("+", "-7");
        assertThat(bot.toast()).isEqualTo("The least is 1 pcs");
        bot.forge("+", "4");
        assertThat(bot.toast()).isEqualTo("This button is out of date");
        bot.forge("+", "lots");
        assertThat(bot.toast()).isEqualTo("This button is out of date");

        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
        assertThat(bot.ann.buttons()).startsWith(" ", "1 pcs", "+");
    }

    @Test
    void aRepeatedClickOnAnOldKeyboard_stepsOnlyOnce() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        FakeMessage shown = bot.ann.lastMessage();
        String plus = shown.inlineKeyboard().get(0).get(2).callbackData();

        bot.ann.clickWithData(shown, plus);
        bot.ann.clickWithData(shown, plus);

        assertThat(bot.state()).containsEntry("qty/value", "3");
    }

    @Test
    void impossibleSettings_failWhenBuilt() {
        assertThatThrownBy(() -> Counter.of("c", 5, 1)).hasMessageContaining("counter c: min 5 is above max 1");
        assertThatThrownBy(() -> Counter.builder("c").step(0).build()).hasMessageContaining("step");
        assertThatThrownBy(() -> Counter.builder("c").max(3).initial(4).build()).hasMessageContaining("initial 4");
        assertThatThrownBy(() -> Counter.builder("c").boundLabel("")).hasMessageContaining("counter c: boundLabel");
        assertThat(Counter.of("c", 3, 9)).isNotNull();
    }
}
