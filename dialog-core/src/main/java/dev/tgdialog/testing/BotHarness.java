package dev.tgdialog.testing;

import dev.tgdialog.DialogBot;
import dev.tgdialog.TimeSource;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.Transport;
import dev.tgdialog.telegram.types.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link DialogBot} against a {@link FakeTelegram}, for tests that read like a chat:
 *
 * <pre>{@code
 * BotHarness harness = BotHarness.of(bot -> bot.dialogs(ORDER).command("start", ...));
 * FakeUser ann = harness.user(1001, "Ann");
 * ann.send("/start");
 * ann.click("Next");
 * assertThat(ann.lastMessage().text()).isEqualTo("Where should we deliver?");
 * }</pre>
 *
 * The bot runs the production pipeline; only the network is replaced (at the {@link Transport} boundary, so
 * requests are really encoded and answers really parsed; or over loopback HTTP with {@link Builder#transport}). By default handlers run on the calling thread and time is a
 * {@link FakeTime}, so a test is deterministic; pass an executor to test concurrency.
 */
public final class BotHarness implements AutoCloseable {
    private final FakeTelegram telegram;
    private final FakeTime time;
    private final DialogBot bot;
    private final AtomicLong updateIds = new AtomicLong(1);
    private final AtomicLong userMessageIds = new AtomicLong(1_000_000);
    private final AtomicLong queryIds = new AtomicLong(1);
    /** The groups a {@code startgroup} link added the bot to. */
    private final Set<Long> groupsWithBot = ConcurrentHashMap.newKeySet();

    private final List<Consumer<Update>> updateListeners;
    private final @Nullable LoopbackServer server;

    private BotHarness(Builder b) {
        this.time = b.time;
        this.updateListeners = List.copyOf(b.updateListeners);
        TimeSource clock = b.clock != null ? b.clock : time;
        this.telegram = new FakeTelegram(clock);
        TelegramClient client;
        if (b.transport == null) {
            this.server = null;
            client = telegram.client(clock);
        } else {
            this.server = telegram.serve();
            client = TelegramClient.builder(FakeTelegram.TOKEN)
                    .baseUrl(server.baseUrl())
                    .transport(b.transport)
                    .timeSource(clock)
                    .build();
        }
        DialogBot.Builder bot = DialogBot.builder(client)
                .timeSource(clock)
                .executor(b.executor)
                .username(Objects.requireNonNull(telegram.bot().username(), "the fake bot has a username"));
        if (b.store != null) {
            bot.store(b.store);
        }
        // With -Dtgdialog.steps.dir set (a build does it for its tests), the steps taken feed the transition map.
        StepLog.fromSystemProperty().ifPresent(log -> bot.onStep(log::record));
        b.config.accept(bot);
        this.bot = bot.build();
        // What start() does before polling: the harness's bot is as a started bot would be.
        this.bot.publish();
    }

    /** A harness running the bot configured by {@code config} on the calling thread. */
    public static BotHarness of(Consumer<DialogBot.Builder> config) {
        return builder(config).build();
    }

    /** Starts a harness with more settings. */
    public static Builder builder(Consumer<DialogBot.Builder> config) {
        return new Builder(config);
    }

    /** The fake Telegram behind the bot: every chat's messages, the calls made, fault injection. */
    public FakeTelegram telegram() {
        return telegram;
    }

    /** The time the bot and the fake run on. */
    public FakeTime time() {
        return time;
    }

    /** The bot under test. */
    public DialogBot bot() {
        return bot;
    }

    /** A user in a private chat with the bot (chat id = user id), whose client language is English. */
    public FakeUser user(long id, String firstName) {
        return user(id, firstName, "en");
    }

    /** A user whose client sends this {@code language_code} (for example {@code de}). */
    public FakeUser user(long id, String firstName, String languageCode) {
        return new FakeUser(this, id, firstName, languageCode, id, "private");
    }

    /** Feeds an update to the bot, as long polling would; completes when the bot has handled it. */
    public CompletableFuture<Void> deliver(Update update) {
        updateListeners.forEach(listener -> listener.accept(update));
        return bot.handler().handle(update).toCompletableFuture().thenApply(x -> null);
    }

    long nextUpdateId() {
        return updateIds.getAndIncrement();
    }

    long nextUserMessageId() {
        return userMessageIds.getAndIncrement();
    }

    /** Adds the bot to this group; false when it is there already. */
    boolean addBotTo(long groupChatId) {
        return groupsWithBot.add(groupChatId);
    }

    /** Stops the loopback server of a harness built with {@link Builder#transport}; nothing to do otherwise. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    String nextQueryId() {
        return "q" + queryIds.getAndIncrement();
    }

    /** Settings of a {@link BotHarness}. */
    public static final class Builder {
        private final Consumer<DialogBot.Builder> config;
        private Executor executor = Runnable::run;
        private FakeTime time = new FakeTime();
        private @Nullable StackStore store;
        private @Nullable TimeSource clock;
        private @Nullable Transport transport;
        private final List<Consumer<Update>> updateListeners = new ArrayList<>();

        private Builder(Consumer<DialogBot.Builder> config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Runs handlers on this executor instead of the calling thread (for concurrency tests). The default
         * {@link FakeTime} ends every delay at once, so a timer (the checkout budget of a payment) would run out before
         * a handler on another thread decides: with another executor, also run on a {@link ManualTime}
         * ({@link #clock}).
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Keeps stacks in this store instead of a fresh in-memory one. */
        public Builder store(StackStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Runs the bot and the fake Telegram on this clock instead of the harness's {@link FakeTime}; a
         * {@link ManualTime} lets a test hold a flood wait open while it looks at what happens meanwhile.
         */
        public Builder clock(TimeSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Calls {@code listener} with every update the harness delivers (a user's message, click or payment), before
         * the bot handles it, on the delivering thread: for a view that shows what users did, such as a browser page.
         */
        public Builder onUpdate(Consumer<Update> listener) {
            updateListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sends the bot's calls over real HTTP through this transport ({@code Transport.jdk(...)}, say) to the fake
         * served on loopback ({@link FakeTelegram#serve()}), instead of answering them at the transport boundary;
         * close the harness when done.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Runs on this fake time. */
        public Builder time(FakeTime time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        public BotHarness build() {
            if (store == null) {
                store = StackStore.inMemory(Duration.ofDays(1));
            }
            return new BotHarness(this);
        }
    }
}
