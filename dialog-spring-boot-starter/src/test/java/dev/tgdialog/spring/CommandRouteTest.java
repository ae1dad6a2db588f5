package dev.tgdialog.spring;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Command;
import dev.tgdialog.CommandHandler;
import org.junit.jupiter.api.Test;

class CommandRouteTest {
    private static final CommandHandler STAY = (ctx, args) -> stay();

    @Test
    void aListedRoute_carriesItsDeclaration() {
        CommandRoute route = CommandRoute.of("order", "Order a pizza", STAY);

        assertThat(route).isEqualTo(new CommandRoute("order", Command.of("order", "Order a pizza"), STAY));
    }

    @Test
    void aHiddenRoute_isListedNowhere() {
        assertThat(CommandRoute.hidden("debug", STAY).listing()).isNull();
    }

    @Test
    void aNameTelegramRefuses_failsWhenTheRouteIsMade() {
        assertThatThrownBy(() -> CommandRoute.hidden("Debug-Mode", STAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a command is 1-32 of a-z 0-9 _, was \"Debug-Mode\"");
    }

    @Test
    void aListingUnderAnotherName_failsWhenTheRouteIsMade() {
        assertThatThrownBy(() -> new CommandRoute("order", Command.of("menu", "Today's menu"), STAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command /order is listed under another name, /menu");
    }
}
