package dev.tgdialog.games;

import java.util.Objects;

/**
 * A game as a window sends it ({@code Window.Builder.game}): the short name it has at BotFather, the label of its
 * Play button (first, before the window's own buttons) and the URL each Play opens. Immutable.
 *
 * @param shortName the game's short name at BotFather
 * @param playLabel the label of the Play button
 * @param onPlay the URL a Play click opens; the engine answers the click with it, once
 */
public record Game(String shortName, String playLabel, PlayHandler onPlay) {
    public Game {
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(playLabel, "playLabel");
        Objects.requireNonNull(onPlay, "onPlay");
        if (!shortName.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException(
                    "a game's short name is 1-64 of A-Z a-z 0-9 _, was \"" + shortName + "\"");
        }
    }

    /** The game {@code shortName}, with a Play button labelled "Play". */
    public static Game of(String shortName, PlayHandler onPlay) {
        return new Game(shortName, "Play", onPlay);
    }

    /** This game with another Play label. */
    public Game playLabel(String label) {
        return new Game(shortName, label, onPlay);
    }
}
