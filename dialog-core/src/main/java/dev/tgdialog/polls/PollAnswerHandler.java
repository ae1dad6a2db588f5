package dev.tgdialog.polls;

import dev.tgdialog.DialogContext;
import dev.tgdialog.Transition;
import dev.tgdialog.telegram.types.PollAnswer;

/** Acts on a user's answer to the poll a window sent: the options they chose ({@code optionIds()}, from 0). */
@FunctionalInterface
public interface PollAnswerHandler {
    Transition answered(DialogContext ctx, PollAnswer answer) throws Exception;
}
