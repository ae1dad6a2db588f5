package dev.tgdialog.spring.autoconfigure;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.spring.DialogBotCustomizer;
import dev.tgdialog.spring.test.BotHarnessAutoConfiguration;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.LoopbackServer;
import dev.tgdialog.updates.WebhookHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

class TgdialogAutoConfigurationTest {
    private static final String TOKEN = "4242:AAH-token-of-the-test";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TgdialogAutoConfiguration.class));

    /** The bot on the harness, so no test here polls. */
    private final ApplicationContextRunner harnessed = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(BotHarnessAutoConfiguration.class, TgdialogAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TgdialogProperties.class)
    static class PropertiesOnly {}

    @Test
    void everyProperty_binds() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues(
                        "tgdialog.token=" + TOKEN,
                        "tgdialog.base-url=http://127.0.0.1:8081",
                        "tgdialog.test-environment=true",
                        "tgdialog.webhook.path=/telegram/webhook",
                        "tgdialog.webhook.secret=s3cret",
                        "tgdialog.webhook.url=https://bot.example/telegram/webhook",
                        "tgdialog.webhook.max-in-flight=8",
                        "tgdialog.redis.url=redis://:pa55word@redis.example:6379",
                        "tgdialog.redis.key-prefix=shop:",
                        "tgdialog.redis.ttl=2h")
                .run(context -> assertThat(context.getBean(TgdialogProperties.class))
                        .isEqualTo(new TgdialogProperties(
                                TOKEN,
                                "http://127.0.0.1:8081",
                                true,
                                new TgdialogProperties.Webhook(
                                        "/telegram/webhook", "s3cret", "https://bot.example/telegram/webhook", 8),
                                new TgdialogProperties.Redis(
                                        "redis://:pa55word@redis.example:6379", "shop:", Duration.ofHours(2)))));
    }

    @Test
    void unsetProperties_takeTheirDefaults() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context.getBean(TgdialogProperties.class))
                        .isEqualTo(new TgdialogProperties(
                                null,
                                "https://api.telegram.org",
                                false,
                                new TgdialogProperties.Webhook(null, null, null, 256),
                                new TgdialogProperties.Redis(null, "tgdialog:", Duration.ofDays(7)))));
    }

    @Test
    void theMetadataIdesRead_describesEveryProperty() throws IOException {
        String metadata;
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"), "the metadata")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        for (String property : List.of(
                "token",
                "base-url",
                "test-environment",
                "webhook.path",
                "webhook.secret",
                "webhook.url",
                "webhook.max-in-flight",
                "redis.url",
                "redis.key-prefix",
                "redis.ttl")) {
            assertThat(metadata).contains("\"name\": \"tgdialog." + property + "\"");
        }
    }

    @Test
    void thePropertiesToString_hidesTheToken_theSecret_andTheRedisPassword() {
        TgdialogProperties properties = new TgdialogProperties(
                TOKEN,
                "https://api.telegram.org",
                false,
                new TgdialogProperties.Webhook("/hook", "s3cret", null, 256),
                new TgdialogProperties.Redis("redis://:pa55word@redis.example:6379", "tgdialog:", Duration.ofDays(7)));

        assertThat(properties.toString())
                .isEqualTo("TgdialogProperties[token=<hidden>, baseUrl=https://api.telegram.org, testEnvironment=false,"
                        + " webhook=Webhook[path=/hook, secret=<hidden>, url=null, maxInFlight=256],"
                        + " redis=Redis[url=redis://<hidden>@redis.example:6379, keyPrefix=tgdialog:, ttl=PT168H]]");
    }

    @Test
    void theClient_isMadeFromTheProperties() {
        try (LoopbackServer api = new FakeTelegram().serve()) {
            runner.withPropertyValues(
                            "tgdialog.token=" + FakeTelegram.TOKEN,
                            "tgdialog.base-url=" + api.baseUrl(),
                            "tgdialog.webhook.path=/hook")
                    .withUserConfiguration(NoWebhookServerNeeded.class)
                    .run(context -> {
                        TelegramClient telegram = context.getBean(TelegramClient.class);

                        assertThat(telegram.toString())
                                .isEqualTo("TelegramClient[bot " + FakeTelegram.BOT_ID + " at " + api.baseUrl() + "]");
                        assertThat(telegram.execute(GetMe.of()).username()).isEqualTo(FakeTelegram.BOT_USERNAME);
                    });
        }
    }

    /** A WebhookHandler of the test's own, so the context stands without a web server and nothing polls. */
    @Configuration(proxyBeanMethods = false)
    static class NoWebhookServerNeeded {
        @org.springframework.context.annotation.Bean
        WebhookHandler webhookHandler(DialogBot bot) {
            return new WebhookHandler("s3cret", bot.handler(), 1);
        }
    }

    @Test
    void withoutAToken_theContextFails_namingTheProperty() {
        runner.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("tgdialog.token is not set"));
    }

    @Test
    void aMalformedToken_failsTheContext_withoutShowingIt() {
        runner.withPropertyValues("tgdialog.token=not-a-token-Sup3rSecretPart").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("Sup3rSecret");
            }
            assertThat(failure).rootCause().hasMessage("the bot token does not look like <digits>:<letters>");
        });
    }

    @Test
    void theApplicationsOwnClient_isUsed_andNoTokenIsNeeded() {
        TelegramClient own = new FakeTelegram().client(new FakeTime());
        runner.withBean(TelegramClient.class, () -> own)
                .withPropertyValues("tgdialog.webhook.path=/hook")
                .withUserConfiguration(NoWebhookServerNeeded.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(TelegramClient.class);
                    assertThat(context.getBean(TelegramClient.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(DialogBot.class);
                });
    }

    @Test
    void theApplicationsOwnBot_isUsed() {
        TelegramClient own = new FakeTelegram().client(new FakeTime());
        DialogBot bot = DialogBot.builder(own).publish(false).build();
        runner.withBean(TelegramClient.class, () -> own)
                .withBean(DialogBot.class, () -> bot)
                .withPropertyValues("tgdialog.webhook.path=/hook")
                .withUserConfiguration(NoWebhookServerNeeded.class)
                .run(context -> assertThat(context.getBean(DialogBot.class)).isSameAs(bot));
    }

    @Test
    void aWebhookPath_withoutASpringMvcServer_failsTheContext() {
        runner.withPropertyValues(
                        "tgdialog.token=" + TOKEN, "tgdialog.webhook.path=/hook", "tgdialog.webhook.secret=s3cret")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "tgdialog.webhook.path is set, but the application serves no Spring MVC"));
    }

    @Test
    void aWebhookPath_withoutASecret_failsTheContext() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TgdialogAutoConfiguration.class))
                .withPropertyValues("tgdialog.token=" + TOKEN, "tgdialog.webhook.path=/hook")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tgdialog.webhook.secret is not"));
    }

    @Test
    void aServletApplication_withAWebhookPath_getsTheWebhookController() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TgdialogAutoConfiguration.class))
                .withBean(TelegramClient.class, () -> new FakeTelegram().client(new FakeTime()))
                .withPropertyValues("tgdialog.webhook.path=/hook", "tgdialog.webhook.secret=s3cret")
                .run(context -> {
                    assertThat(context).hasSingleBean(WebhookController.class);
                    assertThat(context).hasSingleBean(WebhookHandler.class);
                });
    }

    @Test
    void customizers_runInOrder_afterTheCommands() {
        harnessed
                .withBean(
                        "hello",
                        CommandRoute.class,
                        () -> CommandRoute.hidden("hello", (ctx, args) -> {
                            ctx.send("Hello from the command bean");
                            return stay();
                        }))
                .withBean("second", DialogBotCustomizer.class, () -> new Echo("second", 2))
                .withBean("first", DialogBotCustomizer.class, () -> new Echo("first", 1))
                .run(context -> {
                    FakeUser ann = context.getBean(BotHarness.class).user(4001, "Ann");

                    ann.send("hi");
                    assertThat(ann.lastMessage().text()).isEqualTo("second heard hi");
                    ann.send("/hello");
                    assertThat(ann.lastMessage().text()).isEqualTo("Hello from the command bean");
                    assertThat(context.getBean(BotHarness.class).telegram().commands(BotCommandScopeDefault.of(), null))
                            .isEmpty();
                });
    }

    /** A customizer whose message handler says which one it is: the last one applied wins. */
    private record Echo(String name, int order) implements DialogBotCustomizer, Ordered {
        @Override
        public void customize(DialogBot.Builder bot) {
            bot.onMessage(ctx -> {
                ctx.send(name + " heard " + ctx.update().message().text());
                return stay();
            });
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Test
    void listedCommandBeans_arePublished() {
        harnessed
                .withBean(
                        "menu",
                        CommandRoute.class,
                        () -> CommandRoute.of("menu", "Today's menu", (ctx, args) -> stay()))
                .run(context -> assertThat(context.getBean(BotHarness.class)
                                .telegram()
                                .commands(BotCommandScopeDefault.of(), null))
                        .containsExactly(new BotCommand("menu", "Today's menu")));
    }

    @Test
    void twoCommandBeans_forOneCommand_failTheContext() {
        harnessed
                .withBean("one", CommandRoute.class, () -> CommandRoute.hidden("menu", (ctx, args) -> stay()))
                .withBean("two", CommandRoute.class, () -> CommandRoute.hidden("menu", (ctx, args) -> stay()))
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("two CommandRoute beans handle the command /menu"));
    }
}
