// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.inline.InlineAnswer;
import dev.tgdialog.inline.Results;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The inline mode snippet of the README, compiled and run so it cannot rot. */
class ReadmeInlineExampleTest {
    enum Card implements WindowId { VOTES }

    static final Key<Integer> VOTES = Key.of("votes", Integer.class);
    static final List<String> MENU = List.of("Margherita", "Marinara", "Diavola");

    // --- README: inline mode ---
    static final Dialog ME_TOO = Dialog.builder("me_too")                 // runs on each message sent inline
            .window(Card.VOTES, w -> w
                    .text(ctx -> ctx.input(String.class) + ": " + ctx.get(VOTES, 0) + " want it")
                    .add(Button.of("vote", "Me too", ctx -> Transition.stay().with(VOTES, ctx.get(VOTES, 0) + 1))))
            .build();

    @Test
    void searchTheMenuInAnyChat_andVoteOnTheCard() {
        BotHarness harness = BotHarness.of(bot -> bot.dialogs(ME_TOO)
                .inlineQueries(10, (ctx, request) -> {                      // @bot marg
                    List<InlineQueryResult> page = MENU.stream()
                            .filter(pizza -> pizza.toLowerCase(Locale.ROOT).startsWith(request.text()))
                            .skip(request.offset()).limit(request.limit())  // next_offset is the engine's
                            .map(pizza -> (InlineQueryResult) Results.article(pizza, pizza,
                                    ctx.inlineDialog(ME_TOO, pizza)).build())
                            .toList();
                    return InlineAnswer.of(page).startButton("Order in private", "inline");
                }));
        FakeUser ann = harness.user(1001, "Ann");
        FakeUser bob = harness.user(1002, "Bob");

        String card = ann.choose(ann.inlineQuery("marg"), "Margherita");   // sent to some chat
        bob.clickInline(card, "Me too");                                     // anyone who sees it

        assertThat(harness.telegram().inlineMessage(card).orElseThrow().text()).isEqualTo("Margherita: 1 want it");
    }
    // --- end ---
    // spotless:on

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        ReadmeSnippets.assertShown("ReadmeInlineExampleTest.java", "inline mode");
    }
}
