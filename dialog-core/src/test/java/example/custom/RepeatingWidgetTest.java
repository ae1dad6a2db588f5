package example.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.Scope;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the widget SPI is enough for a widget that repeats others: this package sees only public API, and the
 * repeating widget forwards no context method; {@link Scope} keeps each copy's state and routes its clicks.
 */
class RepeatingWidgetTest {
    enum Review implements WindowId {
        RATE
    }

    static final Key<Integer> LAST = Key.of("last", Integer.class);

    /** One {@link StarRating} per dish, each in a row of its own, each keeping its own rating. */
    record PerDish(String id, List<String> dishes, StarRating rating) implements KeyboardWidget {

        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) throws Exception {
            List<List<InlineKeyboardButton>> rows = new ArrayList<>();
            for (String dish : dishes) {
                rows.addAll(rating.render(ctx.scoped(scope(dish), rating.id())));
            }
            return rows;
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) throws Exception {
            var click = Scope.Click.parse(payload)
                    .filter(c -> dishes.contains(c.key()) && c.widgetId().equals(rating.id()));
            if (click.isEmpty()) {
                return Transition.reject("No such dish");
            }
            return rating.onClick(
                    ctx.scoped(scope(click.get().key()), rating.id()),
                    click.get().payload());
        }

        private Scope scope(String dish) {
            return new Scope(dish, Set.of(rating.id()), dish);
        }
    }

    static final Dialog REVIEW = Dialog.builder("review")
            .window(
                    Review.RATE,
                    w -> w.text("Rate each dish")
                            .add(new PerDish("dishes", List.of("soup", "cake"), new StarRating("stars", LAST))))
            .build();

    @Test
    void aRepeatingWidget_keepsEachCopysStateApart_andRoutesClicksToTheRightCopy() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness = BotHarness.builder(
                        bot -> bot.dialogs(REVIEW).command("review", (ctx, args) -> Transition.start(REVIEW)))
                .store(store)
                .build();
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/review");
        assertThat(ann.lastMessage().inlineKeyboard().get(1))
                .extracting("callbackData")
                .containsExactly(
                        "~..0.0.dishes.cake:stars:1",
                        "~..0.0.dishes.cake:stars:2",
                        "~..0.0.dishes.cake:stars:3",
                        "~..0.0.dishes.cake:stars:4",
                        "~..0.0.dishes.cake:stars:5");

        ann.click(1, 2);
        ann.click(0, 4);

        assertThat(ann.buttons()).containsExactly("★", "★", "★", "★", "★", "★", "★", "★", "☆", "☆");
        Map<String, String> state = StackCodec.decode(store.documents().get(StackKey.of(1_000_000, 1001, 1001)))
                .top()
                .orElseThrow()
                .widgetState();
        assertThat(state)
                .containsOnly(Map.entry("dishes:soup:stars/rating", "5"), Map.entry("dishes:cake:stars/rating", "3"));

        ann.clickWithData(ann.lastMessage(), "~..0.0.dishes.tea:stars:1");
        assertThat(ann.lastAnswer().text()).isEqualTo("No such dish");
        ann.clickWithData(ann.lastMessage(), "~..0.0.dishes.cake:stars:9");
        assertThat(ann.lastAnswer().text()).isEqualTo("Ratings go from 1 to 5");
        assertThat(ann.buttons()).containsExactly("★", "★", "★", "★", "★", "★", "★", "★", "☆", "☆");
    }
}
