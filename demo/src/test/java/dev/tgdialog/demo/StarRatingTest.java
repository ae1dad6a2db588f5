package dev.tgdialog.demo;

import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** The widget of docs/custom-widget.md, tested as the guide's last step shows. */
// The guide shows this test as it is: the formatter leaves it alone.
// spotless:off
class StarRatingTest {
    // --- README: custom widget, a test ---
    enum Feedback implements WindowId { RATE }

    static final StarRating RATING = StarRating.of("rating", (ctx, stars) -> stay().reply("Thanks for " + stars + " ★"));
    static final Dialog FEEDBACK = Dialog.builder("feedback")
            .window(Feedback.RATE, w -> w.text(ctx -> "Your rating: " + RATING.stars(ctx)).add(RATING))
            .build();

    @Test
    void aClickOnTheThirdStar_givesThree_andTheSameClickAgainChangesNothing() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(FEEDBACK)
                .command("rate", (ctx, args) -> start(FEEDBACK)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/rate");
        assertThat(ann.lastMessage().text()).isEqualTo("Your rating: 0");
        assertThat(ann.buttons()).containsExactly("☆", "☆", "☆", "☆", "☆");

        ann.click(0, 2);
        assertThat(ann.lastMessage().text()).isEqualTo("Thanks for 3 ★\nYour rating: 3");
        assertThat(ann.buttons()).containsExactly("★", "★", "★", "☆", "☆");

        ann.click(0, 2);   // the same star again: still three, and no second thanks (a reply shows once)
        assertThat(ann.lastMessage().text()).isEqualTo("Your rating: 3");
        assertThat(ann.buttons()).containsExactly("★", "★", "★", "☆", "☆");
    }
    // --- end ---
}
// spotless:on
