package dev.tgdialog.internal.engine;

import dev.tgdialog.CommandHandler;
import dev.tgdialog.Dialog;
import dev.tgdialog.DialogContext;
import dev.tgdialog.DialogHandler;
import dev.tgdialog.ErrorHandler;
import dev.tgdialog.KeyboardKind;
import dev.tgdialog.ShowMode;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.Window;
import dev.tgdialog.events.BotEvents;
import dev.tgdialog.events.ClickRejection;
import dev.tgdialog.events.ErrorKind;
import dev.tgdialog.events.UpdateOutcome;
import dev.tgdialog.games.Game;
import dev.tgdialog.games.GameMessage;
import dev.tgdialog.inline.ChosenResultHandler;
import dev.tgdialog.inline.InlineAnswer;
import dev.tgdialog.inline.InlineDialogMessage;
import dev.tgdialog.inline.InlineRequest;
import dev.tgdialog.internal.Failures;
import dev.tgdialog.payments.Checkout;
import dev.tgdialog.payments.PaymentHandler;
import dev.tgdialog.payments.PreCheckoutHandler;
import dev.tgdialog.payments.Shipping;
import dev.tgdialog.payments.ShippingHandler;
import dev.tgdialog.polls.PollStep;
import dev.tgdialog.spi.InputWidget;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.Widget;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.QueueFullException;
import dev.tgdialog.store.ShownMessage;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.RetryPolicy;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.AnswerInlineQuery;
import dev.tgdialog.telegram.methods.AnswerShippingQuery;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.ChosenInlineResult;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.InlineQuery;
import dev.tgdialog.telegram.types.InputTextMessageContent;
import dev.tgdialog.telegram.types.MaybeInaccessibleMessage;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.PollAnswer;
import dev.tgdialog.telegram.types.PreCheckoutQuery;
import dev.tgdialog.telegram.types.ShippingQuery;
import dev.tgdialog.telegram.types.SuccessfulPayment;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.updates.UpdateHandler;
import dev.tgdialog.updates.UpdateKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The pipeline of one update: key, isolation, one load, route, transition, one render, present, answer, one save.
 * Author exceptions go to the error handlers and leave the stack as it was; store failures fail the returned stage
 * so intake delivers the update again.
 */
public final class Engine implements UpdateHandler {
    private static final Definitions DEFS = Definitions.get();
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final Dialogs dialogs;
    private final Ctx.Shared contexts;
    private final Languages languages;
    private final Presenter presenter;
    /** The bot's listener; {@link BotEvents#NONE} when it has none, and then nothing is measured. */
    private final BotEvents events;

    /** The engine's calls to chats, queued per chat while a chat is in flood wait. */
    private final Outbox outbox;

    public Engine(EngineConfig config) {
        this.config = config;
        this.events = config.events();
        this.dialogs = new Dialogs(config.dialogs());
        this.languages = new Languages(config.store(), config.botId());
        this.contexts = new Ctx.Shared(
                config.telegram(),
                config.time(),
                dialogs,
                languages,
                new UserValues(config.store(), config.botId()),
                new InvoiceLinks(config.telegram()),
                this::inlineTemplate);
        RetryPolicy policy = config.telegram().retryPolicy();
        // The engine waits out a 429 itself, per chat and without a thread; its clients throw one at once.
        TelegramClient direct = config.telegram()
                .withRetryPolicy(new RetryPolicy(
                        policy.deadline(),
                        java.time.Duration.ZERO,
                        policy.initialBackoff(),
                        policy.maxBackoff(),
                        policy.jitter()));
        this.outbox = new Outbox(direct::execute, config.time(), config.executor(), policy, this::blocked);
        // An answer later than Telegram's answer window is refused anyway: no repeat goes on past it.
        Duration window = policy.deadline().compareTo(Limits.CALLBACK_QUERY_ANSWER_WINDOW) < 0
                ? policy.deadline()
                : Limits.CALLBACK_QUERY_ANSWER_WINDOW;
        this.answers = config.telegram()
                .withRetryPolicy(new RetryPolicy(
                        window,
                        java.time.Duration.ZERO,
                        policy.initialBackoff(),
                        policy.maxBackoff(),
                        policy.jitter()));
        this.payments = new Payments(
                config.store(),
                config.botId(),
                answers,
                config.time(),
                config.checkoutBudget(),
                config.checkoutTimeoutText(),
                events);
        // Weak keys: an upload is remembered while something (a window definition) still holds it.
        this.presenter = new Presenter(
                contexts,
                outbox,
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                        .weakKeys()
                        .maximumSize(10_000)
                        .build(),
                new ShownCorrections(config.isolation(), config.store()),
                payments);
        this.albums = new Albums(config.time(), config.albumWait(), this::album);
    }

    /** The albums users are sending, gathered part by part. */
    private final Albums albums;

    private final Payments payments;

    /** The bot's client for click answers: no wait on a 429, no repeat past the answer window. */
    private final TelegramClient answers;

    /** Where an update goes: its stack key and what was read off the update to get there. */
    private record Route(
            StackKey key,
            @Nullable User user,
            long chatId,
            @Nullable CallbackQuery callback,
            CallbackData.@Nullable Decoded decoded,
            String ownerTag,
            boolean notYours,
            @Nullable String inlineMessageId) {}

    /** The stack id prefix of the templates inline dialog messages are made from. */
    private static final String TEMPLATE = "t";
    /** The stack id prefix of an inline message's own stack. */
    private static final String INLINE = "i";
    /** The chat the templates are kept under: none of Telegram's, which are far nearer zero. */
    private static final long TEMPLATE_CHAT = -(1L << 62);

    /** A stand-in chat for an inline message, which has none: its own, for its stack key and its calls' queue. */
    private static long inlineChat(String inlineMessageId) {
        return TEMPLATE_CHAT - 1 - (inlineMessageId.hashCode() & 0xffffffffL);
    }

