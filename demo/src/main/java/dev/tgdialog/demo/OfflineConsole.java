package dev.tgdialog.demo;

import dev.tgdialog.DialogBot;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.KeyboardButton;
import dev.tgdialog.telegram.types.ReplyKeyboardMarkup;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.ChatEvent;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.PaymentResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The demo bot without Telegram: a chat in the console on top of the test harness, so the bot runs the same
 * pipeline as in production against the fake Telegram. Each line read is a message of the user; {@code #N} presses
 * button N (counted across rows, from 1) of the newest message with buttons (a reply-keyboard button, shown as
 * {@code <N label>}, sends its label, or a made-up contact or location when it asks for one); {@code /quit} or the
 * end of input ends the chat. Every change the bot makes to the chat prints once: sends, edits, deletes and toasts;
 * changes made meanwhile from elsewhere (the {@link dev.tgdialog.emulator.Emulator}'s page on the same harness, a
 * background job) print as they happen. One thread runs {@link #run}.
 */
public final class OfflineConsole {
    static final long USER_ID = 1001;
    static final String SHARED_PHONE = "+10000000001";
    static final double SHARED_LATITUDE = 52.52;
    static final double SHARED_LONGITUDE = 13.405;

    private final InputStream in;
    private final PrintStream out;
    private final boolean echo;
    private final BotHarness harness;
    private final FakeUser user;
    // Guarded by this: the console's thread and the threads of changes made elsewhere print.
    private int eventsShown;
    private int answersShown;
    private boolean busy;

    /**
     * A console that repeats each line it reads after {@code you>}, so a piped session reads as a transcript; the
     * orders confirmed go to {@code kitchen}.
     */
    public OfflineConsole(InputStream in, PrintStream out, Kitchen kitchen) {
        this(in, out, true, kitchen);
    }

    /** A console; {@code echo} false when a person types at a terminal and sees their own lines already. */
    public OfflineConsole(InputStream in, PrintStream out, boolean echo, Kitchen kitchen) {
        this(in, out, echo, new FakeTime(Instant.now()), kitchen);
    }

    /**
     * A console whose bot lives in {@code time}; the public constructors start it now, so a calendar shows today.
     * Time then stands still, as it does under the harness.
     */
    OfflineConsole(InputStream in, PrintStream out, boolean echo, FakeTime time, Kitchen kitchen) {
        this(
                in,
                out,
                echo,
                BotHarness.builder(bot -> configure(bot, kitchen)).time(time).build());
    }

    /**
     * A console on a harness already running the bot (the emulator's, so the page and the console are one chat):
     * the user is {@link #USER_ID} in their private chat.
     */
    OfflineConsole(InputStream in, PrintStream out, boolean echo, BotHarness harness) {
        this.in = in;
        this.out = out;
        this.echo = echo;
        this.harness = harness;
        this.user = harness.user(USER_ID, USER_NAME);
        harness.telegram().onCall(call -> showChangesMadeElsewhere());
    }

    static final String USER_NAME = "You";

    /** The demo bot as the console runs it: the order bot, its referral links signed with a secret of this run. */
    static DialogBot.Builder configure(DialogBot.Builder bot, Kitchen kitchen) {
        return OrderBot.configure(bot, kitchen, new Referrals(FakeTelegram.BOT_USERNAME, Referrals.newSecret()));
    }

    /** Chats until {@code /quit} or the end of input. */
    public void run() throws IOException {
        out.println("tgdialog demo, offline: you are chatting with the bot right here.");
        out.println("Type messages as a user would (try /start, /book, /catalogue, /ref, /help);");
        out.println("#N presses button N of the newest message with buttons, e.g. #1 for [1 Small]; /quit ends.");
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
            synchronized (this) {
                busy = true;
            }
            try {
                if (line.matches("#\\d{1,4}")) {
                    press(Integer.parseInt(line.substring(1)));
                } else {
                    user.send(line);
                }
            } catch (RuntimeException | AssertionError e) {
                out.println("(error) " + e);
            }
            synchronized (this) {
                showChanges();
                busy = false;
            }
        }
        out.println("bye");
    }

    private void press(int n) {
        List<FakeMessage> messages = user.messages();
        for (int m = messages.size() - 1; m >= 0; m--) {
            FakeMessage message = messages.get(m);
            if (message.replyMarkup() instanceof ReplyKeyboardMarkup reply) {
                pressReply(reply, n);
                return;
            }
            if (!message.inlineKeyboard().isEmpty()) {
                pressInline(message, n);
                return;
            }
        }
        out.println("(there is no button " + n + ")");
    }

    private void pressInline(FakeMessage message, int n) {
        List<List<InlineKeyboardButton>> rows = message.inlineKeyboard();
        int seen = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<InlineKeyboardButton> row = rows.get(r);
            if (n >= 1 && n <= seen + row.size()) {
                InlineKeyboardButton button = row.get(n - seen - 1);
                if (button.callbackData() != null) {
                    user.click(r, n - seen - 1);
                } else if (Boolean.TRUE.equals(button.pay())) {
                    // The console pays at once, as if the user confirmed in Telegram's payment form.
                    PaymentResult result = user.pay(message);
                    out.println(result.paid() ? "(paid)" : "(payment refused: " + result.refusal() + ")");
                } else if (button.callbackGame() != null) {
                    out.println("(button " + n + " opens " + user.play(message).url() + ")");
                } else if (button.url() != null) {
                    out.println("(button " + n + " opens " + button.url() + ")");
                } else {
                    out.println("(button " + n + " is handled by the Telegram app)");
                }
                return;
            }
            seen += row.size();
        }
        out.println("(there is no button " + n + ")");
    }

    /** A reply-keyboard button sends its label; one that asks for a contact or location sends a made-up one. */
    private void pressReply(ReplyKeyboardMarkup reply, int n) {
        List<KeyboardButton> buttons =
                reply.keyboard().stream().flatMap(List::stream).toList();
        if (n < 1 || n > buttons.size()) {
            out.println("(there is no button " + n + ")");
            return;
        }
        KeyboardButton button = buttons.get(n - 1);
        if (Boolean.TRUE.equals(button.requestContact())) {
            out.println("(your app shares your contact: " + SHARED_PHONE + ")");
            user.sendContact(SHARED_PHONE, "You");
        } else if (Boolean.TRUE.equals(button.requestLocation())) {
            out.println("(your app shares your location: " + SHARED_LATITUDE + ", " + SHARED_LONGITUDE + ")");
            user.sendLocation(SHARED_LATITUDE, SHARED_LONGITUDE);
        } else {
            user.send(button.text());
        }
    }

    /** While the console handles a line it prints that line's changes itself, all at once, in its own order. */
    private synchronized void showChangesMadeElsewhere() {
        if (!busy) {
            showChanges();
        }
    }

    private synchronized void showChanges() {
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
        String media = message.fileId() == null
                ? "[" + message.kind() + "]"
                : "[" + message.kind() + " " + message.fileId() + "]";
        String text = message.text() == null
                ? media
                : message.fileId() == null && message.kind().equals("text")
                        ? message.text()
                        : media + " " + message.text();
        out.println(prefix + text.replace("\n", "\n    "));
        int n = 0;
        for (List<InlineKeyboardButton> row : message.inlineKeyboard()) {
            StringBuilder line = new StringBuilder("   ");
            for (InlineKeyboardButton button : row) {
                line.append(" [").append(++n).append(' ').append(button.text()).append(']');
            }
            out.println(line);
        }
        if (message.replyMarkup() instanceof ReplyKeyboardMarkup reply) {
            for (List<KeyboardButton> row : reply.keyboard()) {
                StringBuilder line = new StringBuilder("   ");
                for (KeyboardButton button : row) {
                    line.append(" <")
                            .append(++n)
                            .append(' ')
                            .append(button.text())
                            .append('>');
                }
                out.println(line);
            }
        }
    }
}
