/**
 * Inline mode: {@code @bot query} in any chat. An {@link dev.tgdialog.inline.InlineHandler} answers a page of
 * results at a time ({@link dev.tgdialog.inline.InlineRequest#offset()} and {@code limit()}, the engine keeps
 * {@code next_offset}); {@link dev.tgdialog.inline.Results} starts the common kinds of result; a chosen result is
 * routed to a {@link dev.tgdialog.inline.ChosenResultHandler}.
 */
@NullMarked
package dev.tgdialog.inline;

import org.jspecify.annotations.NullMarked;
