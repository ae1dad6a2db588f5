// The README shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.readme;

// --- README: imports ---
import static dev.tgdialog.Transition.*;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.widgets.*;
// --- end ---

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dialog and the test of the README, compiled and run so they cannot rot. */
class ReadmeDialogExampleTest {
    // --- README: a dialog ---
    enum Step implements WindowId { SIZE, QUANTITY, CONFIRM }

    static final Key<String> SIZE = Key.of("size", String.class);
    static final Key<Integer> QUANTITY = Key.of("quantity", Integer.class);

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.SIZE, w -> w
                    .text("Which size?")
                    .add(Row.of(
                            Button.of("s", "Small", ctx -> next().with(SIZE, "small")),
                            Button.of("l", "Large", ctx -> next().with(SIZE, "large")))))
            .window(Step.QUANTITY, w -> w
                    .format("A {size} pizza. How many? Type 1 to 9.")
                    .add(TextInput.text("qty", (ctx, text) -> text.strip().matches("[1-9]")
                            ? next().with(QUANTITY, Integer.valueOf(text.strip()))
                            : stay().reply("\"" + text + "\" is not a number from 1 to 9.")))
                    .add(Nav.back("« Back")))
            .window(Step.CONFIRM, w -> w
                    .format("{quantity} × {size} pizza. Order it?")
                    .add(Button.of("yes", "Order", ctx -> done(ctx.require(QUANTITY)).saying("Ordered!")))
                    .add(Nav.back("« Back")))
            .build();
    // --- end ---

    @Test
    void theBot_startsLongPolling_onItsClient() throws InterruptedException {
        FakeTelegram fake = new FakeTelegram();
        TelegramClient telegram = fake.client(new FakeTime());
        CountDownLatch polled = new CountDownLatch(1);
        fake.onCall(call -> {
            if (call.method().equals("getUpdates")) {
                polled.countDown();
            }
        });
        // --- README: a bot ---
        DialogBot bot = DialogBot.builder(telegram)              // TelegramClient.create(token)
                .dialogs(ORDER)
                .command("start", (ctx, args) -> start(ORDER, StartMode.RESET_STACK))
                .build()
                .start();                                        // long polling; or bot.handler() for a webhook
        // --- end ---
        try {
            assertThat(polled.await(10, TimeUnit.SECONDS)).as("the bot asked its client for updates").isTrue();
        } finally {
            bot.stop();
        }
    }

    // --- README: a test ---
    @Test
    void orderingPizzas() {
        BotHarness harness = BotHarness.of(bot -> bot
                .dialogs(ORDER)
                .command("start", (ctx, args) -> start(ORDER, StartMode.RESET_STACK)));
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.buttons()).containsExactly("Small", "Large");
        ann.click("Large");
        ann.send("a dozen");
        assertThat(ann.lastMessage().text())
                .isEqualTo("\"a dozen\" is not a number from 1 to 9.\nA large pizza. How many? Type 1 to 9.");
        ann.send("3");
        assertThat(ann.lastMessage().text()).isEqualTo("3 × large pizza. Order it?");
        ann.click("Order");
        assertThat(ann.lastMessage().text()).isEqualTo("Ordered!");
        assertThat(ann.lastMessage().inlineKeyboard()).isEmpty();
    }
    // --- end ---
    // spotless:on

    /** The README shows these snippets as they are here, and the dialog stays short. */
    @Test
    void theReadmeShowsThisFilesSnippets_andTheDialogIsShort() throws Exception {
        String source = Files.readString(Path.of("src/test/java/example/readme/ReadmeDialogExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String imports = snippet(source, "imports");
        String dialog = snippet(source, "a dialog");
        String test = snippet(source, "a test");

        assertThat(imports.lines().filter(l -> l.startsWith("import ")).count()).isLessThanOrEqualTo(6);
        assertThat(dialog.lines().count()).isLessThanOrEqualTo(25);
        for (String part : new String[] {imports, dialog, test}) {
            assertThat(readme).contains(part);
        }
    }

    /** The lines between a snippet's markers, without the class's indentation. */
    private static String snippet(String source, String name) {
        String open = "// --- README: " + name + " ---\n";
        int from = source.indexOf(open) + open.length();
        int to = source.lastIndexOf('\n', source.indexOf("// --- end ---", from));
        return source.substring(from, to).stripIndent();
    }
}
