package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.types.InlineQueryResultArticle;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.InlineResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's reach beyond its chat: the menu searched inline, a card others vote on, and the game. */
class StorefrontTest {
    final BotHarness harness =
            BotHarness.of(bot -> OrderBot.configure(bot, new OrderBotTest.FakeKitchen(), ReferralsTest.referrals()));
    final FakeUser ann = harness.user(1001, "Ann");
    final FakeUser bob = harness.user(1002, "Bob");

    static List<String> titles(InlineResults results) {
        return results.results().stream()
                .map(r -> ((InlineQueryResultArticle) r).title())
                .toList();
    }

    @Test
    void theMenu_isSearchedInline_aPageAtATime() {
        InlineResults first = ann.inlineQuery("");
        assertThat(titles(first))
                .containsExactly("Margherita", "Marinara", "Quattro formaggi", "Diavola", "Capricciosa");
        assertThat(titles(ann.more(first))).containsExactly("Funghi", "Prosciutto", "Tonno");
        assertThat(titles(ann.inlineQuery("mar"))).containsExactly("Margherita", "Marinara");
    }

    @Test
    void aSentCard_countsWhoWantsThatPizzaToo_eachOnce() {
        String card = ann.choose(ann.inlineQuery("diav"), "diavola");

        bob.clickInline(card, "Me too");
        ann.clickInline(card, "Me too");
        bob.clickInline(card, "Me too");

        assertThat(harness.telegram().inlineMessage(card).orElseThrow().text())
                .isEqualTo("🍕 Diavola\nWant it too: Bob, Ann");
        assertThat(harness.telegram().callbackAnswers())
                .last()
                .satisfies(answer -> assertThat(answer.text()).isEqualTo("You said so already"));
    }

    @Test
    void theGame_isOneCommandAway_andPlayOpensIt() {
        ann.send("/game");
        FakeMessage game = ann.lastMessage();
        assertThat(game.kind()).isEqualTo("game");

        assertThat(ann.play(game).url())
                .isEqualTo("https://games.example/pizza-toss?user=1001&chat=1001&message=" + game.messageId());
    }
}
