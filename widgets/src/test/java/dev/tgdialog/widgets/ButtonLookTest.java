package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget.Style;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any button widget drawn with a style or a custom emoji icon, its clicks working as before. */
class ButtonLookTest {
    enum W implements WindowId {
        ONE
    }

    static final Key<String> GOT = Key.of("got", String.class);
    static final String PIZZA_EMOJI = "5368324170671202286";

    static final Dialog LOOKS = Dialog.builder("looks")
            .window(
                    W.ONE,
                    w -> w.text(ctx -> "Got: " + ctx.get(GOT, "-"))
                            .add(Button.of("order", "Order", ctx -> stay().with(GOT, "order"))
                                    .style(Style.SUCCESS)
                                    .icon(PIZZA_EMOJI))
                            .add(Row.of(
                                            Button.of("a", "A", ctx -> stay().with(GOT, "a")),
                                            Button.of("b", "B", ctx -> stay().with(GOT, "b")))
                                    .style(Style.PRIMARY))
                            .add(Button.of("cancel", "Cancel", ctx -> stay().with(GOT, "cancel"))
                                    .style(Style.DANGER)))
            .build();

    final FakeUser ann = BotHarness.of(bot -> bot.dialogs(LOOKS)
                    .command("go", (ctx, args) -> Transition.start(LOOKS, null, StartMode.RESET_STACK)))
            .user(1001, "Ann");

    @Test
    void stylesAndIcons_areDrawn_onEveryButtonOfTheWidget_andClicksStillWork() {
        ann.send("/go");

        List<InlineKeyboardButton> buttons = ann.lastMessage().inlineKeyboard().stream()
                .flatMap(List::stream)
                .toList();
        assertThat(buttons)
                .extracting(
                        InlineKeyboardButton::text,
                        InlineKeyboardButton::style,
                        InlineKeyboardButton::iconCustomEmojiId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Order", "success", PIZZA_EMOJI),
                        org.assertj.core.groups.Tuple.tuple("A", "primary", null),
                        org.assertj.core.groups.Tuple.tuple("B", "primary", null),
                        org.assertj.core.groups.Tuple.tuple("Cancel", "danger", null));

        ann.click("Order");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: order");
        ann.click("B");
        assertThat(ann.lastMessage().text()).isEqualTo("Got: b");
    }
}
