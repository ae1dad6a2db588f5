package dev.tgdialog;

import dev.tgdialog.events.BotEvents;
import dev.tgdialog.internal.GuardedEvents;
import dev.tgdialog.internal.engine.Engine;
import dev.tgdialog.internal.engine.EngineConfig;
import dev.tgdialog.internal.engine.HandlerThreads;
import dev.tgdialog.internal.engine.TypedResult;
import dev.tgdialog.internal.publish.CommandPublisher;
import dev.tgdialog.internal.publish.MenuButtonPublisher;
import dev.tgdialog.internal.publish.ProfilePublisher;
import dev.tgdialog.internal.store.ObservedStackStore;
import dev.tgdialog.links.DeepLink;
import dev.tgdialog.links.DeepLinkHandler;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.MenuButtonUnknown;
import dev.tgdialog.telegram.types.MenuButtonWebApp;
import dev.tgdialog.updates.LongPolling;
import dev.tgdialog.updates.UpdateHandler;
import dev.tgdialog.updates.UpdateKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Telegram bot made of dialogs: it routes every update of a user to the window that user is in, runs the
 * handlers, renders the result and keeps each user's stack of open dialogs. Feed it updates through
 * {@link #handler()} (long polling via {@link #start()}, a webhook, or the test harness). Thread-safe.
 *
 * <pre>{@code
 * DialogBot bot = DialogBot.builder(TelegramClient.create(token))
 *     .dialogs(ORDER)
 *     .command("start", (ctx, args) -> Transition.start(ORDER, StartMode.RESET_STACK))
 *     .build()
 *     .start();
 * }</pre>
 */
public final class DialogBot {
    private final Engine engine;
    private final TelegramClient telegram;
    private final List<String> allowedUpdates;
    private final @Nullable ExecutorService ownedExecutor;
    private final List<Runnable> publishers;
    private final List<Dialog> dialogs;
    private @Nullable LongPolling polling;

    private DialogBot(
            Engine engine,
            TelegramClient telegram,
            List<String> allowedUpdates,
            @Nullable ExecutorService ownedExecutor,
            List<Runnable> publishers,
            List<Dialog> dialogs) {
        this.engine = engine;
        this.dialogs = dialogs;
        this.telegram = telegram;
        this.allowedUpdates = allowedUpdates;
        this.ownedExecutor = ownedExecutor;
        this.publishers = publishers;
    }

    /** Starts configuring a bot that talks to Telegram through this client. */
    public static Builder builder(TelegramClient telegram) {
        return new Builder(telegram);
    }

    /** Where updates go in: hand it to {@link LongPolling}, a {@code WebhookServer}, or call it yourself. */
    public UpdateHandler handler() {
        return engine;
    }

    /** The dialogs registered with this bot, in the order registered (for previews and maps of the bot). */
    public List<Dialog> dialogs() {
        return dialogs;
    }

    /** The update kinds this bot handles, for {@code allowed_updates}. */
    public List<String> allowedUpdates() {
        return allowedUpdates;
    }

    /**
     * Publishes what the bot declares about itself to Telegram: the commands per scope and language (deleting those
     * published before and no longer declared), the {@link Builder#profile profile} and the
     * {@link Builder#menuButton menu button}, each written only where it differs from what Telegram holds; nothing
     * when {@link Builder#publish publish(false)}. {@link #start()} calls it; a bot fed by a webhook calls it once as
     * it starts. A failure is logged at WARN, never thrown: the bot works with a stale command list or profile.
     */
    public void publish() {
        publishers.forEach(Runnable::run);
    }

    /**
     * Publishes the declarations ({@link #publish()}), then receives updates with long polling until {@link #stop()}.
     * The poller is a daemon thread, so a {@code main} with nothing else to do waits on {@link #terminated()}.
     */
    public synchronized DialogBot start() {
        if (polling != null) {
            throw new IllegalStateException("the bot was already started");
        }
        publish();
        polling = LongPolling.builder(telegram, engine)
                .allowedUpdates(allowedUpdates)
                .build()
                .start();
        return this;
    }

    /** Stops long polling (letting the updates in hand finish) and the threads the bot made. */
    public synchronized void stop() {
        if (polling != null) {
            polling.stop();
            polling = null;
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /** Completes when long polling ends; exceptionally when Telegram ended it (a bad token, a second poller). */
    public synchronized CompletableFuture<Void> terminated() {
        if (polling == null) {
            throw new IllegalStateException("the bot is not polling");
        }
        return polling.terminated();
    }

    /**
     * Acts on a user's dialogs from outside an update (a scheduler, another service): the action runs in the
     * user's top dialog, after the updates of that user already in line, and its transition shows like any other
     * (it edits the last message, or sends one when a dialog starts).
     */
    public Background forUser(long chatId, long userId) {
        return new Background(engine, chatId, userId);
    }

    /**
     * Forgets a user, for a privacy request: every stack of theirs, in their private chat and in groups, is deleted
     * from the store. Completes with how many stacks went, after the updates of theirs already in line.
     */
    public CompletableFuture<Integer> forgetUser(long userId) {
        return engine.forgetUser(userId);
    }

    /**
     * Actions on one user's dialogs from outside an update; each returns when the change is saved and shown (or,
     * while the chat is in flood wait, queued to be shown). For a user known to have blocked the bot they fail at
     * once with {@link dev.tgdialog.telegram.TelegramException.Forbidden}, without a call to Telegram.
     */
    public static final class Background {
        private final Engine engine;
        private final long chatId;
        private final long userId;

        private Background(Engine engine, long chatId, long userId) {
            this.engine = engine;
            this.chatId = chatId;
            this.userId = userId;
        }

        /** Starts a dialog on top of the user's current one (or as the first). */
        public CompletableFuture<Void> start(Dialog dialog) {
            return run(ctx -> Transition.start(dialog).show(ShowMode.SEND));
        }

        /** Starts a dialog this way ({@link StartMode#RESET_STACK} to replace what the user has open), with no input. */
        public CompletableFuture<Void> start(Dialog dialog, StartMode mode) {
            return start(dialog, null, mode);
        }

        /** Starts a dialog with an input and a start mode. */
        public CompletableFuture<Void> start(Dialog dialog, @Nullable Object input, StartMode mode) {
            return run(ctx -> Transition.start(dialog, input, mode).show(ShowMode.SEND));
        }

        /** Shows another window of the user's top dialog. */
        public CompletableFuture<Void> switchTo(WindowId window) {
            return run(ctx -> Transition.switchTo(window));
        }

        /** Runs any handler in the user's top dialog, for example to update its data and re-render. */
        public CompletableFuture<Void> run(DialogHandler action) {
            return engine.background(chatId, userId, action);
        }
    }

    /** Settings of a {@link DialogBot}; mistakes fail in {@link #build()}. */
    public static final class Builder {
        private final TelegramClient telegram;
        private final Map<String, Dialog> dialogs = new LinkedHashMap<>();
        private final Map<String, CommandHandler> commands = new LinkedHashMap<>();
        private final Map<String, StartRoutes.Route<?>> deepLinks = new LinkedHashMap<>();
        private final Map<String, Command> declaredCommands = new LinkedHashMap<>();
        private @Nullable Help help;
        private final BotProfile.Builder profile = new BotProfile.Builder();
        private @Nullable MenuButton menuButton;
        private final Map<Long, MenuButton> chatMenuButtons = new LinkedHashMap<>();
        private boolean publish = true;
        private final List<EngineConfig.ErrorRoute<?>> errorHandlers = new ArrayList<>();
        private @Nullable DialogHandler onMessage;
        private @Nullable DialogHandler onCallback;
        private @Nullable DialogHandler onUpdate;
        private StackStore store = StackStore.inMemory(Duration.ofDays(7));
        private @Nullable UpdateIsolation isolation;
        private @Nullable Executor executor;
        private TimeSource time = TimeSource.system();
        private String staleToast = "This button is no longer active";
        private String notYoursToast = "This menu belongs to someone else";
        private String unavailableToast = "Temporarily unavailable, please try again in a moment";
        private boolean sharedGroupStacks;
        private int maxDepth = 16;
        private @Nullable Dialog rootDialog;
        private String resetMessage = "This menu has changed since you last used it. Let's start over.";
        private @Nullable String username;
        private boolean parallelAnswers;
        private Duration checkoutBudget = Duration.ofSeconds(8);
        private Duration albumWait = Duration.ofSeconds(1);
        private String checkoutTimeoutText = "Sorry, the shop did not answer in time. Please try again.";
        private String closedInvoiceText = "This invoice is no longer valid. Please ask for a new one.";
        private dev.tgdialog.payments.@Nullable PaymentHandler onPayment;
        private final Map<String, EngineConfig.InvoiceLinkRoute> invoiceLinks = new LinkedHashMap<>();
        private EngineConfig.@Nullable InlineRoute inline;
        private dev.tgdialog.inline.@Nullable ChosenResultHandler onChosenResult;
        private java.util.function.@Nullable Predicate<DialogContext> inlineAccess;
        private final Map<String, TypedResult<?>> rootResults = new LinkedHashMap<>();
        private final List<Consumer<Step>> stepListeners = new ArrayList<>();
        private BotEvents events = BotEvents.NONE;

        private Builder(TelegramClient telegram) {
            this.telegram = Objects.requireNonNull(telegram, "telegram");
        }

        /** Registers dialogs; a dialog must be registered to be started. */
        public Builder dialogs(Dialog... dialogs) {
            for (Dialog dialog : dialogs) {
                Dialog before = this.dialogs.putIfAbsent(dialog.id(), dialog);
                if (before != null && before != dialog) {
                    throw new IllegalArgumentException("two dialogs have the id " + dialog.id());
                }
            }
            return this;
        }

        /**
         * Handles {@code /name} (also {@code /name@thisbot} and {@code /name payload}), inside a dialog or not. Such
         * a command is not published: users do not see it in the command list.
         */
        public Builder command(String name, CommandHandler handler) {
            Command.checkName(name);
            commands.put(name, Objects.requireNonNull(handler, "handler"));
            declaredCommands.remove(name);
            replacesHelp(name);
            return this;
        }

        /** Handles {@code /name} and lists it with this description for every user ({@link Command#of}). */
        public Builder command(String name, String description, CommandHandler handler) {
            return command(Command.of(name, description), handler);
        }

        /**
         * Handles the command and lists it in its scopes and languages; {@link #build()} checks that no scope lists
         * more than {@link dev.tgdialog.telegram.Limits#COMMANDS} commands.
         */
        public Builder command(Command command, CommandHandler handler) {
            commands.put(command.name(), Objects.requireNonNull(handler, "handler"));
            declaredCommands.put(command.name(), command);
            replacesHelp(command.name());
            return this;
        }

        /**
         * How long a pre-checkout handler may take before the engine answers Telegram "no" itself (8 s by default;
         * Telegram waits 10 s and then fails the payment), with {@code text} as the reason the user reads. A decision
         * after that is logged and dropped, and the user may pay again.
         */
        public Builder checkoutBudget(Duration budget, String text) {
            if (budget.isNegative() || budget.isZero() || budget.compareTo(Duration.ofSeconds(10)) >= 0) {
                throw new IllegalArgumentException(
                        "the checkout budget is more than 0 and less than Telegram's 10 s, was " + budget);
            }
            this.checkoutBudget = budget;
            this.checkoutTimeoutText = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * How long the bot waits after a part of an album a user sends for the next part (1 s by default): Telegram
         * delivers each photo of an album as an update of its own, and the window takes the album once, as one list,
         * when no part came for this long (or at its tenth part). The parts are gathered in this process, so behind a
         * load balancer a user's updates must reach one instance for their albums to arrive whole.
         */
        public Builder albumWait(Duration wait) {
            if (wait.isNegative() || wait.isZero() || wait.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("the album wait is more than 0 and at most 10 s, was " + wait);
            }
            this.albumWait = wait;
            return this;
        }

        /**
         * What the user reads when they pay an invoice whose dialog has closed meanwhile ({@code "This invoice is no
         * longer valid. Please ask for a new one."} by default): the payment is refused before they are charged.
         */
        public Builder closedInvoiceText(String text) {
            this.closedInvoiceText = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * Takes the payments no open dialog claims: one for an invoice whose dialog closed between the pre-checkout
         * and the payment, or for an invoice the bot sent itself. Runs once per charge, like a dialog's
         * {@code onPaid}; without it such a payment is logged at ERROR (the money arrived and nothing acted on it).
         */
        public Builder onPayment(dev.tgdialog.payments.PaymentHandler handler) {
            this.onPayment = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers inline queries ({@code @bot query} in any chat) 20 results a page; see
         * {@link #inlineQueries(int, dev.tgdialog.inline.InlineHandler)}.
         */
        public Builder inlineQueries(dev.tgdialog.inline.InlineHandler handler) {
            return inlineQueries(20, handler);
        }

        /**
         * Answers inline queries, {@code pageSize} results a page (1–50): the handler gets the offset and limit of the
         * page asked for and gives at most that many results; the engine answers with {@code next_offset} so that a
         * full page leads to the next one as the user scrolls, and with no results (logged) when the handler fails.
         * Turn inline mode on at BotFather ({@code /setinline}).
         */
        public Builder inlineQueries(int pageSize, dev.tgdialog.inline.InlineHandler handler) {
            if (pageSize < 1 || pageSize > 50) {
                throw new IllegalArgumentException("Telegram takes 1-50 inline results a page, not " + pageSize);
            }
            this.inline = new EngineConfig.InlineRoute(pageSize, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Who may click the buttons of a dialog on an inline message ({@link DialogContext#inlineDialog}): everyone who
         * sees it by default; with this, those for whom {@code mayClick} holds, asked with the context of the click
         * (its user, and the dialog's data, say the id of the user who started a poll). Others get the
         * {@link #notYoursToast} answer and change nothing.
         */
        public Builder inlineAccess(java.util.function.Predicate<DialogContext> mayClick) {
            this.inlineAccess = Objects.requireNonNull(mayClick, "mayClick");
            return this;
        }

        /**
         * Learns which inline result a user chose (with inline feedback on at BotFather: {@code /setinlinefeedback}).
         */
        public Builder onChosenInlineResult(dev.tgdialog.inline.ChosenResultHandler handler) {
            this.onChosenResult = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Takes the invoice links ({@link DialogContext#invoiceLink}) whose payload starts with {@code payloadPrefix}
         * (the longest matching prefix wins): {@code check} decides each pre-checkout (null: always yes), answered
         * within the checkout budget like a dialog's, and {@code paid} acts on each payment once per charge, in the
         * payer's private chat (a Stars subscription's renewals come here too). Such a link is paid by anyone,
         * anywhere, so no dialog is involved.
         */
        public Builder invoiceLinks(
                String payloadPrefix,
                dev.tgdialog.payments.@Nullable PreCheckoutHandler check,
                dev.tgdialog.payments.PaymentHandler paid) {
            if (payloadPrefix.isEmpty() || payloadPrefix.startsWith("tgd1|")) {
                throw new IllegalArgumentException("an invoice link prefix is not empty and not the engine's own");
            }
            invoiceLinks.put(payloadPrefix, new EngineConfig.InvoiceLinkRoute(check, Objects.requireNonNull(paid)));
            return this;
        }

        /**
         * Declares {@code command} (listed and published like any other) as the way to a settings dialog, and
         * registers {@code dialog}: the command opens it as a child of whatever the user has open, so when it
         * finishes ({@link Transition#done()}) the dialog below shows again, redrawn with what changed (in the
         * language just {@linkplain DialogContext#pickLanguage picked}, say); with nothing open it runs alone. Sent
         * while the settings are on top, the command shows them again rather than stacking a second copy. This is the
         * convention for settings; their own changes go where they outlive dialogs (a picked language is kept per user).
         */
        public Builder settings(Command command, Dialog dialog) {
            dialogs(dialog);
            return command(
                    command,
                    (ctx, args) -> dialog.id().equals(ctx.dialogId()) ? Transition.stay() : Transition.start(dialog));
        }

        /**
         * Declares {@code command} (listed and published like any other) and answers it with the commands this user
         * sees in this chat's command list, in their language: {@code heading}, then a line {@code /order — Order a
         * pizza} for each, as plain text. The list is the one Telegram shows them, found as the Bot API documents
         * (for a group: the member's scope, the chat's, all groups, the default; the first with commands wins), except
         * that administrator scopes are skipped because an update does not say who is an administrator.
         *
         * <pre>{@code
         * .help(Command.builder("help").description("What I can do").description("de", "Was ich kann").build(),
         *     "Commands you can use:", Map.of("de", "Das kannst du tun:"))
         * }</pre>
         *
         * @param headings the heading by language code, for users whose language has one
         */
        public Builder help(Command command, String heading, Map<String, String> headings) {
            headings.keySet().forEach(language -> {
                if (!Command.LANGUAGE.matcher(language).matches()) {
                    throw new IllegalArgumentException("help /" + command.name()
                            + ": a language code is two letters a-z (ISO 639-1), was \"" + language + "\"");
                }
            });
            declaredCommands.put(command.name(), command);
            commands.remove(command.name());
            this.help = new Help(command.name(), Objects.requireNonNull(heading, "heading"), Map.copyOf(headings));
            return this;
        }

        /** As {@link #help(Command, String, Map)}, with the same heading for every language. */
        public Builder help(Command command, String heading) {
            return help(command, heading, Map.of());
        }

        /** Another handler for the help command's name replaces the generated help. */
        private void replacesHelp(String name) {
            if (help != null && help.name().equals(name)) {
                help = null;
            }
        }

        /**
         * Declares the bot's name, description and short description, by language ({@link BotProfile}); a text
         * never declared stays as BotFather set it, one published before and no longer declared is removed (set to
         * {@code ""}) at the next start. May be called more than once: texts add up, a later one for the same
         * field and language wins. {@link #build()} checks the lengths.
         *
         * <pre>{@code
         * .profile(p -> p.name("Pizza Bot").name("de", "Pizzabot")
         *     .description("Order a pizza in three taps.")
         *     .shortDescription("Pizza, fast"))
         * }</pre>
         */
        public Builder profile(Consumer<BotProfile.Builder> declarations) {
            declarations.accept(profile);
            return this;
        }

        /**
         * Declares the bot's default menu button, the one beside the input field of every private chat without a
         * button of its own: {@code MenuButtonCommands.of()} (the command list), {@code MenuButtonWebApp.of(text,
         * new WebAppInfo(url))} (opens a Mini App) or {@code MenuButtonDefault.of()} (Telegram's default). Never
         * declared, it stays as it is; published before and no longer declared, it is reset to the default.
         */
        public Builder menuButton(MenuButton button) {
            this.menuButton = Objects.requireNonNull(button, "button");
            return this;
        }

        /**
         * Declares the menu button of one private chat (the chat of user {@code chatId}), which shows there instead
         * of the default one: for a user who gets a Mini App of their own, say. Published like the default button;
         * published before and no longer declared, it is reset to the default.
         *
         * @throws IllegalArgumentException when {@code chatId} is no private chat's (not a user id, which is positive)
         */
        public Builder menuButton(long chatId, MenuButton button) {
            if (chatId <= 0) {
                throw new IllegalArgumentException(
                        "a chat's own menu button is for a private chat, whose id is the user's (positive), not "
                                + chatId);
            }
            chatMenuButtons.put(chatId, Objects.requireNonNull(button, "button"));
            return this;
        }

        /**
         * Whether {@link DialogBot#publish()} (and so {@link DialogBot#start()}) publishes the declared commands,
         * profile and menu button; on by default. Off when another instance of the bot publishes them. One switch for
         * all: what was never declared is never touched, so leaving a kind to BotFather means not declaring it.
         */
        public Builder publish(boolean publish) {
            this.publish = publish;
            return this;
        }

        /**
         * Handles {@code /start <payload>} for this kind of deep link with the value its payload carries; a payload
         * that is broken or forged is answered with the link's {@link DeepLink#refusal()}. {@code /start} with no
         * payload, or one of no registered kind, goes to the {@code start} command.
         */
        public <T> Builder deepLink(DeepLink<T> link, DeepLinkHandler<T> handler) {
            StartRoutes.Route<?> before = deepLinks.putIfAbsent(
                    link.prefix(), new StartRoutes.Route<>(link, Objects.requireNonNull(handler)));
            if (before != null) {
                throw new IllegalArgumentException("two deep links have the prefix " + link.prefix());
            }
            return this;
        }

        /** Handles messages that no command and no input widget of the current window took. */
        public Builder onMessage(DialogHandler handler) {
            this.onMessage = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Handles clicks on buttons the engine did not make (callback data of your own). */
        public Builder onCallback(DialogHandler handler) {
            this.onCallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Handles every other update (inline queries, payments, member changes, …); it runs outside any dialog and
         * its transition is ignored.
         */
        public Builder onUpdate(DialogHandler handler) {
            this.onUpdate = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Receives the typed result of {@code dialog} when it finishes as the last open dialog (no parent to take
         * it): store an order, start the next dialog, …
         */
        public <R> Builder onResult(Dialog dialog, Class<R> type, ResultHandler<R> handler) {
            rootResults.put(dialog.id(), new TypedResult<>(type, handler));
            return this;
        }

        /** Handles exceptions of this type (the most specific registered type wins) thrown by handlers. */
        public <E extends Throwable> Builder onError(Class<E> type, ErrorHandler<E> handler) {
            errorHandlers.add(new EngineConfig.ErrorRoute<>(type, handler));
            return this;
        }

        /**
         * Tells {@code listener} each {@link Step} of a stack's top window, once the update that made it is saved (on
         * the thread that finished the update; a listener that throws is logged and ignored). The test harness records
         * steps with it for the transition map; listeners add up.
         */
        public Builder onStep(Consumer<Step> listener) {
            stepListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Tells {@code listener} what the bot does ({@link BotEvents}): updates handled, clicks refused, dialogs
         * started and finished, stack reads and writes, errors, and every Bot API call the bot makes, as the bot runs
         * its calls through {@code telegram.withEvents(listener)} (the same connections; this listener replaces one set
         * on the client with {@code TelegramClient.Builder.events}). A listener that throws is logged once and
         * ignored. None by default, and then nothing is measured. The last one set wins; to feed several, write one
         * listener that calls them.
         *
         * @param listener the listener, or {@link BotEvents#NONE} for none
         * @return this builder
         */
        public Builder events(BotEvents listener) {
            this.events = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where stacks are kept; in memory for 7 days by default. */
        public Builder store(StackStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** How one user's updates are kept in order; in-process by default. */
        public Builder isolation(UpdateIsolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /**
         * Where handlers run. By default a new virtual thread per task on Java 21 and later, and 16 daemon threads on
         * Java 17 to 20; either is shut down by {@link DialogBot#stop()}, an executor given here is not.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The clock handlers see; a test passes a fake. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** What a click on an out-of-date or forged button shows. */
        public Builder staleToast(String text) {
            this.staleToast = Objects.requireNonNull(text, "text");
            return this;
        }

        /** What a group member sees when clicking another member's dialog. */
        public Builder notYoursToast(String text) {
            this.notYoursToast = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * The toast a click gets while the stack store cannot be reached; the click is not applied (the user can
         * press again), while a message is left for Telegram to deliver again once the store is back.
         */
        public Builder unavailableToast(String text) {
            this.unavailableToast = Objects.requireNonNull(text, "text");
            return this;
        }

        /** In groups, one stack the whole chat shares instead of one per member. */
        public Builder sharedGroupStacks(boolean shared) {
            this.sharedGroupStacks = shared;
            return this;
        }

        /** The most dialogs one stack may hold; 16 by default. */
        public Builder maxDepth(int maxDepth) {
            if (maxDepth < 1) {
                throw new IllegalArgumentException("maxDepth must be at least 1");
            }
            this.maxDepth = maxDepth;
            return this;
        }

        /**
         * What happens when a stored stack names a dialog or window the bot no longer has (renamed in code): the
         * stack is cleared, {@code message} is sent, and {@code root} (if not null) is started.
         */
        public Builder onUnknownState(String message, @Nullable Dialog root) {
            this.resetMessage = Objects.requireNonNull(message, "message");
            this.rootDialog = root;
            return this;
        }

        /**
         * Whether a click's answer (answerCallbackQuery) is sent in parallel with the edit that shows the result,
         * instead of just before it (the default). In parallel the new window appears one network round trip
         * sooner, at the cost of a second thread per click; in order, a click takes one thread and less CPU. Either
         * way the answer goes out before the window.
         */
        public Builder answerInParallel(boolean parallel) {
            this.parallelAnswers = parallel;
            return this;
        }

        /** The bot's username, to tell {@code /cmd@thisbot} from commands for other bots in groups. */
        public Builder username(String username) {
            this.username = username.startsWith("@") ? username.substring(1) : username;
            return this;
        }

        public DialogBot build() {
            BotEvents listener = GuardedEvents.of(events);
            // Shadows the field on purpose: every call the bot makes (engine, publishers, polling) reports to the
            // listener.
            TelegramClient telegram = listener == BotEvents.NONE ? this.telegram : this.telegram.withEvents(listener);
            CommandPublisher commandPublisher =
                    new CommandPublisher(telegram, store, telegram.botId(), declaredCommands.values());
            ProfilePublisher profilePublisher =
                    new ProfilePublisher(telegram, store, telegram.botId(), profile.build());
            chatMenuButtons.values().forEach(Builder::checked);
            MenuButtonPublisher menuButtonPublisher = new MenuButtonPublisher(
                    telegram,
                    store,
                    telegram.botId(),
                    menuButton == null ? null : checked(menuButton),
                    new LinkedHashMap<>(chatMenuButtons));
            List<Runnable> publishers =
                    List.of(commandPublisher::publish, profilePublisher::publish, menuButtonPublisher::publish);
            ExecutorService owned = null;
            Executor run = executor;
            if (run == null) {
                owned = HandlerThreads.newDefault();
                run = owned;
            }
            if (rootDialog != null) {
                dialogs(rootDialog);
            }
            EngineConfig config = new EngineConfig(
                    telegram,
                    telegram.botId(),
                    username,
                    listener == BotEvents.NONE ? store : new ObservedStackStore(store, listener, time),
                    isolation != null ? isolation : UpdateIsolation.inProcess(run),
                    run,
                    time,
                    Map.copyOf(dialogs),
                    StartRoutes.commands(withHelp(), deepLinks),
                    onMessage,
                    onCallback,
                    onUpdate,
                    List.copyOf(errorHandlers),
                    staleToast,
                    notYoursToast,
                    unavailableToast,
                    sharedGroupStacks,
                    maxDepth,
                    rootDialog,
                    resetMessage,
                    parallelAnswers,
                    Map.copyOf(rootResults),
                    checkoutBudget,
                    checkoutTimeoutText,
                    closedInvoiceText,
                    onPayment,
                    Map.copyOf(invoiceLinks),
                    inline,
                    onChosenResult,
                    inlineAccess,
                    albumWait,
                    List.copyOf(stepListeners),
                    listener);
            List<String> allowed;
            if (onUpdate != null) {
                allowed = UpdateKinds.defaults();
            } else {
                List<String> kinds = new ArrayList<>(List.of("message", "callback_query"));
                if (sellsAnything()) {
                    kinds.addAll(List.of("pre_checkout_query", "shipping_query"));
                }
                if (inline != null) {
                    kinds.add("inline_query");
                }
                if (onChosenResult != null) {
                    kinds.add("chosen_inline_result");
                }
                if (dialogs.values().stream().anyMatch(d -> d.windows.stream().anyMatch(w -> w.poll != null))) {
                    kinds.add("poll_answer");
                }
                allowed = List.copyOf(kinds);
            }
            return new DialogBot(
                    new Engine(config),
                    telegram,
                    allowed,
                    owned,
                    publish ? publishers : List.of(),
                    List.copyOf(dialogs.values()));
        }

        /** Whether a window shows an invoice, or the bot takes payments of its own. */
        private boolean sellsAnything() {
            return onPayment != null
                    || !invoiceLinks.isEmpty()
                    || dialogs.values().stream()
                            .anyMatch(d -> d.windows.stream().anyMatch(w -> w.invoice != null));
        }

        private Map<String, CommandHandler> withHelp() {
            Help declared = help;
            if (declared == null) {
                return commands;
            }
            Map<String, CommandHandler> all = new LinkedHashMap<>(commands);
            all.put(
                    declared.name(),
                    new HelpCommand(declaredCommands.values(), declared.heading(), declared.headings()));
            return all;
        }

        /** The settings of {@link #help}. */
        private record Help(String name, String heading, Map<String, String> headings) {}

        private static MenuButton checked(MenuButton button) {
            if (button instanceof MenuButtonUnknown) {
                throw new IllegalArgumentException("menu button of unknown type \"" + button.type() + "\"");
            }
            if (button instanceof MenuButtonWebApp webApp) {
                // The URL is left to Telegram: https, but http on the test server.
                if (webApp.text().isEmpty() || webApp.webApp().url().isEmpty()) {
                    throw new IllegalArgumentException("menu button: a web app button needs a text and a URL");
                }
            }
            return button;
        }
    }

    /** Asks Telegram for the bot's username (one getMe call); for {@link Builder#username}. */
    public static String usernameOf(TelegramClient telegram) {
        return Objects.requireNonNull(telegram.execute(GetMe.of()).username(), "the bot has no username");
    }
}
