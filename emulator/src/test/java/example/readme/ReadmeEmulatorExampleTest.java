package example.readme;

import static dev.tgdialog.Transition.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.WindowId;
import dev.tgdialog.emulator.Emulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's emulator snippet, compiled and run: it serves the chat page on loopback. */
class ReadmeEmulatorExampleTest {
    enum Step implements WindowId {
        SIZE
    }

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.SIZE, w -> w.text("Which size?"))
            .build();

    @Test
    void theSnippet_servesTheChatPage_withItsUsersAndGroup() throws Exception {
        // spotless:off (the README shows this snippet as it is)
        // --- README: the emulator ---
        Emulator emulator = Emulator.builder(bot -> bot.dialogs(ORDER).command("start", (ctx, args) -> start(ORDER)))
                .user(1001, "Ann").user(1002, "Bob")   // default: Ann and Bob
                .group(-1001, "Pizza party")           // default: one group chat of all users
                .build();
        System.out.println("Open " + emulator.start());   // http://127.0.0.1:<free port>/; port(8080) picks one
        // --- end ---
        // spotless:on
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(emulator.address()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(emulator.address().getHost()).isEqualTo("127.0.0.1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<script src=\"emulator.js\">");
        } finally {
            emulator.close();
        }
    }
}
