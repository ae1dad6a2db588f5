package dev.tgdialog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * The Redis of store=redis: {@code REDIS_URL} when set, else a redis-server (from the embedded-redis jar) on a free
 * loopback port, started for the run and stopped after it. The bot's client counts every request it sends (one
 * command is one request and one round trip; a script is one EVALSHA, or EVALSHA refused and EVAL the first time):
 * the counting sits at Jedis's command executor, which every command passes.
 */
final class BenchRedis implements AutoCloseable {
    private final String url;
    private final RedisServer server;
    final LongAdder requests = new LongAdder();

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
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new BenchRedis("redis://127.0.0.1:" + port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    String url() {
        return url;
    }

    /** A pooled client whose every request adds one to {@link #requests}. */
    UnifiedJedis countingClient() {
        URI uri = URI.create(url);
        JedisClientConfig config = DefaultJedisClientConfig.builder().build();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        PooledConnectionProvider provider = new PooledConnectionProvider(
                new HostAndPort(uri.getHost(), uri.getPort()), config, pool);
        DefaultCommandExecutor inner = new DefaultCommandExecutor(provider);
        CommandExecutor counting = new CommandExecutor() {
            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                requests.increment();
                return inner.executeCommand(command);
            }

            @Override
            public void close() throws Exception {
                inner.close();
            }
        };
        return new UnifiedJedis(counting, provider, new CommandObjects());
    }

    /** Removes every key under {@code prefix} (through a client of its own: not counted). */
    void deleteAll(String prefix) {
        try (JedisPooled admin = new JedisPooled(URI.create(url))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = admin.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                List<String> keys = new ArrayList<>(page.getResult());
                if (!keys.isEmpty()) {
                    admin.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
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
