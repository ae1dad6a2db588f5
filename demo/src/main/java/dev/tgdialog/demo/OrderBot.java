package dev.tgdialog.demo;

import static dev.tgdialog.Transition.back;
import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.next;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.stay;
import static dev.tgdialog.Transition.switchTo;

import dev.tgdialog.Command;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.DialogContext;
import dev.tgdialog.Key;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.i18n.TextBundle;
import dev.tgdialog.payments.Invoice;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.Media;
import dev.tgdialog.spi.TextWidget;
import dev.tgdialog.telegram.InputFile;
import dev.tgdialog.telegram.types.MenuButtonCommands;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Row;
import dev.tgdialog.widgets.Text;
import dev.tgdialog.widgets.TextInput;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo bot: a three-step pizza order (size, quantity, confirmation), a settings dialog that switches the
 * language between English and Deutsch, and the commands every bot should have ({@code /start} with deep links,
 * {@code /help}, {@code /settings}, {@code /ref} for a referral link), listed in English and German; besides, a room
 * {@link Booking} ({@code /book}) and the widget {@link Catalogue} ({@code /catalogue}). A confirmed order goes to the
 * {@link Kitchen} the bot is configured with.
 * The same definition runs against Telegram and in the offline console.
 */
public final class OrderBot {
    private static final Logger log = LoggerFactory.getLogger(OrderBot.class);

    private OrderBot() {}

    /** The steps of the order. */
    enum Step implements WindowId {
        SIZE,
        QUANTITY,
        CONFIRM
    }

    /** The one window of the settings. */
    enum Setting implements WindowId {
        LANGUAGE
    }

    /** The languages the bot speaks. */
    enum Language {
        EN,
        DE
    }

    /** Pizza sizes, with their names in both languages and their price in Telegram Stars. */
    public enum Size {
        S("Small", "Klein", 50),
        M("Medium", "Mittel", 70),
        L("Large", "Groß", 90);

        final String english;
        final String deutsch;
        final int stars;

        Size(String english, String deutsch, int stars) {
            this.english = english;
            this.deutsch = deutsch;
            this.stars = stars;
        }
    }

    /** What the order dialog collected and returns when confirmed: the {@link Kitchen} gets it. */
    public record Order(Size size, int quantity) {
        public Order {
            Objects.requireNonNull(size, "size");
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("an order is of 1 to " + MAX_QUANTITY + " pizzas, not " + quantity);
            }
        }

        String describe(Language language) {
            return language == Language.DE ? quantity + " × Pizza " + size : quantity + " × " + size + " pizza";
        }

