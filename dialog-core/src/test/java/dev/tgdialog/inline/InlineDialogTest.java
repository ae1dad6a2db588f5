package dev.tgdialog.inline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.InlineResults;
import dev.tgdialog.testing.RoundTripStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dialog on an inline message: its stack kept under the message, shared by everyone who sees it, edited in place
 * through the inline message id, every click answered.
 */
class InlineDialogTest {
    enum Card implements WindowId {
        VOTES
    }

    static final Key<String> PIZZA = Key.of("pizza", String.class);
    static final Key<String> VOTERS = Key.of("voters", String.class);

    static final Dialog VOTE = Dialog.builder("vote")
            .window(
                    Card.VOTES,
                    w -> w.text(ctx -> {
                                String voters = ctx.get(VOTERS, "");
                                int count = voters.isEmpty() ? 0 : voters.split(", ").length;
                                return ctx.require(PIZZA) + ": " + count + " want it"
                                        + (voters.isEmpty() ? "" : " (" + voters + ")");
                            })
                            .add(Button.of("me_too", "Me too", ctx -> {
                                String voters = ctx.get(VOTERS, "");
                                String name = ctx.user().firstName();
                                if (List.of(voters.split(", ")).contains(name)) {
                                    ctx.toast("You said so already");
                                    return Transition.stay();
                                }
                                return Transition.stay().with(VOTERS, voters.isEmpty() ? name : voters + ", " + name);
                            })))
            .onStart(ctx -> Transition.stay().with(PIZZA, ctx.input(String.class)))
            .build();

    final RoundTripStore store = new RoundTripStore();
    final BotHarness harness = BotHarness.builder(bot -> bot.dialogs(VOTE)
                    .inlineQueries((ctx, request) -> InlineAnswer.of(
                            List.of(Results.article("margherita", "Margherita", ctx.inlineDialog(VOTE, "Margherita"))
                                    .build()))))
            .store(store)
            .build();

    final FakeUser ann = harness.user(1001, "Ann");
    final FakeUser bob = harness.user(1002, "Bob");
    final FakeUser carol = harness.user(1003, "Carol");

    @Test
    void anInlineMessageDialog_isClickedByTwoUsersInTurn_andEditedInPlace() {
        InlineResults results = ann.inlineQuery("marg");
        String card = ann.choose(results, "margherita");
        assertThat(harness.telegram().inlineMessage(card).orElseThrow().text()).isEqualTo("Margherita: 0 want it");
        int answers = harness.telegram().callbackAnswers().size();

        bob.clickInline(card, "Me too");
        assertThat(harness.telegram().inlineMessage(card).orElseThrow().text())
                .isEqualTo("Margherita: 1 want it (Bob)");

        ann.clickInline(card, "Me too");
        assertThat(harness.telegram().inlineMessage(card).orElseThrow().text())
                .isEqualTo("Margherita: 2 want it (Bob, Ann)");

        bob.clickInline(card, "Me too");
        assertThat(harness.telegram().callbackAnswers().subList(answers, answers + 3))
                .as("every click answered, the repeated one with its toast")
                .extracting(dev.tgdialog.testing.CallbackAnswer::text)
                .containsExactly(null, null, "You said so already");
        assertThat(harness.telegram().inlineMessage(card).orElseThrow().buttonLabels())
                .containsExactly("Me too");
    }

    @Test
    void anAccessRule_refusesOthersClicks_withTheNotYoursAnswer() {
        BotHarness friendsOnly = BotHarness.of(bot -> bot.dialogs(VOTE)
                .inlineQueries((ctx, request) -> InlineAnswer.of(
                        List.of(Results.article("margherita", "Margherita", ctx.inlineDialog(VOTE, "Margherita"))
                                .build())))
                .inlineAccess(ctx -> !ctx.user().firstName().equals("Mallory")));
        FakeUser sender = friendsOnly.user(1001, "Ann");
        FakeUser mallory = friendsOnly.user(1666, "Mallory");
        String card = sender.choose(sender.inlineQuery(""), "margherita");

        mallory.clickInline(card, "Me too");

        assertThat(friendsOnly.telegram().inlineMessage(card).orElseThrow().text())
                .isEqualTo("Margherita: 0 want it");
        assertThat(friendsOnly.telegram().callbackAnswers())
                .last()
                .extracting(dev.tgdialog.testing.CallbackAnswer::text)
                .isEqualTo("This menu belongs to someone else");
    }

    @Test
    void eachMessageSentFromTheSameResult_runsADialogOfItsOwn() {
        String first = ann.choose(ann.inlineQuery("marg"), "margherita");
        String second = carol.choose(carol.inlineQuery("marg"), "margherita");

        bob.clickInline(first, "Me too");
        carol.clickInline(second, "Me too");

        assertThat(harness.telegram().inlineMessage(first).orElseThrow().text())
                .isEqualTo("Margherita: 1 want it (Bob)");
        assertThat(harness.telegram().inlineMessage(second).orElseThrow().text())
                .isEqualTo("Margherita: 1 want it (Carol)");
    }
}
