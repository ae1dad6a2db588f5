package dev.tgdialog.spring;

import dev.tgdialog.Command;
import dev.tgdialog.CommandHandler;
import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.Limits;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A command of the bot as a bean: its handler and, when the command is listed in the menu users see, its
 * {@link Command} declaration. The auto-configuration routes every {@code CommandRoute} bean of the context, as
 * {@link DialogBot.Builder#command(Command, CommandHandler)} (listed) or
 * {@link DialogBot.Builder#command(String, CommandHandler)} (routed only) does. Checked when made; an immutable
 * value.
 *
 * <pre>{@code
 * @Bean
 * CommandRoute start(Dialog menu) {
 *     return CommandRoute.of("start", "Open the menu", (ctx, args) -> Transition.start(menu, StartMode.RESET_STACK));
 * }
 * }</pre>
 *
 * @param name the command without the slash
 * @param listing how the command is listed, or null for a command that is only routed
 * @param handler what the command does
 */
public record CommandRoute(String name, @Nullable Command listing, CommandHandler handler) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1," + Limits.COMMAND_NAME + "}");

    /**
     * Checks the route.
     *
     * @param name the command without the slash
     * @param listing how the command is listed, or null for a command that is only routed
     * @param handler what the command does
     * @throws IllegalArgumentException when the name is not 1-32 of {@code a-z 0-9 _}, or differs from the listing's
     */
    public CommandRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a command is 1-" + Limits.COMMAND_NAME + " of a-z 0-9 _, was \"" + name + "\"");
        }
        if (listing != null && !listing.name().equals(name)) {
            throw new IllegalArgumentException(
                    "command /" + name + " is listed under another name, /" + listing.name());
        }
    }

    /**
     * A command listed with this description for every user ({@link Command#of}).
     *
     * @param name the command without the slash
     * @param description what the command menu says of it
     * @param handler what the command does
     * @return the route
     */
    public static CommandRoute of(String name, String description, CommandHandler handler) {
        return of(Command.of(name, description), handler);
    }

    /**
     * A command listed as declared: its scopes and the translations of its description.
     *
     * @param command the command's declaration
     * @param handler what the command does
     * @return the route
     */
    public static CommandRoute of(Command command, CommandHandler handler) {
        return new CommandRoute(command.name(), command, handler);
    }

    /**
     * A command that is routed but not listed: users do not see it in the command menu.
     *
     * @param name the command without the slash
     * @param handler what the command does
     * @return the route
     */
    public static CommandRoute hidden(String name, CommandHandler handler) {
        return new CommandRoute(name, null, handler);
    }
}
