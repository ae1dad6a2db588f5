package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.spring.DialogBotCustomizer;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the application context declares for its bot, applied to a {@link DialogBot.Builder}: every
 * {@link Dialog} bean, every {@link CommandRoute} bean, the {@link StackStore} and {@link UpdateIsolation} beans when
 * there are (the Redis pair's, say), the {@link BotEvents} bean when there is one (the metrics'), then every {@link DialogBotCustomizer} bean in order. The auto-configured
 * {@link DialogBot} is built with it, and so is the test harness's bot ({@code @TgdialogTest}), so both run the same
 * bot. An immutable value, made by the auto-configuration.
 */
public final class DialogBotConfigurer {
    private final List<Dialog> dialogs;
    private final List<CommandRoute> commands;
    private final @Nullable StackStore store;
    private final @Nullable UpdateIsolation isolation;
    private final @Nullable BotEvents events;
    private final List<DialogBotCustomizer> customizers;

    DialogBotConfigurer(
            List<Dialog> dialogs,
            List<CommandRoute> commands,
            @Nullable StackStore store,
            @Nullable UpdateIsolation isolation,
            @Nullable BotEvents events,
            List<DialogBotCustomizer> customizers) {
        this.dialogs = List.copyOf(dialogs);
        this.commands = List.copyOf(commands);
        this.store = store;
        this.isolation = isolation;
        this.events = events;
        this.customizers = List.copyOf(customizers);
        Set<String> names = new HashSet<>();
        for (CommandRoute command : this.commands) {
            if (!names.add(command.name())) {
                throw new IllegalStateException("two CommandRoute beans handle the command /" + command.name());
            }
        }
    }

    /**
     * Applies the context's declarations to {@code bot}; customizers last, so they may change what came before.
     *
     * @param bot the builder of the bot to make
     */
    public void configure(DialogBot.Builder bot) {
        bot.dialogs(dialogs.toArray(Dialog[]::new));
        for (CommandRoute route : commands) {
            Command listing = route.listing();
            if (listing == null) {
                bot.command(route.name(), route.handler());
            } else {
                bot.command(listing, route.handler());
            }
        }
        if (store != null) {
            bot.store(store);
        }
        if (isolation != null) {
            bot.isolation(isolation);
        }
        if (events != null) {
            bot.events(events);
        }
        customizers.forEach(customizer -> customizer.customize(bot));
    }
}
