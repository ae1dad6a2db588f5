package dev.tgdialog.demo;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.inline.InlineAnswer;
import dev.tgdialog.inline.InlineHandler;
import dev.tgdialog.inline.Results;
import dev.tgdialog.telegram.types.InlineQueryResult;
import dev.tgdialog.widgets.Button;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The menu in inline mode: {@code @bot marg} in any chat lists the matching pizzas, and the card a user sends runs a
 * small dialog of its own on the inline message, a "Me too" button that counts who else wants that pizza (each person
 * once).
 */
final class Menu {
    private Menu() {}

    /** The pizzas of the menu, as the inline search finds them. */
    static final List<String> PIZZAS = List.of(
            "Margherita", "Marinara", "Quattro formaggi", "Diavola", "Capricciosa", "Funghi", "Prosciutto", "Tonno");

    enum Card implements WindowId {
        VOTES
    }

    static final Key<String> VOTERS = Key.of("voters", String.class);

    /** The card an inline result sends: its pizza, who wants it too, and the button to join them. */
    static final Dialog ME_TOO = Dialog.builder("me_too")
            .window(
                    Card.VOTES,
                    w -> w.sampleInput("Margherita")
                            .sample(VOTERS, "Ann, Bob")
                            .text(ctx -> {
                                String voters = ctx.get(VOTERS, "");
                                return "🍕 " + ctx.input(String.class)
                                        + (voters.isEmpty() ? "" : "\nWant it too: " + voters);
                            })
                            .add(Button.of("me_too", "Me too", ctx -> {
                                String voters = ctx.get(VOTERS, "");
                                String name = ctx.user() == null
                                        ? "someone"
                                        : ctx.user().firstName();
                                if (List.of(voters.split(", ")).contains(name)) {
                                    ctx.toast("You said so already");
                                    return Transition.stay();
                                }
                                return Transition.stay().with(VOTERS, voters.isEmpty() ? name : voters + ", " + name);
                            })))
            .build();

    /** Answers {@code @bot <text>}: the pizzas whose name contains it, a page at a time. */
    static InlineHandler search() {
        return (ctx, request) -> {
            String wanted = request.text().strip().toLowerCase(Locale.ROOT);
            List<InlineQueryResult> page = PIZZAS.stream()
                    .filter(pizza -> pizza.toLowerCase(Locale.ROOT).contains(wanted))
                    .skip(request.offset())
                    .limit(request.limit())
                    .map(pizza -> (InlineQueryResult) Results.article(
                                    pizza.toLowerCase(Locale.ROOT).replace(' ', '_'),
                                    pizza,
                                    ctx.inlineDialog(ME_TOO, pizza))
                            .description("Send it, and see who wants one too")
                            .build())
                    .toList();
            return InlineAnswer.of(page).cacheTime(Duration.ofMinutes(5)).startButton("Order a pizza", "inline");
        };
    }
}
