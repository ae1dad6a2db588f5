package dev.tgdialog.testing;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Button;
import dev.tgdialog.telegram.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The harness with the bot's calls going over real loopback HTTP through the JDK's HttpClient. */
class HarnessOverJdkTransportTest {
    enum Step implements WindowId {
        ASK,
        THANKS
    }

    static final Dialog FEEDBACK = Dialog.builder("feedback")
            .window(
                    Step.ASK,
                    w -> w.text("Did it work?").add(Button.of("yes", "Yes", ctx -> {
                        ctx.toast("Glad to hear, " + ctx.user().firstName());
                        return Transition.next();
                    })))
            .window(Step.THANKS, w -> w.text("Thanks!").add(Button.of("again", "Again", ctx -> stay())))
            .build();

    /** The JDK transport, with every request it sends written down by its path's last segment. */
    private static final class Recording implements Transport {
        final Transport jdk = Transport.jdk(Duration.ofSeconds(5), Duration.ofSeconds(5));
        final List<String> methods = new CopyOnWriteArrayList<>();

        private void record(Request request) {
            String path = request.url().getPath();
            methods.add(path.substring(path.lastIndexOf('/') + 1));
        }

        @Override
        public Response send(Request request) throws Failure {
            record(request);
            return jdk.send(request);
        }

        @Override
        public CompletableFuture<Response> sendAsync(Request request) {
            record(request);
            return jdk.sendAsync(request);
        }

        @Override
        public Transport withReadTimeout(Duration readTimeout) {
            return jdk.withReadTimeout(readTimeout);
        }

        @Override
        public void close() {
            jdk.close();
        }
    }

    @Test
    void aConversation_overTheJdkTransport_readsAsOneAtTheTransportBoundaryDoes() {
        Recording transport = new Recording();
        try (BotHarness h = BotHarness.builder(bot -> bot.dialogs(FEEDBACK)
                        .command("feedback", (ctx, args) -> Transition.start(FEEDBACK, StartMode.RESET_STACK)))
                .transport(transport)
                .build()) {
            FakeUser ann = h.user(1001, "Ann");

            ann.send("/feedback");
            assertThat(ann.lastMessage().text()).isEqualTo("Did it work?");
            ann.click("Yes");

            assertThat(ann.lastAnswer().text()).isEqualTo("Glad to hear, Ann");
            assertThat(ann.lastMessage().text()).isEqualTo("Thanks!");
            assertThat(h.telegram().messages(1001)).hasSize(1);
            List<String> served =
                    h.telegram().calls().stream().map(ApiCall::method).toList();
            assertThat(served).contains("sendMessage", "answerCallbackQuery", "editMessageText");
            // Every call the fake answered came to it over HTTP through the JDK transport.
            assertThat(transport.methods).containsExactlyInAnyOrderElementsOf(served);
        }
    }
}
