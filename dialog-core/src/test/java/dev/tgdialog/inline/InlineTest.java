package dev.tgdialog.inline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.telegram.types.InlineQueryResultArticle;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.InlineResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Inline mode: a page of results at a time with {@code next_offset}, the chosen result routed, failures answered. */
class InlineTest {
    static final List<String> MENU = List.of(
            "Margherita", "Marinara", "Quattro formaggi", "Diavola", "Capricciosa", "Funghi", "Prosciutto", "Tonno");

    final List<String> chosen = new ArrayList<>();

    final BotHarness harness = BotHarness.of(bot -> bot.inlineQueries(3, (ctx, request) -> {
                if (request.text().equals("boom")) {
                    throw new IllegalStateException("the menu is down");
                }
                List<String> found = MENU.stream()
                        .filter(p -> p.toLowerCase(Locale.ROOT)
                                .contains(request.text().toLowerCase(Locale.ROOT)))
                        .toList();
                List<InlineQueryResult> page = new ArrayList<>();
                for (String pizza : found.subList(
                        Math.min(request.offset(), found.size()),
                        Math.min(request.offset() + request.limit(), found.size()))) {
                    page.add(Results.article(pizza.toLowerCase(Locale.ROOT).replace(' ', '_'), pizza, "I want " + pizza)
                            .replyMarkup(new InlineKeyboardMarkup(List.of(List.of(InlineKeyboardButton.builder("Me too")
                                    .callbackData("vote")
                                    .build()))))
                            .build());
                }
                return InlineAnswer.of(page)
                        .cacheTime(Duration.ZERO)
                        .personal()
                        .startButton("Order in private", "inline");
            })
            .onChosenInlineResult((ctx, result) ->
                    chosen.add(result.resultId() + " by " + ctx.userId() + " in " + result.inlineMessageId())));

    final FakeUser ann = harness.user(1001, "Ann");

    static List<String> titles(InlineResults results) {
        return results.results().stream()
                .map(r -> ((InlineQueryResultArticle) r).title())
                .toList();
    }

    @Test
    void threePagesOfResults_followNextOffset_toTheEnd() {
        InlineResults first = ann.inlineQuery("");
        assertThat(titles(first)).containsExactly("Margherita", "Marinara", "Quattro formaggi");
        assertThat(first.nextOffset()).isEqualTo("3");
        assertThat(first.personal()).isTrue();
        assertThat(first.cacheTime()).isZero();
        assertThat(first.button().startParameter()).isEqualTo("inline");

        InlineResults second = ann.more(first);
        assertThat(titles(second)).containsExactly("Diavola", "Capricciosa", "Funghi");
        assertThat(second.nextOffset()).isEqualTo("6");

        InlineResults third = ann.more(second);
        assertThat(titles(third)).containsExactly("Prosciutto", "Tonno");
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    void theQueryText_narrowsTheResults() {
        assertThat(titles(ann.inlineQuery("mar"))).containsExactly("Margherita", "Marinara");
    }

    @Test
    void aChosenResult_reachesItsHandler_withTheInlineMessageOfItsButtons() {
        InlineResults results = ann.inlineQuery("marg");

        String inlineMessageId = ann.choose(results, "margherita");

        assertThat(inlineMessageId).isNotNull();
        assertThat(chosen).containsExactly("margherita by 1001 in " + inlineMessageId);
        assertThat(harness.bot().allowedUpdates()).contains("inline_query", "chosen_inline_result");
    }

    @Test
    void aFailingHandler_isAnsweredWithNoResults_notLeftSpinning() {
        InlineResults results = ann.inlineQuery("boom");

        assertThat(results.results()).isEmpty();
        assertThat(results.cacheTime()).isZero();
    }
}
