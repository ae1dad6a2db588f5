package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Selection widgets whose items come from a key a getter provides: the getters run for a click too (when a handler
 * asks for a value), so a click is checked against the items as they are now, the widgets keep no copy of them, and
 * another widget's handler reads the checked or current item, not just its id.
 */
class GetterItemsTest {
    enum W implements WindowId {
        ONLY
    }

    static final Key<List<String>> SIZES = Key.listOf("sizes", String.class);
    static final Key<String> SIZE = Key.of("size", String.class);
    static final Key<String> SORT = Key.of("sort", String.class);
    static final Key<List<String>> EXTRAS = Key.listOf("extras", String.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Radio<String> RADIO = Radio.builder("size", SIZES).into(SIZE).build();
    static final Toggle<String> TOGGLE =
            Toggle.builder("sort", SIZES).into(SORT).build();
    static final Multiselect<String> MULTI =
            Multiselect.builder("extras", SIZES).into(EXTRAS).build();

    private final AtomicReference<List<String>> stock = new AtomicReference<>(List.of("S", "M", "L"));

    private Dialog dialog() {
        return Dialog.builder("getter")
                .window(
                        W.ONLY,
                        w -> w.getter(ctx -> ctx.provide(SIZES, stock.get()))
                                .text("Sizes")
                                .add(RADIO)
                                .add(TOGGLE)
                                .add(MULTI)
                                .add(Button.of(
                                        "read",
                                        "Read",
                                        ctx -> stay().with(
                                                        READ,
                                                        RADIO.checked(ctx).orElse("-") + " "
                                                                + TOGGLE.current(ctx)
                                                                        .orElse("-") + " " + MULTI.checked(ctx)))))
                .build();
    }

    @Test
    void anotherWidgetsHandler_readsTheItems_ofWidgetsWhoseItemsAGetterProvides() {
        WidgetBot bot = new WidgetBot(dialog()).start();
        bot.ann.click("⚪ M");
        bot.ann.click("S");
        bot.ann.click("L");

        bot.ann.click("Read");

        assertThat(bot.data()).containsEntry("read", "\"M M [L]\"");
        assertThat(bot.state()).doesNotContainKeys("size/items.shown", "sort/items.shown", "extras/items.shown");
    }

    @Test
    void aClick_isCheckedAgainstTheGettersItemsAsTheyAreNow() {
        WidgetBot bot = new WidgetBot(dialog()).start();
        stock.set(List.of("S", "M"));

        bot.ann.click("⚪ L");
        assertThat(bot.toast()).isNotBlank();
        assertThat(bot.data()).doesNotContainKey("size");

        bot.ann.click("⚪ M");
        assertThat(bot.data()).containsEntry("size", "\"M\"");
    }
}
