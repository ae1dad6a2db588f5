package dev.tgdialog.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * A pooled Jedis client that writes down every request it sends (one command, one round trip), by name: what the
 * round-trip tests count. The counting sits at the command executor, the one door every command goes through.
 */
final class CountingRedis {
    private final List<String> sent = new ArrayList<>();
    private final java.util.Map<String, Integer> total = new java.util.HashMap<>();
    final UnifiedJedis client;

    CountingRedis(String url) {
        URI uri = URI.create(url);
        PooledConnectionProvider provider = new PooledConnectionProvider(
                new HostAndPort(uri.getHost(), uri.getPort()),
                DefaultJedisClientConfig.builder().build());
        DefaultCommandExecutor inner = new DefaultCommandExecutor(provider);
        CommandExecutor counting = new CommandExecutor() {
            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                synchronized (sent) {
                    sent.add(command.getArguments().getCommand().toString());
                    total.merge(command.getArguments().getCommand().toString(), 1, Integer::sum);
                    sent.notifyAll();
                }
                return inner.executeCommand(command);
            }

            @Override
            public void close() throws Exception {
                inner.close();
            }
        };
        this.client = new UnifiedJedis(counting, provider, new CommandObjects());
    }

    /**
     * Waits until this client has sent {@code command} at least {@code times} times in all (drains do not reset
     * the count); fails after 10 s.
     */
    void awaitSent(String command, int times) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        synchronized (sent) {
            while (total.getOrDefault(command, 0) < times) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            command + " was sent " + total.getOrDefault(command, 0) + " times, not " + times);
                }
                sent.wait(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** The names of the commands sent since the last call, and forgets them. */
    List<String> drain() {
        synchronized (sent) {
            List<String> all = List.copyOf(sent);
            sent.clear();
            return all;
        }
    }
}
