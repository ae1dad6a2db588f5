package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SelectTest {
    enum Step implements WindowId {
        PICK,
        DONE
    }

    record Fruit(String code, String name) {}

    static final Key<List<Fruit>> FRUITS = Key.listOf("fruits", Fruit.class);
    static final Key<String> FRUIT = Key.of("fruit", String.class);

    final AtomicReference<List<Fruit>> stock = new AtomicReference<>(
            List.of(new Fruit("apple", "Apple"), new Fruit("pear", "Pear"), new Fruit("plum", "Plum")));

    final Dialog shop = Dialog.builder("shop")
            .window(
                    Step.PICK,
                    w -> w.getter(ctx -> ctx.provide(FRUITS, stock.get()))
                            .text("Pick a fruit")
                            .add(Select.builder("fruit", FRUITS)
                                    .itemId(Fruit::code)
                                    .label(Fruit::name)
                                    .width(2)
                                    .onClick((ctx, fruit) -> next().with(FRUIT, fruit.code()))
                                    .build()))
            .window(Step.DONE, w -> w.text(Text.format("You picked {fruit}")).add(Nav.back("Back")))
            .build();

    @Test
    void rendersOneButtonPerItem_widthToARow_withTheItemIdAsPayload() {
        WidgetBot bot = new WidgetBot(shop).start();

        assertThat(bot.ann.buttons()).containsExactly("Apple", "Pear", "Plum");
        assertThat(bot.keyboardJson()).isEqualTo(WidgetBot.golden("select_fruits.json"));
    }

    @Test
    void aClick_handsTheItemToTheHandler() {
        WidgetBot bot = new WidgetBot(shop).start();

        bot.ann.click("Pear");

        assertThat(bot.text()).isEqualTo("You picked pear");
        assertThat(bot.data()).containsEntry("fruit", "\"pear\"");
    }

    @Test
    void theItemsFollowTheGetter_acrossUpdates() {
        WidgetBot bot = new WidgetBot(shop).start();
        stock.set(List.of(new Fruit("fig", "Fig"), new Fruit("apple", "Apple")));

        bot.ann.click("Apple");
        bot.ann.click("Back");

        assertThat(bot.ann.buttons()).containsExactly("Fig", "Apple");
    }

    @Test
    void aForgedItemId_isRefusedWithAToast_andChangesNothing() {
        WidgetBot bot = new WidgetBot(shop).start();
        String before = bot.store.documents().values().iterator().next();
        int events = bot.ann.history().size();

        bot.forge("Apple", "banana");

        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        assertThat(bot.ann.history()).hasSize(events);
        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
        assertThat(bot.data()).doesNotContainKey("fruit");
    }

    @Test
    void itemsFromAFunction_areAskedAgainAtTheClick_soAnItemRemovedSinceIsRefused() {
        Dialog dialog = Dialog.builder("live")
                .window(
                        Step.PICK,
                        w -> w.text("Pick a fruit")
                                .add(Select.builder("fruit", ctx -> stock.get())
                                        .itemId(Fruit::code)
                                        .label(Fruit::name)
                                        .onClick((ctx, fruit) -> next().with(FRUIT, fruit.code()))
                                        .build()))
                .window(Step.DONE, w -> w.text(Text.format("You picked {fruit}")))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();
        stock.set(List.of(new Fruit("apple", "Apple")));

        bot.ann.click("Plum");

        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        assertThat(bot.text()).isEqualTo("Pick a fruit");
        assertThat(bot.data()).doesNotContainKey("fruit");
        assertThat(bot.state()).isEmpty();
    }

    @Test
    void itemsFromAGetter_areCheckedAtTheClick_soAnItemGoneSinceIsRefused() {
        WidgetBot bot = new WidgetBot(shop).start();
        assertThat(bot.state()).isEmpty();
        stock.set(List.of(new Fruit("apple", "Apple")));

        bot.ann.click("Plum");

        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        assertThat(bot.text()).isEqualTo("Pick a fruit");
    }

    @Test
    void longItemIds_spillAndStillWork() {
        String longId = "x".repeat(80);
        Dialog dialog = Dialog.builder("long")
                .window(
                        Step.PICK,
                        w -> w.text("Pick")
                                .add(Select.of("pick", List.of(longId, "short"), (ctx, id) -> next().with(FRUIT, id))))
                .window(Step.DONE, w -> w.text(Text.format("Got {fruit}")))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();

        bot.ann.click(longId);

        assertThat(bot.text()).isEqualTo("Got " + longId);
    }

    @Test
    void ofConstantStrings_usesThemAsIdsAndLabels_oneToARow() {
        Dialog dialog = Dialog.builder("size")
                .window(
                        Step.PICK,
                        w -> w.text("Which size?")
                                .add(Select.of(
                                        "size", List.of("S", "M", "L"), (ctx, size) -> next().with(FRUIT, size))))
                .window(Step.DONE, w -> w.text(Text.format("Size {fruit}")))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard()).hasSize(3);
        bot.ann.click("M");
        assertThat(bot.text()).isEqualTo("Size M");
    }

    @Test
    void itemsSharingAnId_areADefinitionMistake() {
        Items<String> items = new Items<>("dup", ctx -> List.of("a", "b", "a"), s -> s, s -> s);

        assertThatThrownBy(() -> items.current(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("widget dup: two items have the id \"a\"");
    }

    @Test
    void aListChangedInPlace_isCheckedForDuplicatesAgain() {
        List<String> shared = new java.util.ArrayList<>(List.of("a", "b"));
        Items<String> items = new Items<>("dup", ctx -> shared, s -> s, s -> s);
        assertThat(items.current(null)).containsExactly("a", "b");

        shared.add("a");

        assertThatThrownBy(() -> items.current(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two items have the id \"a\"");
    }

    @Test
    void aSelectWithoutHandler_failsWhenBuilt() {
        assertThatThrownBy(() -> Select.builder("s", ctx -> List.of("a")).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("select s needs an onClick handler");
        assertThatThrownBy(() -> Select.builder("s", ctx -> List.of("a")).width(9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
