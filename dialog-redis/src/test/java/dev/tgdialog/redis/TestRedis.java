package dev.tgdialog.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * The Redis the tests run against: {@code REDIS_URL} when set, otherwise one real redis-server (shipped in the
 * embedded-redis jar) started on a free loopback port for the whole test run and stopped when the JVM exits.
 * Tests keep apart by key prefix, so a shared {@code REDIS_URL} database is never flushed. Public for the Spring Boot
 * starter's tests, which take it from dialog-redis's test jar.
 */
public final class TestRedis {
    private static @Nullable String url;

    private TestRedis() {}

    /** The URL of the shared test Redis, started on first use. */
    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("REDIS_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured;
            } else {
                Server server = Server.start(freePort(), null);
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                url = server.url();
            }
        }
        return url;
    }

    /** A new pooled client of the shared test Redis. */
    private static final String ADVANCE = """
            local t = redis.call('PTTL', KEYS[1])
            if t > 0 then
              if t - tonumber(ARGV[1]) <= 0 then
                redis.call('DEL', KEYS[1])
              else
                redis.call('PEXPIRE', KEYS[1], t - tonumber(ARGV[1]))
              end
            end
            return t
            """;

    /**
     * Moves Redis's clock forward for one key: takes {@code millis} off its remaining TTL (deleting it when that
     * runs out), which is what that much idle time would do, without waiting.
     */
    static void advance(redis.clients.jedis.UnifiedJedis redis, String key, long millis) {
        redis.eval(ADVANCE, java.util.List.of(key), java.util.List.of(Long.toString(millis)));
    }

    static JedisPooled client() {
        return new JedisPooled(URI.create(url()));
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A redis-server of the test's own, on a fixed port, that can be stopped and started again. With a data
     * directory it keeps an append-only file synced on every write, so its data outlives a stop.
     */
    static final class Server {
        private final int port;
        private final RedisServer redis;

        private Server(int port, RedisServer redis) {
            this.port = port;
            this.redis = redis;
        }

        static Server start(int port, @Nullable Path dataDir) {
            try {
                var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
                if (dataDir != null) {
                    Files.createDirectories(dataDir);
                    builder.setting("dir " + dataDir.toAbsolutePath())
                            .setting("appendonly yes")
                            .setting("appendfsync always");
                } else {
                    builder.setting("save \"\"").setting("appendonly no");
                }
                Server server = new Server(port, builder.build());
                server.redis.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded redis-server on port " + port, e);
            }
        }

        String url() {
            return "redis://127.0.0.1:" + port;
        }

        void stop() {
            try {
                redis.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void restart() {
            try {
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
