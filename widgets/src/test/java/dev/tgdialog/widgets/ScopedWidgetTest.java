package dev.tgdialog.widgets;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Scope;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A repeating widget of an author's own, written against the public widget SPI only: it scopes its copies' state and
 * buttons with {@link Scope} and {@link WidgetContext#scoped}, and forwards no context method by hand.
 */
class ScopedWidgetTest {
    enum Step implements WindowId {
        MAIN,
        OTHER,
        NESTED
    }

    record Line(String sku) {}

    static final Key<List<Line>> LINES = Key.listOf("lines", Line.class);
    static final Key<String> SEEN = Key.of("seen", String.class);
    static final Key<Integer> TALLY = Key.of("tally", Integer.class);

    /** The same widgets once per copy, each copy in a row of its own. */
    record Repeat(String id, List<String> copies, List<KeyboardWidget> template) implements KeyboardWidget {

        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
            List<List<InlineKeyboardButton>> rows = new ArrayList<>();
            for (String copy : copies) {
                List<InlineKeyboardButton> row = new ArrayList<>();
                for (KeyboardWidget widget : template) {
                    widget.render(ctx.scoped(scope(copy), widget.id())).forEach(row::addAll);
                }
                rows.add(row);
            }
            return rows;
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) throws Exception {
            Optional<Scope.Click> click = Scope.Click.parse(payload).filter(c -> copies.contains(c.key()));
            for (KeyboardWidget widget : template) {
                if (click.isPresent() && widget.id().equals(click.get().widgetId())) {
                    return widget.onClick(
                            ctx.scoped(scope(click.get().key()), widget.id()),
                            click.get().payload());
                }
            }
            return Transition.reject("No such copy");
        }

        private Scope scope(String copy) {
            return new Scope(copy, template.stream().map(Widget::id).collect(Collectors.toSet()), copy);
        }
    }

    /** A member widget on the SPI only: counts its clicks in its state and labels itself with its copy. */
    record Tally(String id) implements KeyboardWidget {
        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
            Scope scope = ctx.scope();
            String copy = scope == null ? "-" : (String) scope.item();
            return List.of(List.of(ctx.button(copy + "=" + ctx.state(TALLY, 0), "+")));
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) {
            ctx.setState(TALLY, ctx.state(TALLY, 0) + 1);
            Scope scope = ctx.scope();
            return stay().with(SEEN, (scope == null ? "-" : scope.key()) + " in " + ctx.windowId());
        }
    }

    static final Repeat REPEAT = new Repeat(
            "rep",
            List.of("a", "b"),
            List.of(new Tally("tally"), Counter.builder("qty").min(0).max(9).build()));

    static final Dialog DIALOG = Dialog.builder("scoped")
            .window(Step.MAIN, w -> w.text("Copies").add(REPEAT).add(Nav.next("Next")))
            .window(Step.OTHER, w -> w.text("Other").add(Nav.back("Back")))
            .build();

    @Test
    void aCustomRepeatingWidget_scopesButtonsAndStatePerCopy_withNoForwarding() {
        WidgetBot bot = new WidgetBot(DIALOG).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("callbackData")
                .containsExactly(
                        "~..0.0.rep.b:tally:+", "~..0.0.rep.b:qty:-1", "~..0.0.rep.b:qty:=", "~..0.0.rep.b:qty:1");

        bot.ann.click("b=0");
        bot.ann.click(0, 3);
        bot.ann.click(0, 3);
        bot.ann.click("Next");
        bot.ann.click("Back");

        assertThat(bot.ann.lastMessage().inlineKeyboard().get(0))
                .extracting("text")
                .containsExactly("a=0", "−", "2", "+");
        assertThat(bot.ann.lastMessage().inlineKeyboard().get(1))
                .extracting("text")
                .containsExactly("b=1", " ", "0", "+");
        assertThat(bot.state())
                .containsEntry("rep:b:tally/tally", "1")
                .containsEntry("rep:a:qty/value", "2")
                .doesNotContainKeys("tally/tally", "qty/value", "rep:a:tally/tally");
        assertThat(bot.data()).containsEntry("seen", "\"b in MAIN\"");
    }

    @Test
    void aForgedCopyOrMember_isRefused_andChangesNothing() {
        WidgetBot bot = new WidgetBot(DIALOG).start();
        String before = bot.store.documents().values().iterator().next();

        bot.forge("a=0", "c:tally:+");
        assertThat(bot.toast()).isEqualTo("No such copy");
        bot.forge("a=0", "a:price:+");
        assertThat(bot.toast()).isEqualTo("No such copy");
        bot.forge("a=0", "a/tally:+");
        assertThat(bot.toast()).isEqualTo("No such copy");

        assertThat(bot.store.documents().values().iterator().next()).isEqualTo(before);
    }

    @Test
    void scopesNest_aRepeatInsideAListGroupItem_keepsStatePerItemAndCopy() {
        ListGroup<Line> cart = ListGroup.builder("cart", LINES)
                .itemId(Line::sku)
                .rows(line -> List.of(new Repeat("rep", List.of("a"), List.of(new Tally("tally")))))
                .build();
        Dialog dialog = Dialog.builder("nested")
                .window(
                        Step.NESTED,
                        w -> w.getter(ctx -> ctx.provide(LINES, List.of(new Line("p1"), new Line("p2"))))
                                .text("Nested")
                                .add(cart))
                .build();
        WidgetBot bot = new WidgetBot(dialog).start();

        assertThat(bot.ann.lastMessage().inlineKeyboard())
                .extracting(row -> row.get(0).callbackData())
                .containsExactly("~..0.0.cart.p1:rep:a:tally:+", "~..0.0.cart.p2:rep:a:tally:+");
        bot.ann.click(1, 0);

        assertThat(bot.state()).containsOnlyKeys("cart:p2:rep:a:tally/tally");
        assertThat(bot.ann.lastMessage().inlineKeyboard())
                .extracting(row -> row.get(0).text())
                .containsExactly("a=0", "a=1");
        assertThat(Set.copyOf(bot.data().values())).contains("\"a in NESTED\"");
    }
}
