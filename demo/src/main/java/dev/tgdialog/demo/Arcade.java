package dev.tgdialog.demo;

import dev.tgdialog.Dialog;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.games.Game;
import dev.tgdialog.widgets.Button;

/**
 * A game behind {@code /game}: Pizza Toss, an HTML5 game set up at BotFather under the short name {@code pizza_toss}
 * (the demo's URL is a placeholder: a real bot points at its own game server, which reports scores back with
 * {@code GameScores}).
 */
final class Arcade {
    private Arcade() {}

    enum Screen implements WindowId {
        GAME
    }

    static final Dialog DIALOG = Dialog.builder("arcade")
            .window(
                    Screen.GAME,
                    w -> w.game(Game.of(
                                            "pizza_toss",
                                            (ctx, message) -> "https://games.example/pizza-toss?user=" + ctx.userId()
                                                    + "&chat=" + message.chatId() + "&message=" + message.messageId())
                                    .playLabel("Play Pizza Toss"))
                            .add(Button.of("leave", "Leave", ctx -> Transition.done())
                                    .leadsTo(Transition.done())))
            .build();
}
