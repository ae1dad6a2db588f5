package dev.tgdialog.demo;

import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo bot without Telegram: a chat in the console on top of the test harness, so the bot runs the same
 * pipeline as in production against the fake Telegram. Each line read is a message of the user; {@code #N} presses
 * button N (counted across rows, from 1) of the newest message with buttons; {@code /quit} or the end of input ends
 * the chat. Every change the bot makes to the chat prints once: sends, edits, deletes and toasts. Not thread-safe.
 */
public final class OfflineConsole {
    static final long USER_ID = 1001;

    private final InputStream in;
    private final PrintStream out;
    private final boolean echo;
    private final BotHarness harness = BotHarness.of(OrderBot::configure);
    private final FakeUser user = harness.user(USER_ID, "You");
    private int eventsShown;
    private int answersShown;

    /** A console that repeats each line it reads after {@code you>}, so a piped session reads as a transcript. */
    public OfflineConsole(InputStream in, PrintStream out) {
        this(in, out, true);
    }

    /** A console; {@code echo} false when a person types at a terminal and sees their own lines already. */
    public OfflineConsole(InputStream in, PrintStream out, boolean echo) {
        this.in = in;
        this.out = out;
        this.echo = echo;
    }

    /** Chats until {@code /quit} or the end of input. */
    public void run() throws IOException {
        out.println("tgdialog demo, offline: you are chatting with the bot right here.");
        out.println("Type messages as a user would (try /start, /settings, /help); #N presses button N of the newest");
        out.println("message with buttons, e.g. #1 for [1 Small]; /quit ends.");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (echo) {
                out.println("you> " + line);
            }
            if (line.equals("/quit")) {
                break;
            }
            try {
                if (line.matches("#\\d{1,4}")) {
                    press(Integer.parseInt(line.substring(1)));
                } else {
                    user.send(line);
                }
            } catch (RuntimeException e) {
                out.println("(error) " + e);
            }
            showChanges();
        }
        out.println("bye");
    }

    private void press(int n) {
        List<FakeMessage> messages = user.messages();
        for (int m = messages.size() - 1; m >= 0 && n >= 1; m--) {
            List<List<InlineKeyboardButton>> rows = messages.get(m).inlineKeyboard();
            if (rows.isEmpty()) {
                continue;
            }
            int seen = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<InlineKeyboardButton> row = rows.get(r);
                if (n <= seen + row.size()) {
                    InlineKeyboardButton button = row.get(n - seen - 1);
                    if (button.callbackData() == null) {
                        out.println("(button " + n + " opens " + button.url() + ")");
                    } else {
                        user.click(r, n - seen - 1);
                    }
                    return;
                }
                seen += row.size();
            }
            break;
        }
        out.println("(there is no button " + n + ")");
    }

    private void showChanges() {
        List<ChatEvent> events = user.history();
        for (ChatEvent event : events.subList(eventsShown, events.size())) {
            if (event instanceof ChatEvent.Sent sent) {
                print("bot> ", sent.message());
            } else if (event instanceof ChatEvent.Edited edited) {
                print("bot (edited)> ", edited.after());
            } else {
                out.println("(the bot deleted a message)");
            }
        }
        eventsShown = events.size();
        List<CallbackAnswer> answers = harness.telegram().callbackAnswers();
        for (CallbackAnswer answer : answers.subList(answersShown, answers.size())) {
            if (answer.text() != null) {
                out.println((answer.showAlert() ? "(alert) " : "(toast) ") + answer.text());
            }
        }
        answersShown = answers.size();
    }

    private void print(String prefix, FakeMessage message) {
        String text = message.text() == null ? "[" + message.kind() + "]" : message.text();
        out.println(prefix + text.replace("\n", "\n    "));
        int n = 0;
        for (List<InlineKeyboardButton> row : message.inlineKeyboard()) {
            StringBuilder line = new StringBuilder("   ");
            for (InlineKeyboardButton button : row) {
                line.append(" [").append(++n).append(' ').append(button.text()).append(']');
            }
            out.println(line);
        }
    }
}
