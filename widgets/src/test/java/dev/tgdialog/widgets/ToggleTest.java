package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.FakeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToggleTest {
    enum Step implements WindowId {
        MAIN,
        OTHER
    }

    enum Sort {
        NEWEST,
        OLDEST,
        POPULAR
    }

    static final Key<String> SORT = Key.of("sort", String.class);
    static final Key<String> CHANGED = Key.of("changed", String.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Toggle<Sort> TOGGLE = Toggle.builder("sort", ctx -> List.of(Sort.values()))
            .label(s -> "Sort: " + s.name().toLowerCase())
            .onChange((ctx, sort) -> stay().with(CHANGED, sort.name()))
            .into(SORT)
            .build();

    static final Dialog DIALOG = Dialog.builder("list")
            .window(
                    Step.MAIN,
                    w -> w.text(Text.format("Sorted by {sort}"))
                            .add(TOGGLE)
                            .add(Button.of(
                                    "read",
                                    "Read",
                                    ctx -> stay().with(
                                                    READ,
                                                    TOGGLE.current(ctx)
                                                            .map(Sort::name)
                                                            .orElse("none"))))
                            .add(Nav.next("Next")))
            .window(Step.OTHER, w -> w.text("Other").add(Nav.back("Back")))
            .build();

    @Test
    void showsTheFirstItem_andAClickMovesToTheNext_cyclingBackToTheFirst() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        assertThat(bot.ann.buttons()).containsExactly("Sort: newest", "Read", "Next");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0).get(0).callbackData())
                .isEqualTo("~..0.0.sort.OLDEST");

        bot.ann.click("Sort: newest");
        assertThat(bot.ann.buttons()).startsWith("Sort: oldest");
        assertThat(bot.state()).containsEntry("sort/current", "\"OLDEST\"");
        assertThat(bot.data()).containsEntry("sort", "\"OLDEST\"").containsEntry("changed", "\"OLDEST\"");

        bot.ann.click("Sort: oldest");
        bot.ann.click("Sort: popular");

        assertThat(bot.ann.buttons()).startsWith("Sort: newest");
        assertThat(bot.text()).isEqualTo("Sorted by NEWEST");
    }

    @Test
    void theCurrentItem_survivesOtherWindowsAndStoreRoundTrips_andIsReadableElsewhere() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Sort: newest");

        bot.ann.click("Next");
        bot.ann.click("Back");
        bot.ann.click("Read");

        assertThat(bot.ann.buttons()).startsWith("Sort: oldest");
        assertThat(bot.data()).containsEntry("read", "\"OLDEST\"");
    }

    @Test
    void aRepeatedClickOnAnOldKeyboard_movesOnlyOnce() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        FakeMessage shown = bot.ann.lastMessage();
        String data = shown.inlineKeyboard().get(0).get(0).callbackData();

        bot.ann.clickWithData(shown, data);
        bot.ann.clickWithData(shown, data);

        assertThat(bot.ann.buttons()).startsWith("Sort: oldest");
    }

    @Test
    void forgedPayloads_areRefused_andChangeNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        String before = bot.store.documents().values().iterator().next();

        bot.forge("Sort: newest", "POPULAR");
        assertThat(bot.toast()).isEqualTo("This button is out of date");
        bot.forge("Sort: newest", "RANDOM");
        assertThat(bot.toast()).isEqualTo("This button is out of date");

        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
        assertThat(bot.ann.buttons()).startsWith("Sort: newest");
    }
}
