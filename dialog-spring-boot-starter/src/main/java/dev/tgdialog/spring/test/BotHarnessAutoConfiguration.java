package dev.tgdialog.spring.test;

import dev.tgdialog.DialogBot;
import dev.tgdialog.spring.autoconfigure.DialogBotConfigurer;
import dev.tgdialog.spring.autoconfigure.TgdialogAutoConfiguration;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.BotHarness;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The harness's beans, imported by {@link AutoConfigureBotHarness} before the bot's own auto-configuration, which
 * then backs off: the {@link BotHarness} running the context's bot ({@link DialogBotConfigurer}), its bot as the
 * {@link DialogBot} bean, and a {@link TelegramClient} on its fake Telegram.
 */
@AutoConfiguration(before = TgdialogAutoConfiguration.class)
public class BotHarnessAutoConfiguration {

    /** Made by Spring. */
    public BotHarnessAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    BotHarness botHarness(DialogBotConfigurer configurer) {
        return BotHarness.of(configurer::configure);
    }

    // The harness's bot, not stopped on its own: the harness owns it.
    @Bean(destroyMethod = "")
    DialogBot harnessDialogBot(BotHarness harness) {
        return harness.bot();
    }

    @Bean
    TelegramClient harnessTelegramClient(BotHarness harness) {
        return harness.telegram().client(harness.time());
    }
}
