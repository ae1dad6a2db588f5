package dev.tgdialog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * The Redis of store=redis: {@code REDIS_URL} when set, else a redis-server (from the embedded-redis jar) on a free
 * loopback port, started for the run and stopped after it.
 */
final class BenchRedis implements AutoCloseable {
    private final String url;
    private final RedisServer server;

    private BenchRedis(String url, RedisServer server) {
        this.url = url;
        this.server = server;
    }

    static BenchRedis start() {
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return new BenchRedis(configured, null);
        }
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new BenchRedis("redis://127.0.0.1:" + port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    String url() {
        return url;
    }

    /**
     * The bot's client: a {@link JedisPooled} (so a {@link dev.tgdialog.redis.RedisDialogs} pair pipelines on it)
     * with room for the handler threads. The pair counts the commands it sends.
     */
    JedisPooled client() {
        URI uri = URI.create(url);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        return new JedisPooled(pool, uri.getHost(), uri.getPort());
    }

    /** Removes every key under {@code prefix} (through a client of its own: not counted). */
    void deleteAll(String prefix) {
        try (JedisPooled admin = new JedisPooled(URI.create(url))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        admin.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                List<String> keys = new ArrayList<>(page.getResult());
                if (!keys.isEmpty()) {
                    admin.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    /**
     * The server's own CPU time so far in microseconds (user and system, from {@code INFO cpu}), through a client of
     * its own: the bot's Redis cost that its process CPU does not show.
     */
    long serverCpuMicros() {
        try (JedisPooled admin = new JedisPooled(URI.create(url))) {
            double seconds = 0;
            for (String line : admin.info("cpu").split("\r?\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    seconds += Double.parseDouble(
                            line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return Math.round(seconds * 1e6);
        }
    }

    /**
     * The median time of one {@code PING} round trip on one connection, in microseconds, over {@code times} in a
     * row: what a sequential update waits for each of its round trips on this machine's loopback, with no bot
     * work between them.
     */
    double pingMicros(int times) {
        URI uri = URI.create(url);
        try (redis.clients.jedis.Jedis one = new redis.clients.jedis.Jedis(uri.getHost(), uri.getPort())) {
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                one.ping();
                nanos[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(nanos);
            return nanos[times / 2] / 1000.0;
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
