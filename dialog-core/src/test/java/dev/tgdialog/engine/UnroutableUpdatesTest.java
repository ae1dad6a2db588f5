package dev.tgdialog.engine;

import static dev.tgdialog.engine.WizardDialogs.WIZARD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.test.LogCapture;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.updates.WebhookHandler;
import dev.tgdialog.updates.WebhookServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Updates the engine cannot place in a stack are acknowledged (never delivered again and again), logged once and
 * handed to {@code onUpdate}; a click on an inline message is answered all the same; and a stack that names a
 * window the bot no longer has recovers without swallowing the update that found it.
 */
class UnroutableUpdatesTest {
    private static final String SECRET = "poison-test";
    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private BotHarness harness() {
        return BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                        .onUpdate(ctx -> {
                            seen.add("update " + ctx.update().updateId());
                            return Transition.stay();
                        }))
                .store(store)
                .build();
    }

    /** Posts a raw update body to a real webhook server on loopback and returns the HTTP status. */
    private static int postToWebhook(BotHarness h, String body) throws IOException {
        try (WebhookServer server = WebhookServer.builder(h.bot().handler())
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .secretToken(SECRET)
                .build()
                .start()) {
            Request request = new Request.Builder()
                    .url("http://127.0.0.1:" + server.port() + server.path())
                    .header(WebhookHandler.SECRET_HEADER, SECRET)
                    .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                    .build();
            try (Response response = new OkHttpClient().newCall(request).execute()) {
                return response.code();
            }
        }
    }

    @Test
    void aMessageWithoutItsChat_isAcknowledged200_loggedOnceWithItsId_andGoesToOnUpdate() throws IOException {
        BotHarness h = harness();
        String noChat = "{\"update_id\":71,\"message\":{\"message_id\":5,\"date\":1767225600,"
                + "\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Ann\"},\"text\":\"/start\"}}";

        try (LogCapture logs = new LogCapture()) {
            assertThat(postToWebhook(h, noChat)).isEqualTo(200);

            assertThat(logs.at(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("Update 71")
                    .contains("routed");
            assertThat(logs.at(Level.ERROR)).isEmpty();
        }
        assertThat(seen).containsExactly("update 71");
        assertThat(h.telegram().calls()).isEmpty();
    }

    @Test
    void aClickWithoutItsSender_isAcknowledged200_andAnswered() throws IOException {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/start");
        FakeMessage shown = ann.lastMessage();
        h.telegram().registerCallbackQuery("q-nofrom");
        String noFrom = "{\"update_id\":72,\"callback_query\":{\"id\":\"q-nofrom\",\"chat_instance\":\"ci\","
                + "\"data\":\"" + shown.inlineKeyboard().get(0).get(0).callbackData() + "\","
                + "\"message\":{\"message_id\":" + shown.messageId() + ",\"date\":1767225600,"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},\"text\":\"" + shown.text() + "\"}}}";

        try (LogCapture logs = new LogCapture()) {
            assertThat(postToWebhook(h, noFrom)).isEqualTo(200);
            assertThat(logs.at(Level.WARN)).singleElement().asString().contains("Update 72");
        }
        assertThat(seen).containsExactly("update 72");
        assertThat(h.telegram().callbackAnswers())
                .extracting(CallbackAnswer::queryId)
                .contains("q-nofrom");
        assertThat(ann.lastMessage().text()).as("nothing applied").isEqualTo(shown.text());
    }

    @Test
    void aClickOnAnInlineMessagesButton_isAnswered_withTheToastOnUpdateSet() {
        BotHarness h = BotHarness.of(bot -> bot.onUpdate(ctx -> {
            ctx.toast("Voted " + ctx.update().callbackQuery().data());
            return Transition.stay();
        }));
        h.telegram().registerCallbackQuery("q-inline");
        Update click = Json.fromUtf8(
                ("{\"update_id\":73,\"callback_query\":{\"id\":\"q-inline\","
                                + "\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Ann\"},\"chat_instance\":\"ci\","
                                + "\"inline_message_id\":\"AAAAAQ\",\"data\":\"yes\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                Update.class);

        h.deliver(click).join();

        assertThat(h.telegram().callbackAnswers()).singleElement().satisfies(answer -> {
            assertThat(answer.queryId()).isEqualTo("q-inline");
            assertThat(answer.text()).isEqualTo("Voted yes");
        });
    }

    @Test
    void aClickOnAnInlineMessagesButton_isAnswered_evenWithoutAnyHandler() {
        BotHarness h = BotHarness.of(bot -> bot.dialogs(WIZARD));
        h.telegram().registerCallbackQuery("q-bare");
        Update click = Json.fromUtf8(
                ("{\"update_id\":74,\"callback_query\":{\"id\":\"q-bare\","
                                + "\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Ann\"},\"chat_instance\":\"ci\","
                                + "\"inline_message_id\":\"AAAAAQ\",\"data\":\"yes\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                Update.class);

        h.deliver(click).join();

        assertThat(h.telegram().callbackAnswers())
                .extracting(CallbackAnswer::queryId)
                .containsExactly("q-bare");
    }

    private void storeRenamedWindow() {
        store.save(
                StackKey.of(EngineTest.BOT, 1001, 1001),
                0,
                new Stack(
                        "",
                        List.of(new Frame("0", "wizard", "RENAMED", 3, null, Map.of("count", "5"), Map.of(), Map.of())),
                        1,
                        null,
                        List.of(),
                        1));
    }

    @Test
    void afterRecoveryWithDefaultSettings_theCommandThatFoundTheOldStack_stillRuns() {
        BotHarness h = harness();
        storeRenamedWindow();
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start");

        assertThat(ann.messages())
                .extracting(FakeMessage::text)
                .containsExactly("This menu has changed since you last used it. Let's start over.", "Count: ");
        ann.click("+1");
        assertThat(ann.lastMessage().text()).isEqualTo("Count: 1");
    }

    @Test
    void afterRecoveryWithARootDialog_aCommandWinsOverTheRootDialog_andOtherTextStartsTheRoot() {
        Dialogs root = new Dialogs();
        BotHarness h = BotHarness.builder(bot -> bot.dialogs(WIZARD)
                        .command("start", (ctx, args) -> Transition.start(WIZARD, StartMode.RESET_STACK))
                        .onUnknownState("Updated. Starting over.", root.menu))
                .store(store)
                .build();
        storeRenamedWindow();
        FakeUser ann = h.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.messages()).extracting(FakeMessage::text).containsExactly("Updated. Starting over.", "Count: ");

        storeRenamedWindowAgain();
        ann.send("hello");
        assertThat(ann.lastMessage().text()).isEqualTo("Main menu");
    }

    private void storeRenamedWindowAgain() {
        StackKey key = StackKey.of(EngineTest.BOT, 1001, 1001);
        Stack now = store.load(key).orElseThrow();
        store.save(
                key,
                now.version(),
                new Stack(
                        "",
                        List.of(new Frame("9", "wizard", "RENAMED", 0, null, Map.of(), Map.of(), Map.of())),
                        now.version() + 1,
                        now.lastMessage(),
                        now.recentUpdateIds(),
                        10));
    }

    /** A one-window root dialog. */
    private static final class Dialogs {
        enum Menu implements dev.tgdialog.WindowId {
            MAIN
        }

        final dev.tgdialog.Dialog menu = dev.tgdialog.Dialog.builder("menu")
                .window(Menu.MAIN, w -> w.text("Main menu"))
                .build();
    }
}
