package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.WindowId;
import dev.tgdialog.store.StackCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadioTest {
    enum Step implements WindowId {
        PICK,
        NEXT
    }

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    static final Key<String> COLOR = Key.of("color", String.class);
    static final Key<String> CHANGED = Key.of("changed", String.class);
    static final Key<String> READ = Key.of("read", String.class);

    static final Radio<Color> COLORS = Radio.builder("color", ctx -> List.of(Color.values()))
            .itemId(c -> c.name().toLowerCase())
            .label(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase())
            .width(3)
            .onChange((ctx, color) -> stay().with(CHANGED, color.name()))
            .into(COLOR)
            .build();

    static final Radio<String> PLAIN = Radio.of("plain", List.of("a", "b"), ChangeHandler.stay());

    static final Dialog DIALOG = Dialog.builder("paint")
            .window(
                    Step.PICK,
                    w -> w.text(Text.format("Color: {color}"))
                            .add(COLORS)
                            .add(PLAIN)
                            .add(Button.of(
                                    "read",
                                    "Read",
                                    ctx -> stay().with(
                                                    READ,
                                                    COLORS.checked(ctx)
                                                            .map(Color::name)
                                                            .orElse("none"))))
                            .add(Button.of("readplain", "Read plain", ctx -> {
                                try {
                                    return stay().with(
                                                    READ, PLAIN.checkedId(ctx).orElse("none"));
                                } catch (IllegalStateException e) {
                                    return stay().with(READ, e.getMessage());
                                }
                            }))
                            .add(Nav.next("Next")))
            .window(Step.NEXT, w -> w.text("Elsewhere").add(Nav.back("Back")))
            .build();

    @Test
    void rendersEveryItemUnchecked_widthToARow() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly("⚪ Red", "⚪ Green", "⚪ Blue");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("callbackData")
                .containsExactly("~..0.0.color.red", "~..0.0.color.green", "~..0.0.color.blue");
        assertThat(bot.ann.buttons()).contains("⚪ a", "⚪ b");
    }

    @Test
    void aClick_checksTheItem_keepsItInStateAndData_andRunsOnChange() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click("⚪ Green");

        assertThat(bot.ann.buttons()).startsWith("⚪ Red", "🔘 Green", "⚪ Blue");
        assertThat(bot.text()).isEqualTo("Color: green");
        assertThat(bot.state()).containsEntry("color/checked", "\"green\"");
        assertThat(bot.data()).containsEntry("color", "\"green\"").containsEntry("changed", "\"GREEN\"");

        bot.ann.click("⚪ Blue");

        assertThat(bot.ann.buttons()).startsWith("⚪ Red", "⚪ Green", "🔘 Blue");
        assertThat(bot.data()).containsEntry("changed", "\"BLUE\"");
    }

    @Test
    void clickingTheCheckedItem_changesNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("⚪ Red");
        int events = bot.ann.history().size();
        String before = bot.store.documents().values().iterator().next();

        bot.ann.click("🔘 Red");

        assertThat(bot.ann.history()).hasSize(events);
        assertThat(bot.frame().data())
                .isEqualTo(StackCodec.decode(before).top().orElseThrow().data());
        assertThat(bot.frame().widgetState())
                .isEqualTo(StackCodec.decode(before).top().orElseThrow().widgetState());
    }

    @Test
    void theCheckedItem_survivesOtherWindowsAndStoreRoundTrips() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("⚪ Blue");

        bot.ann.click("Next");
        bot.ann.click("Back");

        assertThat(bot.ann.buttons()).startsWith("⚪ Red", "⚪ Green", "🔘 Blue");
    }

    @Test
    void checked_isReadableFromAnotherWidget_throughItsDataKey() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("Read");
        assertThat(bot.data()).containsEntry("read", "\"none\"");

        bot.ann.click("⚪ Red");
        bot.ann.click("Read");

        assertThat(bot.data()).containsEntry("read", "\"RED\"");
    }

    @Test
    void checked_withoutADataKey_explainsWhereItCanBeRead() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        bot.ann.click("Read plain");

        assertThat(bot.data().get("read"))
                .contains("radio plain keeps its value in its own state")
                .contains("into(key)");
    }

    @Test
    void aForgedItemId_isRefusedWithAToast_andChangesNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        bot.ann.click("⚪ Red");
        String before = bot.store.documents().values().iterator().next();

        bot.forge("🔘 Red", "purple");

        assertThat(bot.toast()).isEqualTo("This item is no longer available");
        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
        assertThat(bot.ann.buttons()).startsWith("🔘 Red", "⚪ Green", "⚪ Blue");
    }

    @Test
    void customFormats() {
        Radio<String> radio = Radio.builder("r", ctx -> List.of("x", "y"))
                .checkedFormat("[{label}]")
                .uncheckedFormat("{label}")
                .build();
        Dialog dialog = Dialog.builder("fmt")
                .window(Step.PICK, w -> w.text("Pick").add(radio).add(Button.of("go", "Go", ctx -> next())))
                .window(Step.NEXT, w -> w.text("Done"))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();

        bot.ann.click("y");

        assertThat(bot.ann.buttons()).containsExactly("x", "[y]", "Go");
    }

    @Test
    void nestedInALayout_andShownConditionally_itStillRoutesItsClicks() {
        Key<Boolean> open = Key.of("open", Boolean.class);
        Radio<String> radio =
                Radio.builder("r", ctx -> List.of("x", "y", "z")).into(COLOR).build();
        Dialog dialog = Dialog.builder("nested")
                .window(
                        Step.PICK,
                        w -> w.text(Text.format("Picked {color}"))
                                .add(Group.of(
                                        2,
                                        radio.when(ctx -> ctx.get(open, true)),
                                        Button.of("hide", "Hide", ctx -> stay().with(open, false)))))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();
        assertThat(bot.ann.lastMessage().inlineKeyboard())
                .extracting(row -> row.size())
                .containsExactly(2, 2);
        String zData = bot.ann.lastMessage().inlineKeyboard().get(1).get(0).callbackData();

        bot.ann.click("⚪ z");
        assertThat(bot.text()).isEqualTo("Picked z");

        bot.ann.click("Hide");
        assertThat(bot.ann.buttons()).containsExactly("Hide");
        bot.ann.clickWithData(bot.ann.lastMessage(), zData.replace(".z", ".y"));
        assertThat(bot.toast()).isEqualTo("This button is hidden now");
        assertThat(bot.text()).isEqualTo("Picked z");
    }
}
