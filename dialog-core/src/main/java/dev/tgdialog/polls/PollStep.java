package dev.tgdialog.polls;

import dev.tgdialog.spi.TextWidget;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A poll or a quiz as a window sends it ({@code Window.Builder.poll}): the question, 2–12 options, and what the
 * dialog does with the user's answer. The poll is not anonymous, so Telegram tells the bot who answered what; the
 * window's buttons go under it. Immutable.
 *
 * <pre>{@code
 * PollStep.quiz(ctx -> "Which cheese is on a Margherita?", 1, "Cheddar", "Mozzarella", "Gouda")
 *     .onAnswer((ctx, answer) -> Transition.next().with(RIGHT, answer.optionIds().contains(1L)))
 * }</pre>
 *
 * @param question the question, 1–300 characters when rendered
 * @param options the options, 2–12, each 1–100 characters
 * @param quiz whether it is a quiz (one right option, shown after answering)
 * @param correctOption the right option of a quiz, from 0; -1 for a poll
 * @param multipleAnswers whether a poll takes several options
 * @param onAnswer what the dialog does with the answer
 */
public record PollStep(
        TextWidget question,
        List<String> options,
        boolean quiz,
        int correctOption,
        boolean multipleAnswers,
        @Nullable PollAnswerHandler onAnswer) {

    public PollStep {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
    }

    /** A poll of one answer. */
    public static PollStep poll(TextWidget question, String... options) {
        return new PollStep(question, List.of(options), false, -1, false, null);
    }

    /** A quiz whose right option is {@code correctOption} (from 0). */
    public static PollStep quiz(TextWidget question, int correctOption, String... options) {
        return new PollStep(question, List.of(options), true, correctOption, false, null);
    }

    /** This poll taking several options. */
    public PollStep allowingMultipleAnswers() {
        return new PollStep(question, options, quiz, correctOption, true, onAnswer);
    }

    /** This step, with what the dialog does with the answer. */
    public PollStep onAnswer(PollAnswerHandler handler) {
        return new PollStep(question, options, quiz, correctOption, multipleAnswers, Objects.requireNonNull(handler));
    }

    /**
     * Throws unless Telegram would take it: 2–12 options of 1–100 characters, a quiz's right option among them and of
     * one answer. The message begins with {@code where} (the window); windows call this when they are built.
     */
    public void check(String where) {
        if (options.size() < 2 || options.size() > 12) {
            throw new IllegalArgumentException(where + ": a poll has 2-12 options, had " + options.size());
        }
        for (String option : options) {
            if (option.isEmpty() || option.length() > 100) {
                throw new IllegalArgumentException(
                        where + ": a poll option is 1-100 characters, was " + option.length());
            }
        }
        if (quiz && (correctOption < 0 || correctOption >= options.size())) {
            throw new IllegalArgumentException(
                    where + ": the quiz's right option " + correctOption + " is not one of its " + options.size());
        }
        if (quiz && multipleAnswers) {
            throw new IllegalArgumentException(where + ": a quiz has one answer");
        }
        if (onAnswer == null) {
            throw new IllegalArgumentException(where + ": the poll has no onAnswer to take the user's answer");
        }
    }
}
