package dev.tgdialog.telegram;

import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.methods.SendDocument;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What a bot without OkHttp does, run by {@link JdkTransportClassPathTest} in a class loader without OkHttp and
 * Kotlin: calls on the JDK transport (JSON, a multipart upload, async), a call through a client built without
 * choosing a transport (which must fall back to the JDK's), and a call to the fake Telegram.
 */
public final class JdkOnlyBot implements Function<String, List<String>> {
    @Override
    public List<String> apply(String baseUrl) {
        try (TelegramClient client = TelegramClient.builder(FakeTelegram.TOKEN)
                .baseUrl(baseUrl)
                .transport(Transport.jdk(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .build()) {
            String me = client.execute(GetMe.of()).firstName();
            long document = client.execute(
                            SendDocument.of(42L, InputFile.of("hello".getBytes(StandardCharsets.UTF_8), "notes.txt")))
                    .messageId();
            long async = client.executeAsync(SendMessage.of(42L, "Hi")).join().messageId();
            String byDefault;
            try (TelegramClient plain =
                    TelegramClient.builder(FakeTelegram.TOKEN).baseUrl(baseUrl).build()) {
                byDefault = plain.execute(GetMe.of()).firstName();
            }
            FakeTelegram fake = new FakeTelegram();
            fake.client(new FakeTime()).execute(SendMessage.of(42L, "Hello"));
            return List.of(
                    "getMe: " + me,
                    "sendDocument: " + document,
                    "sendMessage async: " + async,
                    "getMe, transport not chosen: " + byDefault,
                    "fake: " + fake.lastMessage(42).orElseThrow().text());
        }
    }
}
