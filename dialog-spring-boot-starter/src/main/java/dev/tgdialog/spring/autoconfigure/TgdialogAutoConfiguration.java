package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.spring.DialogBotCustomizer;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.updates.WebhookHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The auto-configuration of a tgdialog bot in a Spring Boot application: a {@link TelegramClient} from the
 * {@link TgdialogProperties tgdialog.*} properties (unless the application has one), a {@link DialogBot} of every
 * {@link Dialog}, {@link CommandRoute} and {@link DialogBotCustomizer} bean (unless the application has one), the
 * Redis store when configured, the bot's meters when Micrometer and {@code dialog-micrometer} are on the class path,
 * and the bot's intake, started and stopped with the context: long polling, or the
 * webhook as a Spring MVC controller when {@code tgdialog.webhook.path} is set.
 */
@AutoConfiguration
@EnableConfigurationProperties(TgdialogProperties.class)
@Import({TgdialogRedisConfiguration.class, TgdialogWebhookConfiguration.class, TgdialogMetricsConfiguration.class})
public class TgdialogAutoConfiguration {

    /** Made by Spring. */
    public TgdialogAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    TelegramClient telegramClient(TgdialogProperties properties) {
        String token = properties.token();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("tgdialog.token is not set: the bot needs its token from BotFather to talk"
                    + " to Telegram (or define a TelegramClient bean of your own)");
        }
        return TelegramClient.builder(token)
                .baseUrl(properties.baseUrl())
                .testEnvironment(properties.testEnvironment())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    DialogBotConfigurer dialogBotConfigurer(
            TgdialogProperties properties,
            ResourceLoader resources,
            ObjectProvider<Dialog> dialogs,
            ObjectProvider<CommandRoute> commands,
            ObjectProvider<StackStore> store,
            ObjectProvider<UpdateIsolation> isolation,
            ObjectProvider<BotEvents> events,
            ObjectProvider<DialogBotCustomizer> customizers) {
        if (properties.redis().url() != null
                && !ClassUtils.isPresent("dev.tgdialog.redis.RedisDialogs", resources.getClassLoader())) {
            // Not quietly in memory: stacks the operator meant to share and keep would be neither.
            throw new IllegalStateException("tgdialog.redis.url is set, but dialog-redis is not on the class path:"
                    + " add the dependency dev.tgdialog:dialog-redis, or leave the URL unset to keep stacks in memory");
        }
        return new DialogBotConfigurer(
                dialogs.orderedStream().toList(),
                commands.orderedStream().toList(),
                store.getIfUnique(),
                isolation.getIfUnique(),
                events.getIfUnique(),
                customizers.orderedStream().toList());
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    DialogBot dialogBot(TelegramClient telegram, DialogBotConfigurer configurer) {
        DialogBot.Builder bot = DialogBot.builder(telegram);
        configurer.configure(bot);
        return bot.build();
    }

    /** Not made when the test harness feeds the bot ({@code @TgdialogTest}). */
    @Bean
    @ConditionalOnMissingBean(BotHarness.class)
    BotUpdates tgdialogUpdates(
            DialogBot bot,
            TelegramClient telegram,
            TgdialogProperties properties,
            ObjectProvider<WebhookHandler> webhook) {
        if (properties.webhook().path() != null && webhook.getIfAvailable() == null) {
            throw new IllegalStateException("tgdialog.webhook.path is set, but the application serves no Spring MVC:"
                    + " the webhook is served by the application's own servlet web server (add"
                    + " spring-boot-starter-web), or leave the path unset to poll for updates");
        }
        return new BotUpdates(bot, telegram, properties.webhook());
    }
}
