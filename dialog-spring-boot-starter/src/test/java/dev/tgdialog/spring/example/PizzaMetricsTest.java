package dev.tgdialog.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.spring.test.TgdialogTest;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** With Micrometer in the context, the starter binds the bot's meters to it: a conversation shows in them. */
@TgdialogTest
class PizzaMetricsTest {
    @TestConfiguration
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    BotHarness harness;

    @Autowired
    MeterRegistry registry;

    @Test
    void aConversation_isCountedInTheContextsRegistry() {
        FakeUser dan = harness.user(2101, "Dan");

        dan.send("/start");
        dan.click("Order a pizza");
        dan.click("Small");
        dan.click("Order");

        assertThat(registry.get("tgdialog.updates")
                        .tags("kind", "message", "outcome", "handled")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tgdialog.updates")
                        .tags("kind", "callback_query", "outcome", "handled")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("tgdialog.dialogs.started")
                        .tags("dialog", "order")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tgdialog.dialogs.finished")
                        .tags("dialog", "order")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tgdialog.api.calls")
                        .tags("method", "answerCallbackQuery", "outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(harness.telegram().callCount("answerCallbackQuery"));
    }
}
