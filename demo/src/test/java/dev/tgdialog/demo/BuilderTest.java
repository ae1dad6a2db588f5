package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.auth.InitDataValidator;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.MiniAppLaunch;
import dev.tgdialog.webapp.MiniAppServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's Mini App: the builder's button, the pizza it sends back, and its backend over loopback HTTP. */
class BuilderTest {
    static final String TOKEN = "123456:AAH-the-demo-test-token";
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);

    @Test
    void theBuildersPizza_comesBackIntoTheWindow() {
        FakeUser ann = BotHarness.of(
                        bot -> OrderBot.configure(bot, new OrderBotTest.FakeKitchen(), ReferralsTest.referrals()))
                .user(1001, "Ann");
        ann.send("/builder");
        List<KeyboardButton> buttons = ((ReplyKeyboardMarkup) ann.lastMessage().replyMarkup())
                .keyboard().stream().flatMap(List::stream).toList();
        assertThat(buttons)
                .singleElement()
                .satisfies(b -> assertThat(b.webApp().url()).startsWith("https://"));

        ann.sendWebAppData("Build a pizza", "{\"size\":\"L\",\"toppings\":[\"basil\",\"olives\"]}");

        assertThat(ann.lastMessage().text()).isEqualTo("Your pizza: L with basil and olives");
    }

    @Test
    void theBackend_servesThePage_andTheMenuOnlyToTelegramsUsers() throws Exception {
        try (MiniAppServer backend =
                Builder.backend(InitDataValidator.forToken(TOKEN).clock(CLOCK)).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + backend.port();

            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Build your pizza").contains("standin.js");

            HttpRequest.Builder menu = HttpRequest.newBuilder(URI.create(base + "/api/menu"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            assertThat(http.send(menu.build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            String initData = MiniAppLaunch.initData(
                    TOKEN, User.builder(1001, false, "Ann").build(), NOW.minusSeconds(5));
            HttpResponse<String> ok = http.send(
                    menu.header("Authorization", "tma " + initData).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"for\":\"Ann\",\"sizes\":[\"S\",\"M\",\"L\"]}");
        }
    }
}
