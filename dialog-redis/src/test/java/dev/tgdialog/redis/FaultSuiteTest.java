package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.Transition;
import dev.tgdialog.internal.json.Json;
import dev.tgdialog.store.Frame;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.Chat;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.MessageEntity;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.telegram.types.User;
import dev.tgdialog.testing.CallbackAnswer;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.ManualTime;
import dev.tgdialog.updates.UpdateHandler;
import dev.tgdialog.updates.WebhookHandler;
import dev.tgdialog.updates.WebhookServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * Every fault of issue 12 injected into one running bot: a webhook server on loopback, the Redis store on a real
 * redis-server, and the Bot API on a real HTTP server that misbehaves (429 storms on 50 chats, sends cut off after
 * they were stored). Telegram's side is played as Telegram plays it: an update answered with anything but 200 is
 * delivered again. The suite prints one line of figures and holds the bot to: nothing lost, nothing applied twice,
 * no message sent twice, and no bystander waiting behind another chat's flood wait (on the injected clock).
 */
class FaultSuiteTest {
    private static final String SECRET = "fault-suite";
    private static final int MAX_IN_FLIGHT = 32;
    private static final long[] FLOODED = LongStream.rangeClosed(5001, 5050).toArray();
    private static final long[] BYSTANDERS = LongStream.rangeClosed(6001, 6010).toArray();
    private static final long[] NORMAL = LongStream.rangeClosed(7001, 7005).toArray();
    private static final long FLOODER = 8001;

    private final ManualTime time = new ManualTime();
    private final FakeTelegram fake = new FakeTelegram(time);
    private final AtomicLong updateIds = new AtomicLong(1);
    private final AtomicLong messageIds = new AtomicLong(1_000_000);
    private final AtomicLong queryIds = new AtomicLong(1);
    private final OkHttpClient http =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final String prefix = TestRedis.uniquePrefix();

    /** The "+1" updates of each user that Telegram saw acknowledged, and whether each was a click answered "try again". */
    private final Map<Long, List<Long>> acknowledged = new ConcurrentHashMap<>();

    private final Set<Long> refusedClicks = ConcurrentHashMap.newKeySet();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();
    private final Set<Long> failOnce = ConcurrentHashMap.newKeySet();

    private WebhookServer webhook;

