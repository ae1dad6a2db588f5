package dev.tgdialog.telegram;

import static dev.tgdialog.test.TelegramJson.TOKEN;

import java.time.Duration;

/** Every test of the client's contract, on the JDK's HttpClient instead of OkHttp. */
class JdkTransportClientTest extends TelegramClientTest {
    @Override
    TelegramClient.Builder builder(Duration readTimeout) {
        return TelegramClient.builder(TOKEN).transport(Transport.jdk(Duration.ofSeconds(5), readTimeout));
    }
}
