package dev.tgdialog.spring.example;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Nav;
import dev.tgdialog.widgets.Row;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot of the example: the menu dialog, the order dialog it starts, and {@code /start}, all beans. */
@Configuration(proxyBeanMethods = false)
class PizzaDialogs {
    enum Menu implements WindowId {
        MAIN,
        HOURS
    }

    enum Order implements WindowId {
        SIZE,
        CONFIRM
    }

    static final Key<String> SIZE = Key.of("size", String.class);

    // The README shows the beans as they are here: the formatter leaves them alone.
    // spotless:off
    // --- README: dialog beans ---
    @Bean
    Dialog orderDialog(Orders orders) {                  // a service of the application, injected
        return Dialog.builder("order")
                .window(Order.SIZE, w -> w
                        .text("Which size?")
                        .add(Row.of(
                                Button.of("s", "Small", ctx -> next().with(SIZE, "small")),
                                Button.of("l", "Large", ctx -> next().with(SIZE, "large"))))
                        .add(Nav.cancel("Cancel")))
                .window(Order.CONFIRM, w -> w
                        .format("A {size} pizza. Order it?")
                        .add(Button.of("yes", "Order", ctx -> {
                            orders.place(ctx.require(SIZE), ctx.userId());
                            return done(ctx.require(SIZE));
                        }))
                        .add(Nav.back("« Back")))
                .build();
    }

    @Bean
    Dialog menuDialog(@Qualifier("orderDialog") Dialog order) {
        return Dialog.builder("menu")
                .window(Menu.MAIN, w -> w
                        .text("Welcome to Spring Pizza!")
                        .add(Row.of(Nav.start("Order a pizza", order), Nav.switchTo("Opening hours", Menu.HOURS))))
                .window(Menu.HOURS, w -> w
                        .text("Open daily, 11:00 to 23:00.")
                        .add(Nav.back("« Back")))
                .onResult(order, String.class, (ctx, size) -> size == null
                        ? stay()                                 // cancelled
                        : stay().reply("Your " + size + " pizza is on its way."))
                .build();
    }

    @Bean
    CommandRoute startCommand(@Qualifier("menuDialog") Dialog menu) {
        return CommandRoute.of("start", "Open the menu", (ctx, args) -> start(menu, StartMode.RESET_STACK));
    }
    // --- end ---
    // spotless:on
}
