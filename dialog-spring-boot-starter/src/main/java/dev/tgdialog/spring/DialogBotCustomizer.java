package dev.tgdialog.spring;

import dev.tgdialog.DialogBot;

/**
 * A bean that configures the auto-configured {@link DialogBot} further, after its dialogs, commands, store and
 * isolation were applied: error handlers, deep links, the profile, an executor, anything the builder takes.
 * Customizers run in their {@link org.springframework.core.annotation.Order order}.
 *
 * <pre>{@code
 * @Bean
 * DialogBotCustomizer errors() {
 *     return bot -> bot.onError(OutOfStock.class, (ctx, e) -> Transition.stay().reply("Sold out, sorry."));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DialogBotCustomizer {

    /**
     * Configures the bot's builder; called once, while the {@link DialogBot} bean is made.
     *
     * @param bot the builder, with the context's dialogs, commands, store and isolation applied
     */
    void customize(DialogBot.Builder bot);
}
