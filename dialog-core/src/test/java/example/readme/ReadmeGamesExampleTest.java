// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.games.Game;
import dev.tgdialog.games.GameMessage;
import dev.tgdialog.games.GameScores;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** The games snippet of the README, compiled and run so it cannot rot. */
class ReadmeGamesExampleTest {
    enum Arcade implements WindowId { TOSS }

    // --- README: games ---
    static final Dialog ARCADE = Dialog.builder("arcade")
            .window(Arcade.TOSS, w -> w.game(Game.of("pizza_toss",       // its short name at BotFather
                    (ctx, message) -> "https://games.example/toss?u=" + ctx.userId())))
            .build();

    @Test
    void playOpensTheGame_andItsScoreIsKept() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(ARCADE)
                .command("toss", (ctx, args) -> Transition.start(ARCADE, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/toss");

        var game = ann.lastMessage();
        assertThat(ann.play(game).url()).isEqualTo("https://games.example/toss?u=1001");   // answered once
        GameScores.set(harness.telegram().client(harness.time()),                       // from the game server
                GameMessage.of(game.chatId(), game.messageId()), 1001, 42);
    }
    // --- end ---
    // spotless:on

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        ReadmeSnippets.assertShown("ReadmeGamesExampleTest.java", "games");
    }
}
