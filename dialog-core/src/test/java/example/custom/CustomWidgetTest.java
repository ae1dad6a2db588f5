package example.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Text;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import org.junit.jupiter.api.Test;

/** Proves the widget SPI is enough: this package sees only public API (no dev.tgdialog.internal import). */
class CustomWidgetTest {
    enum Review implements WindowId {
        RATE
    }

    static final Key<Integer> STARS = Key.of("stars", Integer.class);

    static final Dialog REVIEW = Dialog.builder("review")
            .window(
                    Review.RATE,
                    w -> w.text(Text.format("Your rating: {stars}")).add(new StarRating("stars", STARS)))
            .build();

    @Test
    void aCustomWidget_rendersKeepsStateAcrossAStoreRoundTrip_andRefusesForgedPayloads() {
        RoundTripStore store = new RoundTripStore();
        BotHarness harness = BotHarness.builder(bot -> bot.dialogs(REVIEW)
                        .command("review", (ctx, args) -> Transition.start(REVIEW, StartMode.RESET_STACK)))
                .store(store)
                .build();
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/review");
        assertThat(ann.buttons()).containsExactly("☆", "☆", "☆", "☆", "☆");

        ann.click(0, 3);
        assertThat(ann.lastMessage().text()).isEqualTo("Your rating: 4");
        assertThat(ann.buttons()).containsExactly("★", "★", "★", "★", "☆");
        assertThat(store.documents().get(StackKey.of(1_000_000, 1001, 1001)))
                .contains("\"stars/rating\":\"4\"")
                .contains("\"stars\":\"4\"");

        ann.clickWithData(ann.lastMessage(), "~..0.0.stars.9");
        assertThat(ann.lastAnswer().text()).isEqualTo("Ratings go from 1 to 5");
        ann.click(0, 1);
        assertThat(ann.buttons()).containsExactly("★", "★", "☆", "☆", "☆");
    }
}
