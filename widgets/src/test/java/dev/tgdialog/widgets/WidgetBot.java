package dev.tgdialog.widgets;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.RoundTripStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bot with one dialog, started by {@code /start}, whose stack goes through a JSON round trip on every update; and
 * one user, Ann, talking to it.
 */
final class WidgetBot {
    static final long BOT_ID = 1_000_000;
    static final long ANN = 1001;

    final RoundTripStore store = new RoundTripStore();
    final BotHarness harness;
    final FakeUser ann;

    WidgetBot(Dialog dialog) {
        harness = BotHarness.builder(bot -> bot.dialogs(dialog)
                        .command("start", (ctx, args) -> Transition.start(dialog, null, StartMode.RESET_STACK)))
                .store(store)
                .build();
        ann = harness.user(ANN, "Ann");
    }

    /** Starts the dialog. */
    WidgetBot start() {
        ann.send("/start");
        return this;
    }

    /** The top frame as the store holds it, decoded from its JSON document. */
    Frame frame() {
        String document = store.documents().get(StackKey.of(BOT_ID, ANN, ANN));
        Objects.requireNonNull(document, "nothing stored yet");
        return StackCodec.decode(document).top().orElseThrow();
    }

    /** The stored widget state, {@code widgetId/name} to JSON. */
    Map<String, String> state() {
        return frame().widgetState();
    }

    /** The stored dialog data, key name to JSON. */
    Map<String, String> data() {
        return frame().data();
    }

    /** The newest message's text. */
    String text() {
        return ann.lastMessage().text();
    }

    /** The answer (toast) to the latest click. */
    String toast() {
        return ann.lastAnswer().text();
    }

    /**
     * Clicks, on the newest message, a button whose callback data is that of the button labelled {@code label} with
     * its payload replaced by {@code payload}, as a forging client could.
     */
    void forge(String label, String payload) {
        FakeMessage message = ann.lastMessage();
        String data = message.inlineKeyboard().stream()
                .flatMap(List::stream)
                .filter(b -> b.text().equals(label))
                .findFirst()
                .map(InlineKeyboardButton::callbackData)
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + message.buttonLabels()));
        ann.clickWithData(message, header(data) + payload);
    }

    /** The callback data up to the payload: {@code ~owner.stack.frame.rev.widget.}. */
    static String header(String data) {
        int at = -1;
        for (int dots = 0; dots < 5; dots++) {
            at = data.indexOf('.', at + 1);
        }
        return data.substring(0, at + 1);
    }

    /** The newest message's keyboard as JSON: one row per line, each button {@code ["label","data"]}. */
    String keyboardJson() {
        StringBuilder out = new StringBuilder("[\n");
        List<List<InlineKeyboardButton>> rows = ann.lastMessage().inlineKeyboard();
        for (int r = 0; r < rows.size(); r++) {
            out.append("  [");
            List<InlineKeyboardButton> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ", ")
                        .append('[')
                        .append(quote(row.get(c).text()))
                        .append(", ")
                        .append(quote(row.get(c).callbackData()))
                        .append(']');
            }
            out.append(r == rows.size() - 1 ? "]\n" : "],\n");
        }
        return out.append("]\n").toString();
    }

    private static String quote(String s) {
        return s == null ? "null" : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A golden file from the test resources' {@code golden/} folder. */
    static String golden(String name) {
        try (InputStream in = WidgetBot.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
