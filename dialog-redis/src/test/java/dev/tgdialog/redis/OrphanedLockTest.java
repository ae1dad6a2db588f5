package dev.tgdialog.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * A lock request that timed out in a network stall reaches Redis when the network resumes, and takes the lock with
 * no one waiting for it: the isolation releases that lock by its token as soon as Redis answers again, so the user's
 * next update is served at once, not after the 15 s lease. Against a redis-server of the test's own, behind a proxy
 * that stalls as a network does.
 */
class OrphanedLockTest {
    final int port = TestRedis.freePort();
    final TestRedis.Server server = TestRedis.Server.start(port, null);
    final StallingProxy network;
    final JedisPooled admin;
    /** The bot's client: gives up on a reply after 300 ms, as a client with a short timeout does in a stall. */
    final JedisPooled redis;

    OrphanedLockTest() throws IOException {
        network = new StallingProxy(port);
        admin = new JedisPooled(
                new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().build());
        redis = new JedisPooled(
                new HostAndPort("127.0.0.1", network.port()),
                DefaultJedisClientConfig.builder().socketTimeoutMillis(300).build());
    }

    @AfterEach
    void stop() throws IOException {
        redis.close();
        admin.close();
        network.close();
        server.stop();
    }

    @Test
    void aLockTakenAfterItsRequestTimedOut_isReleasedWhenRedisAnswersAgain_notAfterTheLease() throws IOException {
        StackKey key = StackKey.of(1, 1001, 1001);
        try (RedisUpdateIsolation isolation = RedisUpdateIsolation.builder(redis)
                .keyPrefix(TestRedis.uniquePrefix())
                .executor(Runnable::run)
                .maxWait(Duration.ofSeconds(5))
                .build()) {
            redis.ping(); // the connection is open before the stall, as a running bot's are
            network.stall();
            CompletableFuture<String> stalled = isolation.run(key, () -> CompletableFuture.completedFuture("ran"));
            assertThatThrownBy(stalled::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StackStoreException.class);
            assertThat(admin.get(isolation.lockKey(key)))
                    .as("held back by the stall")
                    .isNull();

            long resumed = System.nanoTime();
            network.resume();
            String served = isolation
                    .run(key, () -> CompletableFuture.completedFuture("served"))
                    .join();
            long waited = System.nanoTime() - resumed;

            // Served within the 5 s wait, a third of the lease: only the release by token can have freed the lock.
            assertThat(served).isEqualTo("served");
            assertThat(isolation.orphansReleased()).isEqualTo(1);
            System.out.printf(
                    "orphaned lock: the next update was served %d ms after the network resumed (lease 15000 ms)%n",
                    waited / 1_000_000);
        }
    }
}