    @Test
    void everyFaultAtOnce_losesNothing_appliesNothingTwice_sendsNothingTwice_andNoBystanderWaits(@TempDir Path data)
            throws Exception {
        TestRedis.Server redisServer = TestRedis.Server.start(TestRedis.freePort(), data);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // Fewer posters than the webhook has slots: a 503 for "busy" would only measure the suite's own eagerness.
        ExecutorService posters = Executors.newFixedThreadPool(MAX_IN_FLIGHT / 4);
        try (FaultyTelegramServer telegram = new FaultyTelegramServer(fake, time::now);
                JedisPooled redis = new JedisPooled(java.net.URI.create(redisServer.url()));
                RedisDialogs pair = RedisDialogs.builder(redis)
                        .keyPrefix(prefix)
                        .executor(pool)
                        .build()) {
            TelegramClient client = TelegramClient.builder(FakeTelegram.TOKEN)
                    .baseUrl(telegram.url())
                    .timeSource(time)
                    .build();
            DialogBot.Builder builder = DialogBot.builder(client)
                    .timeSource(time)
                    .executor(pool)
                    .username(FakeTelegram.BOT_USERNAME)
                    .store(pair.store())
                    .isolation(pair.isolation())
                    .onUpdate(ctx -> Transition.stay());
            CounterDialogs.commands(builder);
            DialogBot bot = builder.build();
            UpdateHandler faulty = update -> {
                if (failOnce.remove(update.updateId())) {
                    faultsInjected.incrementAndGet();
                    throw update.updateId() % 2 == 0
                            ? new StackOverflowError("injected")
                            : new AssertionError("injected");
                }
                return bot.handler().handle(update);
            };
            webhook = WebhookServer.builder(faulty)
                    .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .secretToken(SECRET)
                    .maxInFlight(MAX_IN_FLIGHT)
                    .threads(8)
                    .build()
                    .start();

            List<Long> everyone = new ArrayList<>();
            Arrays.stream(FLOODED).forEach(everyone::add);
            Arrays.stream(BYSTANDERS).forEach(everyone::add);
            Arrays.stream(NORMAL).forEach(everyone::add);
            everyone.add(FLOODER);
            for (long user : everyone) {
                deliverUntilAcknowledged(message(user, "/count"));
            }

            // 429 storm: 50 chats in flood wait. Each one's "+1" is handled and saved, its send queued.
            telegram.flood(toSet(FLOODED), 30);
            Instant stormStart = time.now();
            List<CompletableFuture<Void>> storm = new ArrayList<>();
            for (long user : FLOODED) {
                storm.add(CompletableFuture.runAsync(() -> deliverIncrement(message(user, "+1"), user), posters));
            }
            CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            faultsInjected.addAndGet(telegram.floodAnswers.get());

            // Bystanders meanwhile: their sends go out at once, on the injected clock and in real time.
            long longestBystanderNanos = 0;
            Duration longestBystanderClockWait = Duration.ZERO;
            for (long user : BYSTANDERS) {
                long before = System.nanoTime();
                deliverIncrement(message(user, "+1"), user);
                FaultyTelegramServer.Sent sent = last(telegram.sentTo(user));
                assertThat(sent.text()).isEqualTo("Count: 1");
                Duration clockWait = Duration.between(stormStart, sent.clock());
                assertThat(clockWait)
                        .as("bystander %d's send waited on the clock", user)
                        .isZero();
                longestBystanderClockWait =
                        clockWait.compareTo(longestBystanderClockWait) > 0 ? clockWait : longestBystanderClockWait;
                longestBystanderNanos = Math.max(longestBystanderNanos, sent.wallNanos() - before);
            }
            for (long user : FLOODED) {
                assertThat(telegram.sentTo(user))
                        .as("chat %d in flood wait", user)
                        .hasSize(1);
            }

            // Poison updates: acknowledged once, never delivered again.
            int poison = 0;
            for (String body : poisonUpdates()) {
                assertThat(post(body)).as(body).isEqualTo(200);
                poison++;
            }
            faultsInjected.addAndGet(poison);

            // Sends cut off after Telegram stored them: reported, never repeated; the update stands.
            for (long user : NORMAL) {
                telegram.cutOffNextSends(user, 1);
                deliverIncrement(message(user, "+1"), user);
            }
            faultsInjected.addAndGet(telegram.cutOffSends.get());

            // Webhook handler faults: more than the in-flight slots, each update failing once, then delivered again.
            List<Update> faulted = new ArrayList<>();
            for (int i = 0; i < 2 * MAX_IN_FLIGHT; i++) {
                long user = NORMAL[i % NORMAL.length];
                Update update = message(user, "+1");
                failOnce.add(update.updateId());
                assertThat(post(update)).isEqualTo(500);
                faulted.add(update);
            }
            for (Update update : faulted) {
                deliverIncrement(update, update.message().chat().id());
            }

            // A flooding user: 300 updates handed over at once, as long polling hands over a batch. Past the bound
            // of the user's queue they are dropped (and acknowledged) at once; nobody else is slowed.
            List<Update> flood = new ArrayList<>();
            List<CompletableFuture<?>> burst = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Update update = message(FLOODER, "+1");
                flood.add(update);
                burst.add(bot.handler().handle(update).toCompletableFuture());
            }
            long beforeBystander = System.nanoTime();
            deliverIncrement(message(BYSTANDERS[0], "+1"), BYSTANDERS[0]);
            long bystanderDuringBurstNanos = System.nanoTime() - beforeBystander;
            List<Long> flooderAcked = new ArrayList<>();
            for (int i = 0; i < flood.size(); i++) {
                try {
                    burst.get(i).get(60, TimeUnit.SECONDS);
                    flooderAcked.add(flood.get(i).updateId());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("update " + flood.get(i).updateId() + " of the flood failed", e);
                }
            }
            handled.addAndGet(flooderAcked.size());
            faultsInjected.addAndGet(flood.size());

            // Store outage: clicks are answered "try again" and not applied; messages come again until it is back.
            redisServer.stop();
            List<Update> outage = new ArrayList<>();
            for (long user : NORMAL) {
                Update click = click(user, "+1");
                assertThat(post(click)).isEqualTo(200);
                refusedClicks.add(click.updateId());
                Update typed = message(user, "+1");
                assertThat(post(typed)).isNotEqualTo(200);
                outage.add(typed);
                faultsInjected.addAndGet(2);
            }
            assertThat(fake.callbackAnswers())
                    .extracting(CallbackAnswer::text)
                    .filteredOn(t -> t != null && t.startsWith("Temporarily unavailable"))
                    .hasSize(NORMAL.length);
            redisServer.restart();
            for (Update update : outage) {
                deliverIncrement(update, update.message().chat().id());
            }

            // The storm ends: the queued sends go out when the clock reaches their retry_after.
            telegram.endFlood();
            time.advance(Duration.ofSeconds(40));
            awaitSends(telegram);
            for (long user : FLOODED) {
                assertThat(telegram.sentTo(user))
                        .extracting(FaultyTelegramServer.Sent::text)
                        .containsExactly("Count: ", "Count: 1");
                // The stack learnt the id of the message that went out late: its button works.
                deliverIncrement(click(user, "+1"), user);
                assertThat(fake.lastMessage(user).orElseThrow().text()).isEqualTo("Count: 2");
            }
            deliverIncrement(message(FLOODER, "+1"), FLOODER);

            // Figures.
            int lost = 0;
            int doubled = 0;
            for (long user : everyone) {
                List<Long> applied = applied(pair, user);
                doubled += applied.size() - new HashSet<>(applied).size();
                List<Long> expected = new ArrayList<>(acknowledged.getOrDefault(user, List.of()));
                expected.removeAll(refusedClicks);
                if (user == FLOODER) {
                    assertThat(applied)
                            .as("the flooder's applied updates were all acknowledged")
                            .allMatch(id -> flooderAcked.contains(id) || expected.contains(id));
                    assertThat(applied).containsAll(expected);
                } else {
                    for (long id : expected) {
                        if (!applied.contains(id)) {
                            lost++;
                        }
                    }
                }
            }
            Map<String, Integer> sends = new HashMap<>();
            telegram.sent.forEach(s -> sends.merge(s.chatId() + "/" + s.text(), 1, Integer::sum));
            int duplicateSends =
                    (int) sends.values().stream().filter(n -> n > 1).count();
            int flooderApplied = applied(pair, FLOODER).size() - 1;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("faults_injected", faultsInjected.get());
            line.put("updates_handled", handled.get());
            line.put("lost", lost);
            line.put("doubled", doubled);
            line.put("duplicate_sends", duplicateSends);
            line.put("sends_unknown_outcome_not_repeated", telegram.cutOffSends.get());
            line.put("flood_burst_applied", flooderApplied);
            line.put("flood_burst_dropped", flooderAcked.size() - flooderApplied);
            line.put("longest_bystander_delay_ms", longestBystanderNanos / 1_000_000.0);
            line.put("bystander_clock_wait_s", longestBystanderClockWait.toSeconds());
            line.put("bystander_during_flood_burst_ms", bystanderDuringBurstNanos / 1_000_000.0);
            line.put("flooded_chats", FLOODED.length);
            System.out.println("fault-suite " + Json.gson().toJson(line));

            assertThat(lost).as("lost").isZero();
            assertThat(doubled).as("doubled").isZero();
            assertThat(duplicateSends).as("duplicate sends").isZero();
            assertThat(telegram.cutOffSends.get()).isEqualTo(NORMAL.length);
            assertThat(flooderAcked.size() - flooderApplied)
                    .as("updates dropped past the flooder's queue bound")
                    .isGreaterThan(flood.size() / 2);
            bot.stop();
        } finally {
            if (webhook != null) {
                webhook.close();
            }
            posters.shutdownNow();
            pool.shutdownNow();
            redisServer.stop();
        }
    }

    // ------------------------------------------------------------------------------------------ Telegram's side

    /** Delivers a "+1" until acknowledged, as Telegram does, and books it as acknowledged for its user. */
    private void deliverIncrement(Update update, long user) {
        deliverUntilAcknowledged(update);
        acknowledged
                .computeIfAbsent(user, u -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(update.updateId());
    }

    /**
     * Telegram delivers an update again until it is answered 200. The suite never posts more updates at once than
     * the webhook has slots, so a repeat is only ever needed after a fault (a 500, a store just back).
     */
    private void deliverUntilAcknowledged(Update update) {
        int status = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            status = post(update);
            if (status == 200) {
                return;
            }
        }
        throw new AssertionError("update " + update.updateId() + " never acknowledged; last status " + status);
    }

    private int post(Update update) {
        return post(Json.gson().toJson(update));
    }

    private int post(String body) {
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + webhook.port() + webhook.path())
                .header(WebhookHandler.SECRET_HEADER, SECRET)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 200) {
                handled.incrementAndGet();
            }
            return response.code();
        } catch (IOException e) {
            throw new AssertionError("the webhook did not answer", e);
        }
    }

    private List<String> poisonUpdates() {
        long a = updateIds.getAndIncrement();
        long b = updateIds.getAndIncrement();
        long c = updateIds.getAndIncrement();
        long d = updateIds.getAndIncrement();
        fake.registerCallbackQuery("poison-inline");
        return List.of(
                "{\"update_id\":" + a + ",\"message\":{\"message_id\":1,\"date\":1,"
                        + "\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"X\"},\"text\":\"/count\"}}",
                "{\"update_id\":" + b + ",\"callback_query\":{\"id\":\"poison-nofrom\",\"chat_instance\":\"c\","
                        + "\"data\":\"~x\",\"message\":{\"message_id\":1,\"date\":1,"
                        + "\"chat\":{\"id\":7001,\"type\":\"private\"}}}}",
                "{\"update_id\":" + c + ",\"callback_query\":{\"id\":\"poison-inline\",\"chat_instance\":\"c\","
                        + "\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"X\"},"
                        + "\"inline_message_id\":\"AAAA\",\"data\":\"x\"}}",
                "{\"update_id\":" + d + ",\"kind_from_the_future\":{\"x\":1}}");
    }

    private void awaitSends(FaultyTelegramServer telegram) throws InterruptedException {
        boolean all = telegram.awaitSent(
                sent -> Arrays.stream(FLOODED)
                        .allMatch(user ->
                                sent.stream().filter(x -> x.chatId() == user).count() == 2),
                Duration.ofSeconds(30));
        if (!all) {
            throw new AssertionError("the flooded chats' queued sends did not go out after the flood wait");
        }
    }

    private static FaultyTelegramServer.Sent last(List<FaultyTelegramServer.Sent> sent) {
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private static Set<Long> toSet(long[] ids) {
        Set<Long> set = new HashSet<>();
        Arrays.stream(ids).forEach(set::add);
        return set;
    }

    private List<Long> applied(RedisDialogs pair, long user) {
        Stack stack =
                pair.store().load(StackKey.of(FakeTelegram.BOT_ID, user, user)).orElseThrow();
        Frame top = stack.top().orElseThrow();
        String json = top.data().getOrDefault("applied", "\"\"");
        String list = json.substring(1, json.length() - 1);
        return list.isEmpty()
                ? List.of()
                : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    // ------------------------------------------------------------------------------------------ updates

    private Update message(long user, String text) {
        Chat chat = Chat.builder(user, "private").firstName("U" + user).build();
        Message.Builder m = Message.builder(
                        messageIds.getAndIncrement(), time.now().getEpochSecond(), chat)
                .from(User.builder(user, false, "U" + user).languageCode("en").build())
                .text(text);
        if (text.startsWith("/")) {
            m.entities(List.of(MessageEntity.of("bot_command", 0, text.length())));
        }
        return Update.builder(updateIds.getAndIncrement()).message(m.build()).build();
    }

    private Update click(long user, String label) {
        FakeMessage shown = fake.lastMessage(user).orElseThrow();
        Chat chat = Chat.builder(user, "private").firstName("U" + user).build();
        for (List<InlineKeyboardButton> row : shown.inlineKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.text().equals(label)) {
                    String queryId = "q" + queryIds.getAndIncrement();
                    fake.registerCallbackQuery(queryId);
                    Message message = Message.builder(shown.messageId(), shown.date(), chat)
                            .from(fake.bot())
                            .text(shown.text())
                            .replyMarkup(new InlineKeyboardMarkup(shown.inlineKeyboard()))
                            .build();
                    CallbackQuery query = CallbackQuery.builder(
                                    queryId,
                                    User.builder(user, false, "U" + user).build(),
                                    "ci-" + user)
                            .message(message)
                            .data(button.callbackData())
                            .build();
                    return Update.builder(updateIds.getAndIncrement())
                            .callbackQuery(query)
                            .build();
                }
            }
        }
        throw new AssertionError("no button " + label + " in chat " + user + ": " + shown.buttonLabels());
    }
}
