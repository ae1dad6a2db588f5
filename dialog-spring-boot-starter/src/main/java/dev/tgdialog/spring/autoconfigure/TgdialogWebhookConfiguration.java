package dev.tgdialog.spring.autoconfigure;

import dev.tgdialog.DialogBot;
import dev.tgdialog.updates.WebhookHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook on the application's own Spring MVC server, when {@code tgdialog.webhook.path} is set: the core's
 * {@link WebhookHandler} (with {@code tgdialog.webhook.secret}) and the controller that feeds it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tgdialog.webhook", name = "path")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TgdialogWebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookHandler tgdialogWebhookHandler(DialogBot bot, TgdialogProperties properties) {
        TgdialogProperties.Webhook webhook = properties.webhook();
        String secret = webhook.secret();
        if (secret == null) {
            throw new IllegalStateException("tgdialog.webhook.path is set but tgdialog.webhook.secret is not: the"
                    + " webhook needs the secret Telegram sends with every call (1-256 of A-Z a-z 0-9 _ -)");
        }
        return new WebhookHandler(secret, bot.handler(), webhook.maxInFlight());
    }

    @Bean
    WebhookController tgdialogWebhookController(WebhookHandler webhook) {
        return new WebhookController(webhook);
    }
}
