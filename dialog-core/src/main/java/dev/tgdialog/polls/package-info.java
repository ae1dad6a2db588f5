/**
 * Polls and quizzes as dialog steps: a {@link dev.tgdialog.polls.PollStep} is what a window sends, and the user's
 * answer ({@code poll_answer}) comes back to the dialog as typed input.
 */
@NullMarked
package dev.tgdialog.polls;

import org.jspecify.annotations.NullMarked;