    /**
     * The message of an inline result that sends {@code dialog}: its first window, rendered from a template stack
     * kept under a stack id made from the dialog and its input (so the same result makes one template however often
     * it is asked for). The callback data of its buttons name the template; the first click on a sent message copies
     * it into the message's own stack.
     */
    private InlineDialogMessage inlineTemplate(Dialog dialog, @Nullable Object input, @Nullable User user) {
        Dialog registered = config.dialogs().get(dialog.id());
        if (registered == null) {
            throw new IllegalStateException(
                    "dialog " + dialog.id() + " is not registered with the bot (DialogBot.Builder.dialogs)");
        }
        String id = TEMPLATE + templateId(dialog.id() + "\n" + (input == null ? "" : DataCodec.encode(input)));
        StackKey key = new StackKey(config.botId(), TEMPLATE_CHAT, 0, 0, id);
        Stack stack = config.store().load(key).orElse(null);
        Session s =
                new Session(Update.of(0), key, stack != null ? stack : Stack.empty(id), user, TEMPLATE_CHAT, null, "");
        try {
            if (stack == null) {
                push(s, registered, input, 0);
                config.store().save(key, 0, snapshot(s));
            }
            WorkFrame top = Objects.requireNonNull(s.top(), "a template holds the dialog it starts");
            Rendered r = presenter.render(s, top);
            if (r.media() != null || r.invoice() != null || r.game() != null || r.replyKeyboard()) {
                throw new IllegalStateException("dialog " + top.dialogId + ", window " + top.windowId
                        + ": an inline message shows text and inline buttons only");
            }
            return new InlineDialogMessage(
                    new InputTextMessageContent(r.text(), r.parseMode(), null, r.linkPreview()),
                    r.markup() instanceof InlineKeyboardMarkup k ? k : null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("dialog " + dialog.id() + " could not make an inline message", e);
        }
    }

    private static String templateId(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base62.encode(java.nio.ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Handles the update; with a listener, tells it of the update's arrival and of how and when it ended. A dropped
     * update's stage completes with {@link UpdateOutcome#DROPPED}, which intake ignores like any value.
     */
    @Override
    public CompletionStage<?> handle(Update update) {
        if (events == BotEvents.NONE) {
            return dispatch(update);
        }
        String kind = UpdateKinds.of(update);
        events.updateReceived(kind);
        long started = config.time().nanoTime();
        CompletionStage<?> handled;
        try {
            handled = dispatch(update);
        } catch (RuntimeException | Error e) {
            events.updateHandled(kind, UpdateOutcome.FAILED, config.time().nanoTime() - started);
            throw e;
        }
        return handled.whenComplete((value, error) -> events.updateHandled(
                kind,
                error != null
                        ? UpdateOutcome.FAILED
                        : value == UpdateOutcome.DROPPED ? UpdateOutcome.DROPPED : UpdateOutcome.HANDLED,
                config.time().nanoTime() - started));
    }

    private CompletionStage<?> dispatch(Update update) {
        InlineQuery inline = update.inlineQuery();
        EngineConfig.InlineRoute inlineRoute = config.inline();
        if (inline != null && inlineRoute != null) {
            return CompletableFuture.runAsync(() -> inline(update, inline, inlineRoute), config.executor());
        }
        CallbackQuery inlinePlay = update.callbackQuery();
        if (inlinePlay != null
                && inlinePlay.gameShortName() != null
                && inlinePlay.message() == null
                && inlinePlay.inlineMessageId() != null) {
            return CompletableFuture.runAsync(() -> playInline(update, inlinePlay), config.executor());
        }
        ChosenInlineResult chosen = update.chosenInlineResult();
        ChosenResultHandler onChosen = config.onChosenResult();
        if (chosen != null && onChosen != null) {
            return CompletableFuture.runAsync(() -> chosen(update, chosen, onChosen), config.executor());
        }
        PreCheckoutQuery checkout = update.preCheckoutQuery();
        if (checkout != null && Payments.looksOurs(checkout.invoicePayload())) {
            return preCheckout(update, checkout);
        }
        ShippingQuery shipping = update.shippingQuery();
        if (shipping != null && Payments.looksOurs(shipping.invoicePayload())) {
            return shipping(update, shipping);
        }
        EngineConfig.InvoiceLinkRoute link = checkout == null ? null : config.invoiceLink(checkout.invoicePayload());
        if (checkout != null && link != null) {
            return linkCheckout(update, checkout, link);
        }
        Message migration = update.message();
        if (migration != null && migration.migrateToChatId() != null && migration.chat() != null) {
            return CompletableFuture.runAsync(() -> migrate(update, migration), config.executor());
        }
        Message part = update.message();
        if (part != null && part.mediaGroupId() != null && part.from() != null && part.chat() != null) {
            return albums.add(part.chat().id(), part.mediaGroupId(), update);
        }
        Route route;
        try {
            route = route(update);
        } catch (RuntimeException e) {
            // Nothing a sender puts in an update may make it come back again and again: it is acknowledged.
            log.warn(
                    "Update {} cannot be routed ({}); acknowledged and passed to onUpdate",
                    update.updateId(),
                    e.toString());
            return CompletableFuture.runAsync(() -> stackless(update), config.executor());
        }
        if (route == null) {
            return CompletableFuture.runAsync(() -> stackless(update), config.executor());
        }
        if (route.notYours()) {
            log.debug(
                    "Click by user {} on another member's dialog refused",
                    Objects.requireNonNull(update.callbackQuery(), "only a click is refused as not yours")
                            .from()
                            .id());
            events.clickRejected(ClickRejection.FOREIGN);
            return answer(route.callback(), config.notYoursToast(), false);
        }
        if (!blockedChats.asMap().isEmpty() && blockedChats.asMap().remove(route.chatId()) != null) {
            log.info("Chat {} writes again: the bot is no longer blocked there", route.chatId());
        }
        CompletableFuture<?> handled = config.isolation().run(route.key(), () -> process(update, route));
        if (handled.isDone() && !handled.isCompletedExceptionally() && !storeDown.get()) {
            return handled;
        }
        return handled.handle((done, error) -> afterProcess(update, route, error));
    }

    /**
     * A group became a supergroup: its stacks move to the new chat id. Telegram says so in both chats; the old
     * chat's {@code migrate_to_chat_id} does it, so the move runs once. A store that cannot move stacks leaves them
     * to expire (logged); a store that cannot be reached fails the update, which comes again.
     */
    private void migrate(Update update, Message message) {
        long from = message.chat().id();
        long to = Objects.requireNonNull(message.migrateToChatId(), "handle sends only migrations here");
        try {
            int moved = config.store().moveChat(config.botId(), from, to);
            log.info("Group {} became supergroup {}: {} stacks moved", from, to, moved);
        } catch (UnsupportedOperationException e) {
            log.warn("Group {} became supergroup {}, and its stacks stay behind: {}", from, to, e.getMessage());
        }
        stackless(update);
    }

    /** Private chats whose user blocked the bot: background calls to them fail at once, without a call. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> blockedChats =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofDays(7))
                    .maximumSize(1_000_000)
                    .build();

    /**
     * Telegram refused one of the engine's own calls to a private chat because its user blocked the bot: calls made
     * for them from outside an update fail fast until they write again, and the update's stack is dropped.
     */
    private void blocked(long chatId) {
        if (chatId > 0 && blockedChats.asMap().putIfAbsent(chatId, Boolean.TRUE) == null) {
            log.info(
                    "User {} blocked the bot: their dialog is dropped, and background calls to them fail fast", chatId);
        }
    }

    /** Whether this failure is Telegram refusing the engine's own call to this chat's user, who blocked the bot. */
    private boolean blockedBy(Exception e, long chatId) {
        return e instanceof TelegramException.Forbidden forbidden
                && forbidden.isBlockedByUser()
                && blockedChats.getIfPresent(chatId) != null;
    }

    /** The session's stack with its dialogs dropped: what is saved for a user who blocked the bot. */
    private static Session dropped(Session clean) {
        clean.frames.clear();
        clean.lastMessage = null;
        return clean;
    }

    /** Forgets a user: every stack of theirs in every chat, and the note that they blocked the bot. */
    public CompletableFuture<Integer> forgetUser(long userId) {
        return config.isolation().run(StackKey.of(config.botId(), userId, userId), () -> {
            blockedChats.invalidate(userId);
            return CompletableFuture.completedFuture(config.store().forgetUser(config.botId(), userId));
        });
    }

    /** Set while the stack store fails, so an outage is logged once, not once per update. */
    private final java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The outcome intake sees. A store outage fails a message, so Telegram delivers it again and it is applied once
     * the store is back; a click cannot wait (its spinner runs), so it is answered "try again" and acknowledged
     * without being applied.
     */
    private @Nullable UpdateOutcome afterProcess(Update update, Route route, @Nullable Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof QueueFullException) {
            // The user sent more than their queue holds: dropped and acknowledged (the isolation logged the burst).
            // A dropped click is still answered, so its spinner stops.
            answer(route.callback(), config.unavailableToast(), false);
            return UpdateOutcome.DROPPED;
        }
        if (!(cause instanceof StackStoreException)) {
            if (storeDown.compareAndSet(true, false)) {
                log.info("The stack store answers again");
            }
            if (cause != null) {
                throw error instanceof CompletionException ce ? ce : new CompletionException(cause);
            }
            return null;
        }
        events.error(ErrorKind.STORE, cause);
        if (storeDown.compareAndSet(false, true)) {
            log.warn(
                    "The stack store cannot be reached ({}); until it answers, clicks get \"{}\" and messages are "
                            + "left for Telegram to deliver again",
                    cause.getMessage(),
                    config.unavailableToast());
        } else {
            log.debug("Update {} not handled: the stack store is still unreachable", update.updateId());
        }
        if (route.callback() == null) {
            throw new CompletionException(cause);
        }
        answer(route.callback(), config.unavailableToast(), false).join();
        return UpdateOutcome.DROPPED;
    }

    /** Runs an action in a user's default stack from outside an update, through the same per-key ordering. */
    public CompletableFuture<Void> background(long chatId, long userId, DialogHandler action) {
        if (blockedChats.getIfPresent(chatId) != null) {
            return CompletableFuture.failedFuture(TelegramException.of(
                    "background",
                    403,
                    "Forbidden: bot was blocked by the user (known from an earlier call; not sent)",
                    null,
                    null));
        }
        boolean group = chatId < 0;
        long owner = group && config.sharedGroupStacks() ? 0 : userId;
        StackKey key = new StackKey(config.botId(), chatId, owner, 0, "");
        String tag = group && owner != 0 ? Base62.encode(owner) : "";
        return runBackground(key, tag, userId, action);
    }

    private CompletableFuture<Void> runBackground(StackKey key, String ownerTag, long userId, DialogHandler action) {
        return config.isolation().run(key, () -> {
            Stack stack = config.store().load(key).orElse(Stack.empty(key.stackId()));
            Session s = new Session(Update.of(0), key, stack, null, key.chatId(), null, ownerTag);
            s.backgroundUser = userId;
            try {
                if (recoverIfUnknown(s)) {
                    startRoot(s);
                    return saveAndFinish(s);
                }
                WorkFrame target = s.top();
                Transition t = action.handle(ctx(s, target, ""));
                apply(s, target, t, 0);
                present(s, t);
                return saveAndFinish(s);
            } catch (StackStoreException e) {
                throw e;
            } catch (Exception e) {
                Session clean = new Session(Update.of(0), key, stack, null, key.chatId(), null, ownerTag);
                onError(clean, e);
                if (blockedBy(e, key.chatId())) {
                    saveAndFinish(dropped(clean));
                }
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * Where an update goes, or null when it belongs to no stack (it goes to {@code onUpdate}). Throws when the
     * update lacks what its kind always has (a message without its chat, a click without its sender).
     */
    private @Nullable Route route(Update update) {
        CallbackQuery cb = update.callbackQuery();
        if (cb != null) {
            MaybeInaccessibleMessage message = cb.message();
            if (message == null) {
                // A button on an inline message: no chat; a stack of its own when the message runs a dialog.
                CallbackData.Decoded inlineClick = CallbackData.decode(cb.data());
                String inline = cb.inlineMessageId();
                if (inline == null
                        || inlineClick == null
                        || !inlineClick.stackId().startsWith(TEMPLATE)) {
                    return null;
                }
                long chat = inlineChat(inline);
                return new Route(
                        new StackKey(config.botId(), chat, 0, 0, INLINE + inline),
                        Objects.requireNonNull(cb.from(), "the click has no sender"),
                        chat,
                        cb,
                        inlineClick,
                        "",
                        false,
                        inline);
            }
            Chat chat = Objects.requireNonNull(message.chat(), "the clicked message has no chat");
            User from = Objects.requireNonNull(cb.from(), "the click has no sender");
            boolean group = isGroup(chat);
            long thread = message instanceof Message m
                            && Boolean.TRUE.equals(m.isTopicMessage())
                            && m.messageThreadId() != null
                    ? m.messageThreadId()
                    : 0;
            CallbackData.Decoded decoded = CallbackData.decode(cb.data());
            long userId = from.id();
            boolean notYours = false;
            String stackId = "";
            if (group) {
                if (config.sharedGroupStacks()) {
                    userId = 0;
                } else if (decoded != null && !decoded.owner().isEmpty()) {
                    long owner = Base62.decode(decoded.owner());
                    notYours = owner != from.id();
                    userId = owner;
                }
            }
            if (decoded != null) {
                stackId = decoded.stackId();
            }
            String tag = group && userId != 0 ? Base62.encode(userId) : "";
            return new Route(
                    new StackKey(config.botId(), chat.id(), userId, thread, stackId),
                    from,
                    chat.id(),
                    cb,
                    decoded,
                    tag,
                    notYours,
                    null);
        }
        PollAnswer pollAnswer = update.pollAnswer();
        if (pollAnswer != null && pollAnswer.user() != null) {
            // A poll's answer names no chat: the polls a window sends are answered in the user's private chat.
            User voter = pollAnswer.user();
            return new Route(
                    StackKey.of(config.botId(), voter.id(), voter.id()),
                    voter,
                    voter.id(),
                    null,
                    null,
                    "",
                    false,
                    null);
        }
        Message message = update.message();
        if (message != null && message.from() != null) {
            Chat chat = Objects.requireNonNull(message.chat(), "the message has no chat");
            boolean group = isGroup(chat);
            long userId =
                    group && config.sharedGroupStacks() ? 0 : message.from().id();
            long thread = Boolean.TRUE.equals(message.isTopicMessage()) && message.messageThreadId() != null
                    ? message.messageThreadId()
                    : 0;
            String tag = group && userId != 0 ? Base62.encode(userId) : "";
            return new Route(
                    new StackKey(config.botId(), chat.id(), userId, thread, ""),
                    message.from(),
                    chat.id(),
                    null,
                    null,
                    tag,
                    false,
                    null);
        }
        return null;
    }

    /** The message of a routed update that is not a click: route() routes no other kind. */
    private static Message routedMessage(Update update) {
        return Objects.requireNonNull(update.message(), "a routed update is a click or a message");
    }

    private static boolean isGroup(Chat chat) {
        return !"private".equals(chat.type());
    }

    /** An album a user sent, its parts gathered: handled once, as its first part, in the order of the stack's key. */
    private CompletableFuture<?> album(List<Update> parts) {
        Update first = parts.get(0);
        Route route = Objects.requireNonNull(route(first), "an album's part is a message with a sender");
        List<Message> album = new java.util.ArrayList<>();
        parts.forEach(p -> album.add(routedMessage(p)));
        return config.isolation()
                .run(route.key(), () -> process(first, route, List.copyOf(album)))
                .handle((done, error) -> afterProcess(first, route, error));
    }

    private CompletableFuture<Void> process(Update update, Route route) {
        return process(update, route, null);
    }

    /** Handles one routed update; completes when its stack is saved (or at once when nothing is to be saved). */
    private CompletableFuture<Void> process(Update update, Route route, @Nullable List<Message> album) {
        MDC.put("tg.update_id", Long.toString(update.updateId()));
        MDC.put("tg.chat_id", Long.toString(route.chatId()));
        Session s = null;
        try {
            Stack stack = config.store().load(route.key()).orElse(null);
            if (stack == null) {
                stack = route.inlineMessageId() != null
                        ? fromTemplate(route)
                        : Stack.empty(route.key().stackId());
            }
            if (stack.recentUpdateIds().contains(update.updateId())) {
                log.debug("Update {} was applied already; ignoring the redelivery", update.updateId());
                return DONE;
            }
            s = session(update, route, stack);
            s.album = album;
            try {
                return run(s, route.decoded());
            } catch (StackStoreException e) {
                throw e;
            } catch (Exception e) {
                return failed(s, route, stack, e);
            }
        } finally {
            awaitAnswer(s);
            MDC.remove("tg.update_id");
            MDC.remove("tg.chat_id");
            MDC.remove("tg.dialog");
        }
    }

    private static Session session(Update update, Route route, Stack stack) {
        Session s = new Session(
                update, route.key(), stack, route.user(), route.chatId(), route.callback(), route.ownerTag());
        if (route.inlineMessageId() != null && route.decoded() != null) {
            s.inlineMessageId = route.inlineMessageId();
            s.callbackStack = route.decoded().stackId();
        }
        return s;
    }

    /** An inline message's first stack: a copy of the template it was made from (empty when that is gone). */
    private Stack fromTemplate(Route route) {
        String template = Objects.requireNonNull(route.decoded(), "an inline route has its click")
                .stackId();
        return config.store()
                .load(new StackKey(config.botId(), TEMPLATE_CHAT, 0, 0, template))
                .map(t -> new Stack(route.key().stackId(), t.frames(), 0, null, List.of(), t.nextFrameId()))
                .orElse(Stack.empty(route.key().stackId()));
    }

    /** Runs the update's handler, applies its transition, shows the outcome and saves the stack. */
    private CompletableFuture<Void> run(Session s, CallbackData.@Nullable Decoded decoded) throws Exception {
        if (recoverIfUnknown(s)
                && (s.callback != null || s.update.message() == null || command(routedMessage(s.update)) == null)) {
            // What the user pressed or typed was meant for a window that is gone; a command still runs.
            if (s.callback != null) {
                events.clickRejected(ClickRejection.STALE);
                s.answered = answer(s.callback, config.staleToast(), false);
            }
            startRoot(s);
            return saveAndFinish(s);
        }
        PollAnswer pollAnswer = s.update.pollAnswer();
        Step step = s.callback != null
                ? click(s, s.callback, decoded)
                : pollAnswer != null ? pollAnswered(s, pollAnswer) : message(s);
        if (step == null) {
            return DONE;
        }
        Transition t = step.transition();
        if (t != null) {
            apply(s, step.target(), t, 0);
        }
        if (s.callback != null) {
            s.answered = answer(s.callback, s.toast, s.alert);
        }
        if (t != null && !(t instanceof Transition.Start st && st.mode() == StartMode.NEW_STACK)) {
            present(s, t);
        }
        return saveAndFinish(s);
    }

    /** What an update asks for: a transition (none when no handler took it) and the frame it applies to. */
    private record Step(
            @Nullable WorkFrame target, @Nullable Transition transition) {}

    private Step message(Session s) throws Exception {
        SuccessfulPayment payment = routedMessage(s.update).successfulPayment();
        if (payment != null) {
            return paid(s, payment);
        }
        Transition t = s.album != null ? onAlbum(s, s.album) : onMessage(s, routedMessage(s.update));
        return new Step(s.top(), t);
    }

    /**
     * An album: to the first input widget of the window that takes it; when none does, its first message goes on as
     * a message of its own, so a window that asks for one photo answers once, not once a part.
     */
    private @Nullable Transition onAlbum(Session s, List<Message> album) throws Exception {
        WorkFrame top = s.top();
        if (top != null) {
            for (InputWidget input : DEFS.inputs(dialogs.window(top))) {
                Transition t = input.onAlbum(ctx(s, top, input.id()), album);
                if (t != null) {
                    return t;
                }
            }
        }
        log.debug("No input widget takes an album of {} parts; its first part goes on alone", album.size());
        return onMessage(s, album.get(0));
    }

    /** A user's answer to a poll a window sent: that window's {@code onAnswer}, in its dialog. */
    private Step pollAnswered(Session s, PollAnswer answer) throws Exception {
        String asked = DataCodec.encode(answer.pollId());
        for (int i = s.frames.size() - 1; i >= 0; i--) {
            WorkFrame frame = s.frames.get(i);
            PollStep step = DEFS.poll(dialogs.window(frame));
            if (step != null && asked.equals(frame.data(Presenter.POLL)) && step.onAnswer() != null) {
                return new Step(frame, step.onAnswer().answered(ctx(s, frame, ""), answer));
            }
        }
        log.debug("An answer to poll {}, which no open dialog shows now", answer.pollId());
        return new Step(s.top(), null);
    }

    /**
     * A pre-checkout query of an invoice a window showed: decided by that window's invoice in its dialog, under the
     * stack's ordering, and answered within the bot's budget whatever the handler does.
     */
    private CompletableFuture<Void> preCheckout(Update update, PreCheckoutQuery query) {
        Payments.Target target = payments.decode(query.invoicePayload()).orElse(null);
        CompletableFuture<Checkout> decision;
        if (target == null) {
            decision = CompletableFuture.completedFuture(Checkout.refuse(config.closedInvoiceText()));
        } else {
            decision = config.isolation().run(target.key(), () -> {
                try {
                    return CompletableFuture.completedFuture(decide(update, query, target));
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
        return payments.answerInTime(query, decision);
    }

    /**
     * One page of an inline query: the handler's results from the query's offset, with {@code next_offset} when the
     * page is full; no results (logged at ERROR) when the handler fails, so the user sees an empty list, not a spinner.
     */
    private void inline(Update update, InlineQuery query, EngineConfig.InlineRoute route) {
        User from = query.from();
        StackKey key = StackKey.of(config.botId(), from.id(), from.id());
        Session s = new Session(update, key, Stack.empty(""), from, from.id(), null, "");
        int offset = 0;
        if (!query.offset().isEmpty()) {
            try {
                offset = Math.max(0, Integer.parseInt(query.offset()));
            } catch (NumberFormatException e) {
                log.debug("Inline query {} has an offset not of ours ({}); from the start", query.id(), query.offset());
            }
        }
        int limit = route.pageSize();
        AnswerInlineQuery answer;
        try {
            InlineAnswer page = route.handler()
                    .answer(ctx(s, null, ""), new InlineRequest(query.query(), query.chatType(), offset, limit, query));
            if (page.results().size() > limit) {
                throw new IllegalStateException(
                        "the inline handler gave " + page.results().size() + " results for a page of " + limit);
            }
            answer = AnswerInlineQuery.builder(query.id(), page.results())
                    .cacheTime(
                            page.cacheTime() == null ? null : page.cacheTime().toSeconds())
                    .isPersonal(page.isPersonal() ? true : null)
                    .nextOffset(page.results().size() == limit ? Integer.toString(offset + limit) : "")
                    .button(page.button())
                    .build();
        } catch (Exception e) {
            log.error("Inline query {} (\"{}\") failed; answered with no results", query.id(), query.query(), e);
            events.error(ErrorKind.HANDLER, e);
            answer = AnswerInlineQuery.builder(query.id(), List.of())
                    .cacheTime(0L)
                    .build();
        }
        try {
            answers.execute(answer);
        } catch (RuntimeException e) {
            log.warn("Inline query {} could not be answered: {}", query.id(), e.toString());
        }
    }

    private void chosen(Update update, ChosenInlineResult result, ChosenResultHandler handler) {
        User from = result.from();
        StackKey key = StackKey.of(config.botId(), from.id(), from.id());
        Session s = new Session(update, key, Stack.empty(""), from, from.id(), null, "");
        try {
            handler.chosen(ctx(s, null, ""), result);
        } catch (Exception e) {
            onError(s, e);
        }
    }

    /** Where a flexible invoice ships: its window's {@code onShipping}, in its dialog; refused once that moved on. */
    private CompletableFuture<?> shipping(Update update, ShippingQuery query) {
        Payments.Target target = payments.decode(query.invoicePayload()).orElse(null);
        if (target == null) {
            return answerShipping(query, Shipping.refuse(config.closedInvoiceText()));
        }
        return config.isolation().run(target.key(), () -> {
            Shipping answer;
            try {
                StackKey key = target.key();
                Stack stack = config.store().load(key).orElse(Stack.empty(key.stackId()));
                Session s = new Session(update, key, stack, query.from(), key.chatId(), null, ownerTag(key));
                WorkFrame frame = invoiceFrame(s, target);
                dev.tgdialog.payments.Invoice invoice = frame == null ? null : DEFS.invoice(dialogs.window(frame));
                ShippingHandler handler = invoice == null ? null : invoice.onShipping();
                answer = handler == null
                        ? Shipping.refuse(config.closedInvoiceText())
                        : handler.ship(ctx(s, frame, ""), query);
            } catch (Exception e) {
                log.error("The shipping handler of query {} failed; shipping is refused", query.id(), e);
                events.error(ErrorKind.HANDLER, e);
                answer = Shipping.refuse(config.checkoutTimeoutText());
            }
            return answerShipping(query, answer);
        });
    }

    private CompletableFuture<Void> answerShipping(ShippingQuery query, Shipping shipping) {
        try {
            answers.execute(
                    shipping instanceof Shipping.Options options
                            ? new AnswerShippingQuery(query.id(), true, options.options(), null)
                            : new AnswerShippingQuery(query.id(), false, null, ((Shipping.Refuse) shipping).reason()));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            log.warn("Shipping query {} could not be answered: {}", query.id(), e.toString());
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A pre-checkout query of an invoice link: decided by the link's handler, in the payer's private chat. */
    private CompletableFuture<Void> linkCheckout(
            Update update, PreCheckoutQuery query, EngineConfig.InvoiceLinkRoute link) {
        PreCheckoutHandler check = link.check();
        if (check == null) {
            return payments.answerInTime(query, CompletableFuture.completedFuture(Checkout.ok()));
        }
        long payer = query.from().id();
        StackKey key = StackKey.of(config.botId(), payer, payer);
        CompletableFuture<Checkout> decision = config.isolation().run(key, () -> {
            try {
                Stack stack = config.store().load(key).orElse(Stack.empty(""));
                Session s = new Session(update, key, stack, query.from(), payer, null, "");
                return CompletableFuture.completedFuture(check.check(ctx(s, s.top(), ""), query));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        return payments.answerInTime(query, decision);
    }

    /** Whether the invoice's dialog lets the payment go ahead: never for a dialog that closed or moved on. */
    private Checkout decide(Update update, PreCheckoutQuery query, Payments.Target target) throws Exception {
        StackKey key = target.key();
        Stack stack = config.store().load(key).orElse(Stack.empty(key.stackId()));
        Session s = new Session(update, key, stack, query.from(), key.chatId(), null, ownerTag(key));
        WorkFrame frame = invoiceFrame(s, target);
        dev.tgdialog.payments.Invoice invoice = frame == null ? null : DEFS.invoice(dialogs.window(frame));
        if (invoice == null) {
            log.info(
                    "Pre-checkout {}: the invoice's dialog closed or moved on (frame {}, window {}); refused",
                    query.id(),
                    target.frameId(),
                    target.windowId());
            return Checkout.refuse(config.closedInvoiceText());
        }
        PreCheckoutHandler handler = invoice.onPreCheckout();
        return handler == null ? Checkout.ok() : handler.check(ctx(s, frame, ""), query);
    }

    /** The frame the invoice came from, when it still shows that invoice's window. */
    private static @Nullable WorkFrame invoiceFrame(Session s, Payments.Target target) {
        for (WorkFrame frame : s.frames) {
            if (frame.id.equals(target.frameId()) && frame.windowId.equals(target.windowId())) {
                return frame;
            }
        }
        return null;
    }

    private static String ownerTag(StackKey key) {
        return key.chatId() < 0 && key.userId() != 0 ? Base62.encode(key.userId()) : "";
    }

    /**
     * A successful payment: the invoice's dialog's {@code onPaid}, or the bot's {@code onPayment} when no open dialog
     * claims it, once per charge (the stack's recent update ids catch a redelivery; the user's record of charges a
     * charge that comes again otherwise).
     */
    private Step paid(Session s, SuccessfulPayment payment) throws Exception {
        long payer = s.user != null ? s.user.id() : 0;
        String charge = payment.telegramPaymentChargeId();
        if (payments.applied(payer, charge)) {
            log.info("Payment {} of user {} was applied already; not again", charge, payer);
            return new Step(s.top(), null);
        }
        Payments.Target target = payments.decode(payment.invoicePayload())
                .filter(t -> t.key().equals(s.key))
                .orElse(null);
        WorkFrame frame = target == null ? null : invoiceFrame(s, target);
        dev.tgdialog.payments.Invoice invoice = frame == null ? null : DEFS.invoice(dialogs.window(frame));
        PaymentHandler handler = invoice == null ? null : invoice.onPaid();
        EngineConfig.InvoiceLinkRoute link = target == null ? config.invoiceLink(payment.invoicePayload()) : null;
        Transition t = null;
        if (handler != null) {
            t = handler.paid(ctx(s, frame, ""), payment);
        } else if (link != null) {
            frame = s.top();
            t = link.paid().paid(ctx(s, frame, ""), payment);
        } else if (config.onPayment() != null) {
            frame = s.top();
            t = config.onPayment().paid(ctx(s, frame, ""), payment);
        } else {
            log.error(
                    "Payment {} of user {} ({} {}) reached no handler: its dialog has none or closed, and the bot has no "
                            + "onPayment; the money arrived and nothing acted on it",
                    charge,
                    payer,
                    payment.totalAmount(),
                    payment.currency());
        }
        s.afterSave.add(() -> payments.remember(payer, charge));
        return new Step(frame, t);
    }

    /**
     * Routes a click: to the widget whose button it was, or to {@code onCallback} for data not made by us. Returns
     * null when the click was answered already and changes nothing: forged data in our format, a button of a window
     * that is gone, or a widget that refused it.
     */
    private @Nullable Step click(Session s, CallbackQuery callback, CallbackData.@Nullable Decoded decoded)
            throws Exception {
        java.util.function.Predicate<DialogContext> access = config.inlineAccess();
        if (s.inlineMessageId != null && access != null && !access.test(ctx(s, s.top(), ""))) {
            log.debug(
                    "Click by user {} on inline message {} refused by inlineAccess",
                    callback.from().id(),
                    s.inlineMessageId);
            events.clickRejected(ClickRejection.FOREIGN);
            s.answered = answer(callback, config.notYoursToast(), false);
            return null;
        }
        String gameShortName = callback.gameShortName();
        if (gameShortName != null) {
            play(s, callback, gameShortName);
            return null;
        }
        if (decoded == null) {
            if (isOurs(callback.data())) {
                log.debug("Forged click: callback data in our format that does not parse");
                events.clickRejected(ClickRejection.FORGED);
                s.answered = answer(callback, config.staleToast(), false);
                return null;
            }
            WorkFrame top = s.top();
            return new Step(
                    top,
                    config.onCallback() == null ? null : config.onCallback().handle(ctx(s, top, "")));
        }
        Click click = resolveClick(s, decoded);
        if (click == null && aheadOfStack(s, decoded)) {
            // The message shows a window the stack never reached: the store lost its last write (a Redis failover
            // before the write was replicated), or the data is forged. The window the stack holds is shown on the
            // message again, with the toast; the stack itself stays as it is, so nothing is saved.
            log.info(
                    "Click in chat {} on a window newer than its stack (a lost write, or forged data); the window is"
                            + " shown again",
                    s.chatId);
            events.clickRejected(ClickRejection.AHEAD_OF_STACK);
            s.answered = answer(callback, config.staleToast(), false);
            s.lastMessage = Objects.requireNonNull(s.lastMessage, "aheadOfStack checked it")
                    .withHash(Presenter.UNKNOWN);
            presenter.present(s, ShowMode.EDIT);
            return null;
        }
        if (click == null) {
            events.clickRejected(ClickRejection.STALE);
            s.answered = answer(callback, config.staleToast(), false);
            return null;
        }
        MDC.put("tg.dialog", click.frame().dialogId);
        Transition t =
                click.widget().onClick(ctx(s, click.frame(), click.widget().id()), click.payload());
        if (t instanceof Transition.Reject reject) {
            log.debug("Click refused by widget {}: {}", click.widget().id(), reject.toast());
            events.clickRejected(ClickRejection.REFUSED);
            s.answered = answer(callback, reject.toast(), false);
            return null;
        }
        return new Step(click.frame(), t);
    }

    /** A Play click on a game sent through inline mode: answered once with the URL of the window that declares it. */
    private void playInline(Update update, CallbackQuery callback) {
        User from = callback.from();
        StackKey key = StackKey.of(config.botId(), from.id(), from.id());
        Session s = new Session(update, key, Stack.empty(""), from, from.id(), callback, "");
        try {
            Game game = declaredGame(Objects.requireNonNull(callback.gameShortName()));
            if (game == null) {
                events.clickRejected(ClickRejection.STALE);
                answer(callback, config.staleToast(), false).join();
                return;
            }
            String url = game.onPlay()
                    .url(ctx(s, null, ""), GameMessage.inline(Objects.requireNonNull(callback.inlineMessageId())));
            answerWithUrl(callback, url).join();
        } catch (Exception e) {
            onError(s, e);
            answer(callback, s.toast, s.alert).join();
        }
    }

    /** The game of this short name that a window of a registered dialog sends, or null. */
    private @Nullable Game declaredGame(String shortName) {
        for (Dialog dialog : config.dialogs().values()) {
            for (Window window : DEFS.windows(dialog)) {
                Game declared = DEFS.game(window);
                if (declared != null && declared.shortName().equals(shortName)) {
                    return declared;
                }
            }
        }
        return null;
    }

    /**
     * A Play click: answered once, with the URL of the game's {@code onPlay}, in the dialog showing that game when
     * the clicker's stack has one (else with no dialog: in a group, anyone may play a game another member opened).
     */
    private void play(Session s, CallbackQuery callback, String shortName) throws Exception {
        WorkFrame frame = null;
        Game game = null;
        for (int i = s.frames.size() - 1; i >= 0 && game == null; i--) {
            Game shown = DEFS.game(dialogs.window(s.frames.get(i)));
            if (shown != null && shown.shortName().equals(shortName)) {
                frame = s.frames.get(i);
                game = shown;
            }
        }
        if (game == null) {
            game = declaredGame(shortName);
        }
        if (game == null) {
            log.debug("Play of game {}, which no window sends", shortName);
            events.clickRejected(ClickRejection.STALE);
            s.answered = answer(callback, config.staleToast(), false);
            return;
        }
        MaybeInaccessibleMessage message = Objects.requireNonNull(callback.message(), "a routed click has a message");
        String url = game.onPlay().url(ctx(s, frame, ""), GameMessage.of(s.chatId, message.messageId()));
        s.answered = answerWithUrl(callback, url);
    }

    /**
     * A handler failed: its changes are dropped (the stack stays as loaded), the error handlers decide what the user
     * is told, and a click is still answered. A user who blocked the bot loses only this update's stack.
     */
    private CompletableFuture<Void> failed(Session s, Route route, Stack stack, Exception e) {
        Session clean = session(s.update, route, stack);
        onError(clean, e);
        if (route.callback() != null && s.answered == null) {
            s.answered = answer(route.callback(), clean.toast, clean.alert);
        }
        return blockedBy(e, route.key().chatId()) ? saveAndFinish(dropped(clean)) : DONE;
    }

    /** Waits for the click's answer, if one went out; an answer that failed is logged, and the update stands. */
    private static void awaitAnswer(@Nullable Session s) {
        if (s == null || s.answered == null) {
            return;
        }
        try {
            s.answered.join();
        } catch (RuntimeException e) {
            log.warn("The click was not answered: {}", e.getMessage());
        }
    }

    private static boolean isOurs(@Nullable String data) {
        return data != null && data.startsWith("~");
    }

    /**
     * An update that belongs to no stack goes to {@code onUpdate}. A click among them (a button on an inline
     * message) is answered all the same, with the handler's toast if it set one, so no spinner is left running.
     */
    private void stackless(Update update) {
        CallbackQuery click = update.callbackQuery();
        Session s = null;
        try {
            Chat chat = chatOf(update);
            User user = update.inlineQuery() != null
                    ? update.inlineQuery().from()
                    : update.preCheckoutQuery() != null
                            ? update.preCheckoutQuery().from()
                            : update.shippingQuery() != null
                                    ? update.shippingQuery().from()
                                    : update.myChatMember() != null
                                            ? update.myChatMember().from()
                                            : click != null
                                                    ? click.from()
                                                    : update.message() != null
                                                            ? update.message().from()
                                                            : null;
            long chatId = chat != null ? chat.id() : user != null ? user.id() : 0;
            s = new Session(
                    update, new StackKey(config.botId(), chatId, 0, 0, ""), Stack.empty(""), user, chatId, click, "");
            if (config.onUpdate() == null) {
                log.debug("Update {} has no handler; ignored", update.updateId());
            } else {
                config.onUpdate().handle(ctx(s, null, ""));
                if (chatId != 0) {
                    presenter.sendMessages(s);
                } else if (!s.messages.isEmpty()) {
                    log.warn("Update {} names no chat: the messages its handler sent are dropped", update.updateId());
                }
            }
        } catch (Exception e) {
            if (s != null) {
                onError(s, e);
            } else {
                log.warn("Update {} could not be read ({}); ignored", update.updateId(), e.toString());
            }
        } finally {
            if (click != null && click.id() != null) {
                answer(click, s == null ? null : s.toast, s != null && s.alert).join();
            }
        }
    }

    private static @Nullable Chat chatOf(Update update) {
        return update.editedMessage() != null
                ? update.editedMessage().chat()
                : update.channelPost() != null
                        ? update.channelPost().chat()
                        : update.myChatMember() != null
                                ? update.myChatMember().chat()
                                : update.chatMember() != null
                                        ? update.chatMember().chat()
                                        : update.chatJoinRequest() != null
                                                ? update.chatJoinRequest().chat()
                                                : update.message() != null
                                                        ? update.message().chat()
                                                        : null;
    }

    private @Nullable Transition onMessage(Session s, Message message) throws Exception {
        CommandHandler command = command(message);
        if (command != null) {
            String text = Objects.requireNonNull(message.text(), "a command is a text");
            int space = text.indexOf(' ');
            return command.handle(
                    ctx(s, s.top(), ""),
                    space < 0 ? "" : text.substring(space + 1).strip());
        }
        return notACommand(s, message);
    }

    /** The handler of the command this message is, or null when it is none of this bot's commands. */
    private @Nullable CommandHandler command(Message message) {
        String text = message.text();
        if (text != null && text.startsWith("/")) {
            int space = text.indexOf(' ');
            String command = space < 0 ? text.substring(1) : text.substring(1, space);
            int at = command.indexOf('@');
            boolean forUs = true;
            if (at >= 0) {
                String to = command.substring(at + 1);
                forUs = config.botUsername() == null || config.botUsername().equalsIgnoreCase(to);
                command = command.substring(0, at);
            }
            return forUs ? config.commands().get(command) : null;
        }
        return null;
    }

    private @Nullable Transition notACommand(Session s, Message message) throws Exception {
        String text = message.text();
        WorkFrame top = s.top();
        if (top != null) {
            Window window = dialogs.window(top);
            if (DEFS.keyboardKind(window) == KeyboardKind.REPLY && text != null) {
                String data = replyLabel(top, text);
                CallbackData.Decoded decoded = data == null ? null : CallbackData.decode(data);
                Widget widget = decoded == null ? null : DEFS.widget(window, decoded.widgetId());
                if (widget instanceof KeyboardWidget keyboard) {
                    String payload = Objects.requireNonNull(decoded, "the widget was found by it")
                            .payload();
                    if (payload.startsWith(CallbackData.SPILL)) {
                        payload = top.spill.get(payload);
                    }
                    if (payload != null) {
                        Transition t = keyboard.onClick(ctx(s, top, widget.id()), payload);
                        return t instanceof Transition.Reject ? Transition.stay() : t;
                    }
                }
            }
            for (InputWidget input : DEFS.inputs(window)) {
                Transition t = input.onMessage(ctx(s, top, input.id()), message);
                if (t != null) {
                    return t;
                }
            }
        }
        return config.onMessage() == null ? null : config.onMessage().handle(ctx(s, top, ""));
    }

    /**
     * The callback data behind the reply-keyboard label the user sent: the exact label, or, when the client cut a
     * long label short (it ends in an ellipsis), the one label it is the start of; null when none fits.
     */
    private static @Nullable String replyLabel(WorkFrame top, String text) {
        String exact = top.spill.get(Presenter.REPLY_LABEL + text);
        if (exact != null) {
            return exact;
        }
        String cut = text.endsWith("…")
                ? text.substring(0, text.length() - 1)
                : text.endsWith("...") ? text.substring(0, text.length() - 3) : null;
        if (cut == null || cut.isBlank()) {
            return null;
        }
        String found = null;
        for (var entry : top.spill.entrySet()) {
            if (entry.getKey().startsWith(Presenter.REPLY_LABEL + cut)) {
                if (found != null) {
                    return null;
                }
                found = entry.getValue();
            }
        }
        return found;
    }

    private record Click(WorkFrame frame, KeyboardWidget widget, String payload) {}

    /** The widget a click is for, or null when the click is stale or forged. */
    /**
     * Whether a click on the message the stack shows names a frame or revision the stack has not reached yet: what a
     * user sees after the store lost the stack's last write, never after a double click (which names an older one).
     */
    private boolean aheadOfStack(Session s, CallbackData.Decoded d) {
        ShownMessage last = s.lastMessage;
        MaybeInaccessibleMessage clicked = s.callback == null ? null : s.callback.message();
        if (s.top() == null
                || last == null
                || clicked == null
                || clicked.messageId() != outbox.resolve(last.messageId())) {
            return false;
        }
        WorkFrame frame = s.frame(d.frameId());
        if (frame != null) {
            return d.revision() > frame.revision;
        }
        // -1 for an id that is no number: not ahead.
        return Base62.decode(d.frameId()) >= s.nextFrameId;
    }

    private @Nullable Click resolveClick(Session s, CallbackData.Decoded d) {
        WorkFrame top = s.top();
        if (top == null || !top.id.equals(d.frameId())) {
            log.debug("Stale click: frame {} is not the top of the stack", d.frameId());
            return null;
        }
        if (top.revision != d.revision()) {
            log.debug(
                    "Stale click: frame {} is at revision {}, the button is of {}", top.id, top.revision, d.revision());
            return null;
        }
        MaybeInaccessibleMessage clicked = s.callback == null ? null : s.callback.message();
        ShownMessage last = s.lastMessage;
        long shown = last == null ? 0 : outbox.resolve(last.messageId());
        if (clicked != null && last != null && shown < 0) {
            // A message sent late, behind a flood wait, whose id never reached the stack (a restart, a failed
            // correction): the frame and revision in the callback data tie this click to the window it shows.
            s.lastMessage = last.withId(clicked.messageId());
        } else if (s.inlineMessageId == null && (clicked == null || last == null || clicked.messageId() != shown)) {
            // An inline message is the one message its stack shows, named by the click itself.
            log.debug("Stale click: the button is on a message the stack no longer shows");
            return null;
        }
        Widget widget = DEFS.widget(dialogs.window(top), d.widgetId());
        if (!(widget instanceof KeyboardWidget keyboard)) {
            log.debug("Stale click: window {} has no widget {}", top.windowId, d.widgetId());
            return null;
        }
        String payload = d.payload();
        if (payload.startsWith(CallbackData.SPILL)) {
            payload = top.spill.get(payload);
            if (payload == null) {
                log.debug("Stale click: spilled payload {} is gone", d.payload());
                return null;
            }
        }
        return new Click(top, keyboard, payload);
    }

    /**
     * A handler's context. With a frame, it carries a render whose getters run on first need, so values and
     * {@link dev.tgdialog.spi.RenderContext#render} work in click and message handlers too.
     */
    Ctx ctx(Session s, @Nullable WorkFrame frame, String widgetId) {
        if (frame == null) {
            return new Ctx(contexts, s, null, widgetId, null);
        }
        Render render = Render.lazy(r -> presenter.loadGetters(new Ctx(contexts, s, frame, "", r), frame));
        return new Ctx(contexts, s, frame, widgetId, render);
    }

    /** Applies a transition to the frame it was returned for; results of finished children flow to parents. */
    private void apply(Session s, @Nullable WorkFrame frame, Transition t, int depth) throws Exception {
        if (depth > 64) {
            throw new IllegalStateException("transitions keep triggering each other (over 64 in one update)");
        }
        s.replies.addAll(t.changes().replies());
        if (frame != null) {
            for (Transition.Change<?> change : t.changes().data()) {
                frame.putData(
                        change.key().name(),
                        change.value() == null
                                ? null
                                : DataCodec.shared(DataCodec.encode(
                                        change.value(), change.key().type())));
            }
        }
        if (t instanceof Transition.Next || t instanceof Transition.Back) {
            WorkFrame current = required(frame, t);
            boolean next = t instanceof Transition.Next;
            Window beside = DEFS.beside(dialogs.dialog(current), current.windowId, next ? 1 : -1);
            if (beside == null) {
                throw new IllegalStateException("dialog " + current.dialogId + ": window " + current.windowId
                        + (next
                                ? " is the last one, there is no next window"
                                : " is the first one, there is no window before it"));
            }
            moveTo(current, beside.id());
        } else if (t instanceof Transition.SwitchTo to) {
            WorkFrame current = required(frame, t);
            if (DEFS.window(dialogs.dialog(current), to.windowId()) == null) {
                throw new IllegalStateException("dialog " + current.dialogId + " has no window " + to.windowId());
            }
            moveTo(current, to.windowId());
        } else if (t instanceof Transition.Start start) {
            Dialog registered = config.dialogs().get(start.dialog().id());
            if (registered == null) {
                throw new IllegalStateException("dialog " + start.dialog().id()
                        + " is not registered with the bot (DialogBot.Builder.dialogs)");
            }
            if (start.mode() == StartMode.RESET_STACK) {
                closeAll(s);
                push(s, registered, start.input(), depth);
            } else if (start.mode() == StartMode.NORMAL) {
                push(s, registered, start.input(), depth);
            } else {
                String stackId = "s" + s.newFrameId();
                StackKey key = new StackKey(s.key.botId(), s.key.chatId(), s.key.userId(), s.key.threadId(), stackId);
                Object input = start.input();
                long userId = s.user != null ? s.user.id() : s.backgroundUser;
                s.afterSave.add(() -> runBackground(
                        key,
                        s.ownerTag,
                        userId,
                        ctx -> Transition.start(registered, input, StartMode.NORMAL)
                                .show(ShowMode.SEND)));
            }
        } else if (t instanceof Transition.Done done) {
            WorkFrame closing = required(frame, t);
            if (closing != s.top()) {
                throw new IllegalStateException(
                        "only the top dialog can finish; " + closing.dialogId + " is not on top");
            }
            close(s, closing);
            s.frames.remove(s.frames.size() - 1);
            if (events != BotEvents.NONE) {
                String id = closing.dialogId;
                s.afterSave.add(() -> events.dialogFinished(id));
            }
            WorkFrame parent = s.top();
            if (parent != null) {
                TypedResult<?> handler = DEFS.resultHandler(dialogs.dialog(parent), closing.dialogId);
                if (handler != null) {
                    Transition next = handler.deliver(ctx(s, parent, ""), done.result());
                    apply(s, parent, next, depth + 1);
                }
            } else {
                s.farewell = done.farewell();
                TypedResult<?> handler = config.rootResults().get(closing.dialogId);
                if (handler != null) {
                    apply(s, null, handler.deliver(ctx(s, null, ""), done.result()), depth + 1);
                }
            }
        }
    }

    private static WorkFrame required(@Nullable WorkFrame frame, Transition t) {
        if (frame == null) {
            throw new IllegalStateException(t.getClass().getSimpleName() + " needs an open dialog, and none is open");
        }
        return frame;
    }

    private static void moveTo(WorkFrame frame, String windowId) {
        if (!frame.windowId.equals(windowId)) {
            frame.windowId = windowId;
            frame.revision++;
            frame.spill = java.util.Map.of();
        }
    }

    private void push(Session s, Dialog dialog, @Nullable Object input, int depth) throws Exception {
        if (s.frames.size() >= config.maxDepth()) {
            throw new IllegalStateException("cannot start dialog " + dialog.id() + ": the stack already holds "
                    + s.frames.size() + " dialogs, the limit (DialogBot.Builder.maxDepth)");
        }
        WorkFrame frame = new WorkFrame(
                s.newFrameId(),
                dialog.id(),
                DEFS.first(dialog).id(),
                0,
                input == null ? null : DataCodec.encode(input),
                java.util.Map.of(),
                java.util.Map.of(),
                java.util.Map.of());
        s.frames.add(frame);
        s.farewell = null;
        if (events != BotEvents.NONE) {
            s.afterSave.add(() -> events.dialogStarted(dialog.id()));
        }
        DialogHandler onStart = DEFS.onStart(dialog);
        if (onStart != null) {
            apply(s, frame, onStart.handle(ctx(s, frame, "")), depth + 1);
        }
    }

    private void closeAll(Session s) throws Exception {
        while (!s.frames.isEmpty()) {
            close(s, s.frames.get(s.frames.size() - 1));
            s.frames.remove(s.frames.size() - 1);
        }
    }

    private void close(Session s, WorkFrame frame) throws Exception {
        DialogHandler onClose = DEFS.onClose(dialogs.dialog(frame));
        if (onClose != null) {
            onClose.handle(ctx(s, frame, ""));
        }
    }

    private void present(Session s, Transition t) throws Exception {
        presenter.present(s, t.changes().show());
    }

    /** Resets a stack whose frames name dialogs or windows the bot no longer has. */
    private boolean recoverIfUnknown(Session s) throws Exception {
        for (WorkFrame frame : s.frames) {
            Dialog dialog = config.dialogs().get(frame.dialogId);
            if (dialog == null || DEFS.window(dialog, frame.windowId) == null) {
                log.warn(
                        "The stack of chat {} names {} {} that the bot no longer has; starting over",
                        s.chatId,
                        dialog == null ? "dialog" : "window",
                        dialog == null ? frame.dialogId : frame.dialogId + "/" + frame.windowId);
                s.frames.clear();
                presenter.sendPlain(s, config.resetMessage());
                return true;
            }
        }
        return false;
    }

    /** Starts the root dialog, if the bot has one, in a stack that recovery emptied. */
    private void startRoot(Session s) throws Exception {
        if (config.rootDialog() != null) {
            push(s, config.rootDialog(), null, 0);
            presenter.present(s, ShowMode.SEND);
        }
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final java.util.concurrent.Executor HERE = Runnable::run;

    /**
     * Saves the session's stack and then runs what waits for the save. A store that answers later completes on a
     * thread of its own; what follows goes back to the bot's executor, so no author code runs on a store's thread.
     */
    private CompletableFuture<Void> saveAndFinish(Session s) {
        // Messages of an update that showed no window (a dialog started in a stack of its own, say) go out now.
        presenter.sendMessages(s);
        languages.remember(s);
        Stack next = snapshot(s);
        CompletableFuture<Boolean> saving =
                config.store().saveAsync(s.key, s.original.version(), next).toCompletableFuture();
        if (s.called) {
            // Its messages went out already: delivered again, the update would send them twice. Better the state
            // of one update lost (the next click on its window is answered as stale) than a message shown twice.
            saving = saving.exceptionally(error -> {
                Throwable cause = Failures.cause(error);
                if (!(cause instanceof StackStoreException)) {
                    throw error instanceof RuntimeException re ? re : new CompletionException(error);
                }
                events.error(ErrorKind.STORE, cause);
                log.warn(
                        "Update {} of chat {}: its messages went out but its stack could not be saved ({}); it is "
                                + "not delivered again, which would send them twice",
                        s.update.updateId(),
                        s.chatId,
                        cause.getMessage());
                return null;
            });
        }
        return saving.thenAcceptAsync(
                saved -> {
                    if (saved == null) {
                        return;
                    }
                    if (!saved) {
                        log.error(
                                "The stack of chat {} changed while update {} was handled (is another instance running "
                                        + "without a shared lock?); this update's changes were not saved",
                                s.chatId,
                                s.update.updateId());
                        return;
                    }
                    Steps.report(config.stepListeners(), s.original, next);
                    s.afterSave.forEach(Runnable::run);
                },
                saving.isDone() ? HERE : config.executor());
    }

    /** The stack as this session leaves it, its version one up. */
    private static Stack snapshot(Session s) {
        List<Frame> frames = new ArrayList<>(s.frames.size());
        s.frames.forEach(f -> frames.add(f.freeze()));
        List<Long> recent = new ArrayList<>(s.original.recentUpdateIds());
        if (s.update.updateId() != 0) {
            recent.add(s.update.updateId());
            while (recent.size() > Stack.RECENT_UPDATES) {
                recent.remove(0);
            }
        }
        return new Stack(s.original.id(), frames, s.original.version() + 1, s.lastMessage, recent, s.nextFrameId);
    }

    CompletableFuture<?> answer(@Nullable CallbackQuery callback, @Nullable String text, boolean alert) {
        if (callback == null) {
            return CompletableFuture.completedFuture(null);
        }
        AnswerCallbackQuery.Builder answer = AnswerCallbackQuery.builder(callback.id());
        if (text != null && !text.isEmpty()) {
            answer.text(Limits.cut(text, null, Limits.CALLBACK_ANSWER_TEXT));
            if (alert) {
                answer.showAlert(true);
            }
        }
        return send(answer);
    }

    /** Answers a Play click with the game's URL, which the user's app then opens. */
    private CompletableFuture<?> answerWithUrl(CallbackQuery callback, String url) {
        return send(AnswerCallbackQuery.builder(callback.id()).url(url));
    }

    private CompletableFuture<?> send(AnswerCallbackQuery.Builder answer) {
        if (!config.parallelAnswers()) {
            try {
                answers.execute(answer.build());
            } catch (RuntimeException e) {
                log.debug("answerCallbackQuery failed: {}", e.getMessage());
            }
            return CompletableFuture.completedFuture(null);
        }
        return answers.executeAsync(answer.build()).exceptionally(e -> {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
            return null;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void onError(Session s, Exception error) {
        Throwable e = error;
        ErrorHandler handler = null;
        int best = Integer.MAX_VALUE;
        for (EngineConfig.ErrorRoute<?> route : config.errorHandlers()) {
            if (route.type().isInstance(e)) {
                int distance = 0;
                for (Class<?> c = e.getClass(); c != null && c != route.type(); c = c.getSuperclass()) {
                    distance++;
                }
                if (distance < best) {
                    best = distance;
                    handler = route.handler();
                }
            }
        }
        WorkFrame top = s.top();
        if (top != null) {
            MDC.put("tg.dialog", top.dialogId);
        }
        events.error(e instanceof TelegramException ? ErrorKind.TELEGRAM : ErrorKind.HANDLER, e);
        if (handler == null) {
            if (e instanceof TelegramException te) {
                log.warn("Update {} failed on a Telegram error: {}", s.update.updateId(), te.getMessage());
            } else {
                log.error(
                        "Update {} failed in {} (no error handler for {}); the stack is left as it was",
                        s.update.updateId(),
                        top == null ? "no dialog" : top.dialogId + "/" + top.windowId,
                        e.getClass().getName(),
                        e);
            }
            return;
        }
        try {
            handler.handle(ctx(s, top, ""), e);
            if (s.chatId != 0) {
                presenter.sendMessages(s);
            }
        } catch (Exception nested) {
            log.error("The error handler for {} failed too", e.getClass().getName(), nested);
            events.error(ErrorKind.HANDLER, nested);
        }
    }
}
