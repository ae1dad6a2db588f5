package dev.tgdialog.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.types.GameHighScore;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import org.junit.jupiter.api.Test;

/** A game as a window: sent with its Play button, each Play answered once with the URL, scores set and read. */
class GamesTest {
    enum Arcade implements WindowId {
        GAME
    }

    static final Dialog ARCADE = Dialog.builder("arcade")
            .window(
                    Arcade.GAME,
                    w -> w.game(Game.of(
                                            "pizza_toss",
                                            (ctx, message) -> "https://games.example/toss?user=" + ctx.userId()
                                                    + "&message="
                                                    + (message.inlineMessageId() != null
                                                            ? message.inlineMessageId()
                                                            : message.messageId()))
                                    .playLabel("Play Pizza Toss"))
                            .add(Button.of(
                                    "leave", "Leave", ctx -> Transition.done().saying("Bye"))))
            .build();

    final BotHarness harness = BotHarness.of(bot ->
            bot.dialogs(ARCADE).command("play", (ctx, args) -> Transition.start(ARCADE, StartMode.RESET_STACK)));

    @Test
    void aGameWindow_sendsTheGame_andItsPlayIsAnsweredOnce_withTheUrl() {
        FakeUser ann = harness.user(1001, "Ann");
        ann.send("/play");
        FakeMessage game = ann.lastMessage();
        assertThat(game.kind()).isEqualTo("game");
        assertThat(game.buttonLabels()).containsExactly("Play Pizza Toss", "Leave");
        int answersBefore = harness.telegram().callCount("answerCallbackQuery");

        CallbackAnswer answer = ann.play(game);

        assertThat(answer.url()).isEqualTo("https://games.example/toss?user=1001&message=" + game.messageId());
        assertThat(harness.telegram().callCount("answerCallbackQuery") - answersBefore)
                .as("answered exactly once")
                .isEqualTo(1);
    }

    @Test
    void aPlayOnAGameSentInline_isAnsweredWithTheUrl_forThatInlineMessage() {
        FakeUser ann = harness.user(1001, "Ann");
        dev.tgdialog.telegram.types.CallbackQuery play = dev.tgdialog.telegram.types.CallbackQuery.builder(
                        "q-inline",
                        dev.tgdialog.telegram.types.User.builder(1001, false, "Ann")
                                .build(),
                        "ci")
                .inlineMessageId("inline-7")
                .gameShortName("pizza_toss")
                .build();
        harness.telegram().registerCallbackQuery("q-inline");

        ann.deliver(
                dev.tgdialog.telegram.types.Update.builder(77)
                        .callbackQuery(play)
                        .build(),
                true);

        assertThat(harness.telegram().callbackAnswers())
                .singleElement()
                .extracting(CallbackAnswer::url)
                .isEqualTo("https://games.example/toss?user=1001&message=inline-7");
    }

    @Test
    void scores_areSetOnlyHigherUnlessForced_andReadBestFirst() {
        FakeUser ann = harness.user(1001, "Ann");
        FakeUser bob = harness.user(1002, "Bob");
        ann.send("/play");
        FakeMessage game = ann.lastMessage();
        ann.play(game);
        GameMessage where = GameMessage.of(game.chatId(), game.messageId());
        var telegram = harness.telegram().client(harness.time());

        GameScores.set(telegram, where, 1001, 70);
        GameScores.set(telegram, where, 1002, 90);
        assertThatThrownBy(() -> GameScores.set(telegram, where, 1001, 50))
                .isInstanceOf(TelegramException.class)
                .hasMessageContaining("BOT_SCORE_NOT_MODIFIED");
        GameScores.set(telegram, where, 1002, 40, true);

        assertThat(GameScores.highScores(telegram, where, 1001))
                .extracting(GameHighScore::position, s -> s.user().id(), GameHighScore::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 1001L, 70L),
                        org.assertj.core.groups.Tuple.tuple(2L, 1002L, 40L));
        assertThat(bob.messages()).isEmpty();
    }

    @Test
    void aPlayButton_isRefusedOnAnOrdinaryMessage_asTelegramRefusesIt() {
        var withPlay = dev.tgdialog.telegram.methods.SendMessage.builder(1001, "Play here")
                .replyMarkup(new dev.tgdialog.telegram.types.InlineKeyboardMarkup(java.util.List.of(
                        java.util.List.of(dev.tgdialog.telegram.types.InlineKeyboardButton.builder("Play")
                                .callbackGame(new dev.tgdialog.telegram.types.CallbackGame())
                                .build()))))
                .build();

        assertThatThrownBy(() -> harness.telegram().client(harness.time()).execute(withPlay))
                .isInstanceOf(TelegramException.class)
                .hasMessageContaining("BUTTON_TYPE_INVALID");
    }

    @Test
    void aGameWindowWithAReplyKeyboard_failsWhenBuilt_andABadShortName_isRefused() {
        assertThatThrownBy(() -> Dialog.builder("arcade")
                        .window(
                                Arcade.GAME,
                                w -> w.game(Game.of("pizza_toss", (ctx, m) -> "https://x"))
                                        .keyboardKind(dev.tgdialog.KeyboardKind.REPLY))
                        .build())
                .hasMessageContaining("window GAME: a game window shows no invoice, no media and only inline buttons");
        assertThatThrownBy(() -> Game.of("pizza toss!", (ctx, m) -> "https://x"))
                .hasMessageContaining("short name");
    }
}
