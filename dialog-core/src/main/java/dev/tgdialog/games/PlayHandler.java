package dev.tgdialog.games;

import dev.tgdialog.DialogContext;

/**
 * Gives the URL a Play click opens, for the user of the context (a URL of the bot's own game server, typically with
 * a token naming the user and {@code message}, so the server can report the score to the right message).
 */
@FunctionalInterface
public interface PlayHandler {
    String url(DialogContext ctx, GameMessage message) throws Exception;
}
