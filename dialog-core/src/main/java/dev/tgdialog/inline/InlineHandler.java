package dev.tgdialog.inline;

import dev.tgdialog.DialogContext;

/** Answers one page of an inline query: at most {@link InlineRequest#limit()} results from {@code offset} on. */
@FunctionalInterface
public interface InlineHandler {
    InlineAnswer answer(DialogContext ctx, InlineRequest request) throws Exception;
}