        /** What the order costs, in Telegram Stars. */
        long stars() {
            return (long) size.stars * quantity;
        }
    }

    static final int MAX_QUANTITY = 20;
    private static final String NUMBER = "[+-]?\\d{1,100}";

    static final Key<Size> SIZE = Key.of("size", Size.class);
    static final Key<Integer> QUANTITY = Key.of("quantity", Integer.class);

    /**
     * The settings, opened over whatever is open ({@link DialogBot.Builder#settings}): a language toggle that keeps
     * the user's pick for every dialog and push; Done goes back to what was open, redrawn in that language.
     */
    static final Dialog SETTINGS = Dialog.builder("settings")
            .window(
                    Setting.LANGUAGE,
                    w -> w.text(say("Settings", "Einstellungen"))
                            .text(say("Language: English", "Sprache: Deutsch"))
                            .add(Button.of("toggle", say("Auf Deutsch umstellen", "Switch to English"), ctx -> {
                                boolean german = language(ctx) == Language.EN;
                                ctx.pickLanguage(german ? Locale.GERMAN : Locale.ENGLISH);
                                ctx.toast(german ? "Sprache: Deutsch" : "Language: English");
                                return stay();
                            }))
                            .add(Button.of(
                                            "done",
                                            say("Done", "Fertig"),
                                            ctx -> done().saying(
                                                            tr(ctx, "Settings saved.", "Einstellungen gespeichert.")))
                                    .leadsTo(done())))
            .build();

    /** The order wizard: size, quantity, confirmation. */
    static final Dialog ORDER = Dialog.builder("order")
            .window(
                    Step.SIZE,
                    w -> w.text(say("Which pizza size?", "Welche Pizzagröße?"))
                            .add(Row.of(sizeButton(Size.S), sizeButton(Size.M), sizeButton(Size.L)))
                            .add(cancelButton()))
            .window(
                    Step.QUANTITY,
                    w -> w.sample(SIZE, Size.M)
                            .text(say(
                                    "Size {size}. How many pizzas? Type a number from 1 to " + MAX_QUANTITY + ".",
                                    "Größe {size}. Wie viele Pizzen? Gib eine Zahl von 1 bis " + MAX_QUANTITY
                                            + " ein."))
                            .text(say("(So far: {quantity})", "(Bisher: {quantity})")
                                    .when(ctx -> ctx.get(QUANTITY) != null))
                            .add(TextInput.text("quantity", (ctx, text) -> {
                                        Integer quantity = parseQuantity(text);
                                        return quantity == null
                                                ? stay().reply(refusal(shorten(text.strip()), language(ctx)))
                                                : next().with(QUANTITY, quantity);
                                    })
                                    .leadsTo(next()))
                            .add(Row.of(backButton(), cancelButton())))
            .window(
                    Step.CONFIRM,
                    // The order ends with an invoice in Telegram Stars; it goes to the kitchen once paid.
                    w -> w.sample(SIZE, Size.M)
                            .sample(QUANTITY, 2)
                            .invoice(Invoice.stars("Pizza", ctx -> order(ctx).describe(language(ctx)))
                                    .price("Pizza", ctx -> order(ctx).stars())
                                    .payLabel(ctx -> tr(ctx, "Pay ⭐", "Bezahlen ⭐"))
                                    .onPaid((ctx, payment) -> {
                                        Order order = order(ctx);
                                        // The thanks comes above the sticker the order's result starts.
                                        return done(order)
                                                .reply(tr(ctx, "Thanks! Paid ", "Danke! Bezahlt: ")
                                                        + payment.totalAmount() + " ⭐. "
                                                        + tr(ctx, "Your order: ", "Deine Bestellung: ")
                                                        + order.describe(language(ctx)));
                                    })
                                    .build())
                            .add(Row.of(backButton(), cancelButton())))
            .onStart(OrderBot::open)
            .build();

    /** The sticker a paid order ends with: a file of the demo's, uploaded once, then sent by its file_id. */
    static final InputFile THANKS_STICKER = InputFile.of(resource("thanks.webp"), "thanks.webp");

    /** The end of a paid order: the thanks, and a sticker with a button to order again. */
    static final Dialog THANKS = Dialog.builder("thanks")
            .window(
                    Thanks.STICKER,
                    w -> w.media(ctx -> Media.sticker(THANKS_STICKER))
                            .add(Button.of(
                                            "again",
                                            say("Order again", "Nochmal bestellen"),
                                            ctx -> start(ORDER, StartMode.RESET_STACK))
                                    .leadsTo(start(ORDER, StartMode.RESET_STACK))))
            .build();

    /** The window of {@link #THANKS}. */
    enum Thanks implements WindowId {
        STICKER
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = OrderBot.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name + " is missing from the demo's resources")
                    .readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The command list and help in English and German, from {@code dev/tgdialog/demo/texts_*.properties}. */
    static final TextBundle TEXTS = TextBundle.of("dev.tgdialog.demo.texts")
            .loader(OrderBot.class.getClassLoader())
            .translatedTo("de");

    // The commands as the menu lists them, in each language of the texts.
    static final Command START = command("start");
    static final Command BOOK = command("book");
    static final Command CATALOGUE = command("catalogue");
    static final Command SETTINGS_COMMAND = command("settings");
    static final Command REF = command("ref");
    static final Command HELP_COMMAND = command("help");
    static final Command GAME = command("game");

    /**
     * Registers the dialogs and commands on a bot builder, with the kitchen that takes confirmed orders and the
     * referral programme behind {@code /ref}; used for Telegram and for the offline console alike.
     */
    public static DialogBot.Builder configure(DialogBot.Builder bot, Kitchen kitchen, Referrals referrals) {
        Objects.requireNonNull(kitchen, "kitchen");
        Objects.requireNonNull(referrals, "referrals");
        return bot.dialogs(ORDER, THANKS, Catalogue.DIALOG, Booking.DIALOG, Menu.ME_TOO, Arcade.DIALOG, Builder.DIALOG)
                // @bot marg in any chat: the menu, and a card that counts who wants that pizza too.
                .inlineQueries(5, Menu.search())
                // Next to the input field: the menu of the declared commands; on the bot's page: what it does.
                .menuButton(MenuButtonCommands.of())
                .profile(p -> p.description("Order a pizza, book a room, or try every widget of tgdialog.")
                        .description(
                                "de", "Pizza bestellen, ein Zimmer buchen oder jedes Widget von tgdialog ausprobieren.")
                        .shortDescription("A tgdialog demo: pizza, rooms and widgets.")
                        .shortDescription("de", "Eine tgdialog-Demo: Pizza, Zimmer und Widgets."))
                // The order closes as the last dialog open, so its result comes here; a cancel returns none.
                .onResult(ORDER, Order.class, (ctx, order) -> {
                    if (order == null) {
                        return stay();
                    }
                    kitchen.place(order);
                    return start(THANKS, StartMode.NORMAL);
                })
                .command(START, (ctx, payload) -> start(ORDER, payload, StartMode.RESET_STACK))
                .deepLink(referrals.link(), (ctx, referrer) -> referred(ctx, referrals, referrer))
                .settings(SETTINGS_COMMAND, SETTINGS)
                .command(CATALOGUE, (ctx, args) -> start(Catalogue.DIALOG, StartMode.RESET_STACK))
                .command(BOOK, (ctx, args) -> start(Booking.DIALOG, StartMode.RESET_STACK))
                .command(GAME, (ctx, args) -> start(Arcade.DIALOG, StartMode.RESET_STACK))
                .command("builder", (ctx, args) -> start(Builder.DIALOG, StartMode.RESET_STACK))
                .command(REF, (ctx, args) -> {
                    long userId = ctx.userId();
                    ctx.send(tr(ctx, "Invite friends with your link:\n", "Lade Freunde mit deinem Link ein:\n")
                            + referrals.linkOf(userId)
                            + tr(ctx, "\nFriends who came by it: ", "\nFreunde, die so kamen: ")
                            + referrals.credits(userId));
                    return stay();
                })
                // Lists the commands declared for this chat, in the user's language, as Telegram's menu shows them.
                .help(HELP_COMMAND, TEXTS.format(Locale.ENGLISH, "help.heading"), TEXTS.translations("help.heading"))
                .onMessage(ctx -> {
                    if (ctx.dialogId() == null) {
                        ctx.send("I did not get that. Type /start to order a pizza, or /help.");
                    }
                    return stay();
                })
                .onError(Exception.class, (ctx, e) -> {
                    log.error("Handler failed in {}/{}", ctx.dialogId(), ctx.windowId(), e);
                    ctx.send("Sorry, something went wrong. Type /start to begin again.");
                });
    }

    /** A command described by its text {@code command.<name>} in each language. */
    private static Command command(String name) {
        return Command.builder(name).description(TEXTS, "command." + name).build();
    }

    /** A friend's referral link: credits the friend (once, never oneself), then starts an order as /start does. */
    private static Transition referred(DialogContext ctx, Referrals referrals, long referrer) {
        if (referrer == ctx.userId()) {
            ctx.send(tr(ctx, "That is your own link: share it with friends.", "Das ist dein eigener Link: teile ihn."));
        } else if (referrals.credit(referrer, ctx.userId())) {
            ctx.send(tr(ctx, "Welcome! Your friend's invitation counted.", "Willkommen! Die Einladung zählt."));
        }
        return start(ORDER, "", StartMode.RESET_STACK);
    }

    /** Starts an order as its deep-link payload says: {@code size_S|M|L} skips to the quantity. */
    private static Transition open(DialogContext ctx) {
        String payload = Objects.requireNonNullElse(ctx.input(String.class), "");
        for (Size size : Size.values()) {
            if (payload.equals("size_" + size)) {
                return switchTo(Step.QUANTITY).with(SIZE, size);
            }
        }
        return stay();
    }

    // The buttons declare where their handlers lead (leadsTo), for the transition map in the README.
    private static KeyboardWidget sizeButton(Size size) {
        return Button.of(
                        "size_" + size,
                        ctx -> (size == ctx.get(SIZE) ? "✓ " : "") + tr(ctx, size.english, size.deutsch),
                        ctx -> next().with(SIZE, size))
                .leadsTo(next());
    }

    private static KeyboardWidget backButton() {
        return Button.of("back", say("« Back", "« Zurück"), ctx -> back()).leadsTo(back());
    }

    private static KeyboardWidget cancelButton() {
        return Button.of(
                        "cancel",
                        say("Cancel", "Abbrechen"),
                        ctx -> done().saying(tr(ctx, "Order cancelled.", "Bestellung abgebrochen.")))
                .leadsTo(done());
    }

    /** The quantity typed, or null when it is not a whole number from 1 to {@value #MAX_QUANTITY}. */
    static @Nullable Integer parseQuantity(String typed) {
        String text = typed.strip();
        if (!text.matches(NUMBER)) {
            return null;
        }
        BigInteger n = new BigInteger(text);
        return n.signum() > 0 && n.compareTo(BigInteger.valueOf(MAX_QUANTITY)) <= 0 ? n.intValue() : null;
    }

    /** What is wrong with a refused quantity, in the author's words (never a parser's exception text). */
    static String refusal(String typed, Language language) {
        boolean de = language == Language.DE;
        if (!typed.matches(NUMBER)) {
            return de ? "⚠ „" + typed + "“ ist keine Zahl." : "⚠ \"" + typed + "\" is not a number.";
        }
        if (new BigInteger(typed).signum() <= 0) {
            return de ? "⚠ " + typed + " ist zu wenig." : "⚠ " + typed + " is too few.";
        }
        return de
                ? "⚠ " + typed + " ist zu viel, höchstens " + MAX_QUANTITY + "."
                : "⚠ " + typed + " is too many, " + MAX_QUANTITY + " at most.";
    }

    /** Refused text is repeated to the user, so a pasted novel is cut to keep the window readable. */
    private static String shorten(String typed) {
        return typed.length() <= 30 ? typed : typed.substring(0, 29) + "…";
    }

    private static Order order(DialogContext ctx) {
        return new Order(ctx.require(SIZE), ctx.require(QUANTITY));
    }

    /** The user's language: the one they picked in the settings, else their Telegram app's when it is German. */
    static Language language(DialogContext ctx) {
        return ctx.language().map(Locale::getLanguage).filter("de"::equals).isPresent() ? Language.DE : Language.EN;
    }

    private static String tr(DialogContext ctx, String english, String deutsch) {
        return language(ctx) == Language.DE ? deutsch : english;
    }

    /** A text in the user's language; {@code {name}} placeholders are filled from the dialog's data. */
    private static TextWidget say(String english, String deutsch) {
        TextWidget en = Text.format(english);
        TextWidget de = Text.format(deutsch);
        return ctx -> (language(ctx) == Language.DE ? de : en).render(ctx);
    }
}
