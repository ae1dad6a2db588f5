/**
 * HTML5 games as windows: a {@link dev.tgdialog.games.Game} is what a window sends ({@code sendGame}), its Play click
 * answered once with the URL {@link dev.tgdialog.games.PlayHandler} gives, and {@link dev.tgdialog.games.GameScores}
 * sets and reads the scores of a game message, in a chat or inline.
 */
@NullMarked
package dev.tgdialog.games;

import org.jspecify.annotations.NullMarked;
