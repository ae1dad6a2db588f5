package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** {@link RedisPipeline} against a real Redis: replies to their own callers, in order, through restarts. */
class RedisPipelineTest {
    private static final LuaScript ECHO = new LuaScript("return ARGV[1] .. '@' .. KEYS[1]");

    private final String prefix = TestRedis.uniquePrefix();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private RedisPipeline pipeline(String url) {
        URI uri = URI.create(url);
        RedisPipeline pipeline =
                new RedisPipeline(() -> new Connection(new HostAndPort(uri.getHost(), uri.getPort())), "test-pipeline");
        closing.add(pipeline);
        return pipeline;
    }

    @Test
    void manyConcurrentCallers_eachGetTheirOwnReply_andWritesCarrySeveralCommands() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        ExecutorService callers = Executors.newFixedThreadPool(16);
        closing.add(callers::shutdownNow);
        int perCaller = 300;
        List<CompletableFuture<List<String>>> all = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int caller = c;
            all.add(CompletableFuture.supplyAsync(
                    () -> {
                        // Each caller keeps many commands in flight at once, so they meet others' in shared writes.
                        List<CompletableFuture<Object>> mine = new ArrayList<>();
                        for (int i = 0; i < perCaller; i++) {
                            mine.add(pipeline.script(ECHO, List.of(prefix + caller), List.of(Integer.toString(i))));
                        }
                        return mine.stream().map(f -> text(RedisCalls.await(f))).toList();
                    },
                    callers));
        }
        for (int c = 0; c < 16; c++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perCaller; i++) {
                expected.add(i + "@" + prefix + c);
            }
            assertThat(all.get(c).get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
        }
        // The first call of ECHO on a fresh server may cost an EVAL after a NOSCRIPT.
        assertThat(pipeline.commandsSent()).isBetween(16L * perCaller, 16L * perCaller + 16);
        assertThat(pipeline.writes()).as("commands shared writes").isLessThan(pipeline.commandsSent());
    }

    @Test
    void aLoneCommand_onAnIdlePipeline_isSentByItsCaller_andAnsweredWhenTheCallReturns() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String key = prefix + "lone";
        pipeline.command(new CommandArguments(Protocol.Command.SET).add(key).add("v"))
                .get(10, TimeUnit.SECONDS);
        long writes = pipeline.writes();

        CompletableFuture<Object> reply = pipeline.command(new CommandArguments(Protocol.Command.GET).add(key));

        assertThat(reply)
                .as("no hand-over to the I/O thread and back: done on return")
                .isDone();
        assertThat(text(reply.join())).isEqualTo("v");
        assertThat(pipeline.writes() - writes).isEqualTo(1);
        pipeline.command(new CommandArguments(Protocol.Command.DEL).add(key)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void commandsReachRedisInTheOrderTheyWereQueued() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String key = prefix + "counter";
        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            replies.add(pipeline.command(new CommandArguments(Protocol.Command.INCR).add(key)));
        }
        for (int i = 0; i < replies.size(); i++) {
            assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((long) i + 1);
        }
        pipeline.command(new CommandArguments(Protocol.Command.DEL).add(key)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void scriptCacheFlushed_theScriptIsSentAgainInFull_andTheCallerGetsItsReply() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        try (JedisPooled admin = TestRedis.client()) {
            assertThat(text(pipeline.script(ECHO, List.of("k"), List.of("a")).get(10, TimeUnit.SECONDS)))
                    .isEqualTo("a@k");
            admin.scriptFlush();
            long before = pipeline.commandsSent();

            Object reply = pipeline.script(ECHO, List.of("k"), List.of("b")).get(10, TimeUnit.SECONDS);

            assertThat(text(reply)).isEqualTo("b@k");
            assertThat(pipeline.commandsSent() - before)
                    .as("EVALSHA refused, then EVAL")
                    .isEqualTo(2);
        }
    }

    @Test
    void lockThenRead_takesAFreeLock_andReadsTheStack_inOneWriteOfTwoCommands() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String lock = prefix + "lock";
        String stack = prefix + "stack";
        pipeline.command(new CommandArguments(Protocol.Command.SET).add(stack).add("{\"doc\":1}"))
                .get(10, TimeUnit.SECONDS);
        long commands = pipeline.commandsSent();
        long writes = pipeline.writes();

        Object reply = lockThenRead(pipeline, lock, "token-1", 10_000, stack, 60_000, null)
                .get(10, TimeUnit.SECONDS);

        assertThat(text(reply)).isEqualTo("{\"doc\":1}");
        assertThat(pipeline.commandsSent() - commands).isEqualTo(2);
        assertThat(pipeline.writes() - writes).as("one entry, one write").isEqualTo(1);
        try (JedisPooled redis = TestRedis.client()) {
            assertThat(redis.get(lock)).isEqualTo("token-1");
            assertThat(redis.pttl(lock)).isBetween(1L, 10_000L);
            assertThat(redis.pttl(stack))
                    .as("the read refreshed the stack's TTL")
                    .isBetween(10_001L, 60_000L);
            redis.del(lock, stack);
        }
    }

    @Test
    void lockThenRead_withARecordKey_readsTheRecordToo_inTheSameWrite() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String lock = prefix + "lock";
        String stack = prefix + "stack";
        String record = prefix + "record";
        pipeline.command(new CommandArguments(Protocol.Command.SET).add(record).add("de en"))
                .get(10, TimeUnit.SECONDS);
        long commands = pipeline.commandsSent();
        long writes = pipeline.writes();

        Object reply = lockThenRead(pipeline, lock, "token-1", 10_000, stack, 60_000, record)
                .get(10, TimeUnit.SECONDS);

        assertThat(reply).isInstanceOf(List.class);
        List<?> both = (List<?>) reply;
        assertThat(both.get(0)).as("no stack stored").isEqualTo(1L);
        assertThat(text(both.get(1))).isEqualTo("de en");
        assertThat(pipeline.commandsSent() - commands).isEqualTo(3);
        assertThat(pipeline.writes() - writes).as("one entry, one write").isEqualTo(1);
        assertThat(lockThenRead(pipeline, lock, "theirs", 10_000, stack, 60_000, record)
                        .get(10, TimeUnit.SECONDS))
                .as("the lock is taken: nothing read")
                .isEqualTo(0L);
        try (JedisPooled redis = TestRedis.client()) {
            redis.del(lock, stack, record);
        }
    }

    @Test
    void lockThenRead_withNoStack_isOne_andWithTheLockTaken_isZero_andLeavesTheLockAlone() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String lock = prefix + "lock";
        String stack = prefix + "stack";

        assertThat(lockThenRead(pipeline, lock, "mine", 10_000, stack, 60_000, null)
                        .get(10, TimeUnit.SECONDS))
                .isEqualTo(1L);
        assertThat(lockThenRead(pipeline, lock, "theirs", 10_000, stack, 60_000, null)
                        .get(10, TimeUnit.SECONDS))
                .isEqualTo(0L);
        try (JedisPooled redis = TestRedis.client()) {
            assertThat(redis.get(lock)).isEqualTo("mine");
            assertThat(redis.exists(stack)).isFalse();
            redis.del(lock);
        }
    }

    @Test
    void lockThenRead_ofAStackThatIsNoString_failsWithTheErrorReply() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        String lock = prefix + "lock";
        String stack = prefix + "stack";
        pipeline.command(new CommandArguments(Protocol.Command.RPUSH).add(stack).add("x"))
                .get(10, TimeUnit.SECONDS);

        CompletableFuture<Object> reply = lockThenRead(pipeline, lock, "t", 10_000, stack, 60_000, null);

        assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(redis.clients.jedis.exceptions.JedisDataException.class)
                .hasMessageContaining("WRONGTYPE");
        try (JedisPooled redis = TestRedis.client()) {
            redis.del(lock, stack);
        }
    }

    @Test
    void errorReply_failsOnlyItsOwnCaller() throws Exception {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        LuaScript failing = new LuaScript("return redis.error_reply('ERR refused ' .. ARGV[1])");

        CompletableFuture<Object> bad = pipeline.script(failing, List.of(), List.of("x"));
        CompletableFuture<Object> good = pipeline.script(ECHO, List.of("k"), List.of("y"));

        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(redis.clients.jedis.exceptions.JedisDataException.class)
                .hasMessageContaining("refused x");
        assertThat(text(good.get(10, TimeUnit.SECONDS))).isEqualTo("y@k");
    }

    @Test
    void redisRestartedMidRun_failsTheCommandsInFlightCleanly_andLaterCommandsWorkAgain() throws Exception {
        TestRedis.Server server = TestRedis.Server.start(TestRedis.freePort(), null);
        try {
            RedisPipeline pipeline = pipeline(server.url());
            assertThat(text(pipeline.script(ECHO, List.of("k"), List.of("0")).get(10, TimeUnit.SECONDS)))
                    .isEqualTo("0@k");
            List<CompletableFuture<Object>> inFlight = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                inFlight.add(pipeline.script(ECHO, List.of("k"), List.of(Integer.toString(i))));
            }
            server.stop();
            for (int i = 0; i < 200; i++) {
                inFlight.add(pipeline.script(ECHO, List.of("k"), List.of("late" + i)));
            }

            int failed = 0;
            for (int i = 0; i < inFlight.size(); i++) {
                try {
                    Object reply = inFlight.get(i).get(10, TimeUnit.SECONDS);
                    assertThat(text(reply))
                            .as("a reply is always the caller's own")
                            .endsWith("@k")
                            .isEqualTo((i < 500 ? Integer.toString(i) : "late" + (i - 500)) + "@k");
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(JedisConnectionException.class);
                    failed++;
                }
            }
            assertThat(failed)
                    .as("sent after the stop: none can have an answer")
                    .isGreaterThanOrEqualTo(200);

            server.restart();
            Object after = pipeline.script(ECHO, List.of("k"), List.of("again")).get(10, TimeUnit.SECONDS);
            assertThat(text(after)).isEqualTo("again@k");
        } finally {
            server.stop();
        }
    }

    @Test
    void closedPipeline_refusesNewCommands_withAClearError() {
        RedisPipeline pipeline = pipeline(TestRedis.url());
        pipeline.close();

        CompletableFuture<Object> refused = pipeline.script(ECHO, List.of("k"), List.of("x"));

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(() -> RedisCalls.await(refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Redis pipeline is closed");
    }

    /** A bulk reply as text (the pipeline hands back the raw bytes). */
    private static @Nullable String text(@Nullable Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return reply == null ? null : reply.toString();
    }

    /** {@link RedisPipeline#lockThenRead} of text and numbers, encoded as the isolation encodes them. */
    private static CompletableFuture<Object> lockThenRead(
            RedisPipeline pipeline,
            String lock,
            String token,
            long lease,
            String stack,
            long ttl,
            @Nullable String record) {
        return pipeline.lockThenRead(
                RedisCalls.bytes(lock),
                RedisCalls.bytes(token),
                RedisCalls.bytes(Long.toString(lease)),
                RedisCalls.bytes(stack),
                RedisCalls.bytes(Long.toString(ttl)),
                record == null ? null : RedisCalls.bytes(record));
    }
}
