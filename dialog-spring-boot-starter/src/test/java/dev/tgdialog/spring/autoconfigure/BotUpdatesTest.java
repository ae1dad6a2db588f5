package dev.tgdialog.spring.autoconfigure;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The bot's intake with the context: long polling by default, started as the context starts and stopped with it. */
@ExtendWith(OutputCaptureExtension.class)
class BotUpdatesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TgdialogAutoConfiguration.class))
            .withBean(
                    "hello",
                    CommandRoute.class,
                    () -> CommandRoute.of("start", "Say hello", (ctx, args) -> {
                        ctx.send("Hello from a polling bot");
                        return stay();
                    }));

    @Test
    void byDefault_theBotPolls_fromTheContextsStartToItsStop() throws Exception {
        FakeTelegram fake = new FakeTelegram();
        PollingTelegram api = new PollingTelegram(fake.transport());
        CompletableFuture<ApiCall> answered = new CompletableFuture<>();
        fake.onCall(call -> {
            if (call.method().equals("sendMessage")) {
                answered.complete(call);
            }
        });

        runner.withBean(
                        TelegramClient.class,
                        () -> TelegramClient.builder(FakeTelegram.TOKEN)
                                .transport(api)
                                .build())
                .run(context -> {
                    BotUpdates updates = context.getBean(BotUpdates.class);
                    assertThat(updates.isRunning()).isTrue();

                    api.deliver(fixture("message_bot_command_start_private.json"));

                    assertThat(answered.get(10, TimeUnit.SECONDS).params())
                            .contains("\"text\":\"Hello from a polling bot\"");
                    assertThat(fake.lastMessage(12345678).orElseThrow().text()).isEqualTo("Hello from a polling bot");
                    assertThat(api.polls()).isPositive();
                    CompletableFuture<Void> polling = updates.terminated();

                    context.close();

                    assertThat(updates.isRunning()).isFalse();
                    assertThat(polling).isCompleted();
                    polling.get(); // ended normally, not by a failure
                    assertThat(api.confirmations()).singleElement().asString().contains("\"offset\":259894299");
                    assertThat(Thread.getAllStackTraces().keySet())
                            .noneMatch(thread -> thread.getName().equals("tgdialog-long-polling"));
                });
    }

    @Test
    void aRefusedToken_endsPolling_withNoPieceOfTheTokenInAnyLogLineOrToString(CapturedOutput output) throws Exception {
        String token = "4242:WRONG-token-the-fake-refuses";
        try (LoopbackServer api = new FakeTelegram().serve()) {
            runner.withPropertyValues("tgdialog.token=" + token, "tgdialog.base-url=" + api.baseUrl())
                    .run(context -> {
                        BotUpdates updates = context.getBean(BotUpdates.class);

                        assertThatThrownBy(() -> updates.terminated().get(10, TimeUnit.SECONDS))
                                .isInstanceOf(ExecutionException.class)
                                .hasCauseInstanceOf(TelegramException.Unauthorized.class);
                        assertThat(context.getBean(TgdialogProperties.class).toString())
                                .contains("token=<hidden>")
                                .doesNotContain("4242:")
                                .doesNotContain("WRONG");
                        assertThat(context.getBean(TelegramClient.class).toString())
                                .isEqualTo("TelegramClient[bot 4242 at " + api.baseUrl() + "]")
                                .doesNotContain("WRONG");
                    });
        }

        assertThat(output.getAll()).contains("Long polling stopped").doesNotContain("WRONG-token");
        for (int i = 0; i + 8 <= "WRONG-token-the-fake-refuses".length(); i++) {
            assertThat(output.getAll()).doesNotContain("WRONG-token-the-fake-refuses".substring(i, i + 8));
        }
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                BotUpdatesTest.class.getResourceAsStream("/fixtures/" + name), "fixture " + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
