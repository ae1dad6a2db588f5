package dev.tgdialog.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import org.junit.jupiter.api.Test;

/** A quiz as a dialog step: sent as a poll, its answer back in the dialog as typed input, across a store round trip. */
class PollStepTest {
    enum Quiz implements WindowId {
        ASK,
        RESULT
    }

    static final Key<Boolean> RIGHT = Key.of("right", Boolean.class);

    static final Dialog CHEESE = Dialog.builder("cheese")
            .window(
                    Quiz.ASK,
                    w -> w.poll(PollStep.quiz(
                                    ctx -> "Which cheese is on a Margherita?", 1, "Cheddar", "Mozzarella", "Gouda")
                            .onAnswer((ctx, answer) -> Transition.next()
                                    .with(RIGHT, answer.optionIds().contains(1L)))))
            .window(Quiz.RESULT, w -> w.text(ctx -> Boolean.TRUE.equals(ctx.get(RIGHT)) ? "Right!" : "Not quite."))
            .build();

    final BotHarness harness = BotHarness.builder(bot -> bot.dialogs(CHEESE)
                    .command("quiz", (ctx, args) -> Transition.start(CHEESE, null, StartMode.RESET_STACK)))
            .store(new RoundTripStore())
            .build();
    final FakeUser ann = harness.user(1001, "Ann");

    @Test
    void aQuizWindow_sendsThePoll_andTheAnswerMovesTheDialog() {
        ann.send("/quiz");
        FakeMessage poll = ann.lastMessage();
        assertThat(poll.kind()).isEqualTo("poll");
        assertThat(poll.text()).isEqualTo("Which cheese is on a Margherita?");
        assertThat(harness.bot().allowedUpdates()).contains("poll_answer");

        ann.answerPoll(poll, 1);

        assertThat(ann.lastMessage().text()).isEqualTo("Right!");
    }

    @Test
    void anAnswerToAPollNoDialogShows_changesNothing() {
        ann.send("/quiz");
        FakeMessage first = ann.lastMessage();
        ann.send("/quiz");

        ann.answerPoll(first, 0);

        assertThat(ann.lastMessage().kind()).as("the second quiz still asks").isEqualTo("poll");
    }

    @Test
    void aPollThatTelegramWouldRefuse_failsWhenTheWindowIsBuilt() {
        assertThatThrownBy(() -> Dialog.builder("bad")
                        .window(
                                Quiz.ASK,
                                w -> w.poll(
                                        PollStep.quiz(ctx -> "?", 5, "A", "B").onAnswer((ctx, a) -> Transition.stay())))
                        .build())
                .hasMessage("dialog bad, window ASK: the quiz's right option 5 is not one of its 2");
        assertThatThrownBy(() -> Dialog.builder("bad")
                        .window(Quiz.ASK, w -> w.poll(PollStep.poll(ctx -> "?", "A", "B")))
                        .build())
                .hasMessageContaining("has no onAnswer");
    }
}
