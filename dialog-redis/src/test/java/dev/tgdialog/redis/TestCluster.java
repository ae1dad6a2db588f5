package dev.tgdialog.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of the test's own: three masters on loopback, made from the redis-server binary the other tests
 * use, joined with {@code CLUSTER MEET} and given the 16384 slots with {@code CLUSTER ADDSLOTS} (the embedded jar has
 * no redis-cli); {@link #migrate} moves a slot from one master to another as {@code redis-cli --cluster reshard}
 * does, step by step. {@link #close} stops every process it started.
 */
final class TestCluster implements AutoCloseable {
    static final int SLOTS = 16384;

    private final List<RedisServer> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Path dir;

    TestCluster(int masters) {
        try {
            dir = Files.createTempDirectory("tgdialog-cluster");
            for (int i = 0; i < masters; i++) {
                int port = TestRedis.freePort();
                Path nodeDir = Files.createDirectories(dir.resolve("node-" + port));
                RedisServer server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file nodes.conf")
                        .setting("cluster-node-timeout 2000")
                        .setting("dir " + nodeDir.toAbsolutePath())
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                servers.add(server);
                ports.add(port);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start the cluster's redis-servers", e);
        }
        int first = ports.get(0);
        for (int port : ports.subList(1, ports.size())) {
            try (Jedis node = node(port)) {
                node.clusterMeet("127.0.0.1", first);
            }
        }
        for (int i = 0; i < masters; i++) {
            int from = SLOTS * i / masters;
            int to = SLOTS * (i + 1) / masters;
            int[] slots = new int[to - from];
            for (int s = from; s < to; s++) {
                slots[s - from] = s;
            }
            try (Jedis node = node(ports.get(i))) {
                node.clusterAddSlots(slots);
            }
        }
        awaitReady();
    }

    /** Waits until every node sees all masters and every slot served (a cluster forms in about a second). */
    private void awaitReady() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int port : ports) {
            while (true) {
                try (Jedis node = node(port)) {
                    String info = node.clusterInfo();
                    if (info.contains("cluster_state:ok")
                            && info.contains("cluster_known_nodes:" + ports.size())
                            && node.clusterSlots().size() == ports.size()) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test cluster did not form within 30 s");
                }
                Thread.onSpinWait();
            }
        }
    }

    Jedis node(int port) {
        return new Jedis(
                new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().build());
    }

    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** A cluster client of the current kind (not the deprecated {@code JedisCluster}), seeded with every node. */
    RedisClusterClient client() {
        Set<HostAndPort> nodes = new HashSet<>();
        ports.forEach(p -> nodes.add(new HostAndPort("127.0.0.1", p)));
        return RedisClusterClient.create(nodes);
    }

    /** The port of the master that serves {@code slot}. */
    int owner(int slot) {
        int from = SLOTS * 0;
        for (int i = 0; i < ports.size(); i++) {
            try (Jedis node = node(ports.get(i))) {
                for (Object range : node.clusterSlots()) {
                    List<?> r = (List<?>) range;
                    long start = (Long) r.get(0);
                    long end = (Long) r.get(1);
                    if (slot >= start && slot <= end) {
                        List<?> master = (List<?>) r.get(2);
                        return ((Long) master.get(1)).intValue();
                    }
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot + " (" + from + ")");
    }

    private String id(int port) {
        try (Jedis node = node(port)) {
            return node.clusterMyId();
        }
    }

    /** Marks {@code slot} as moving from one master to another: the first step of a resharding. */
    void beginMigration(int slot, int fromPort, int toPort) {
        try (Jedis to = node(toPort);
                Jedis from = node(fromPort)) {
            to.clusterSetSlotImporting(slot, id(fromPort));
            from.clusterSetSlotMigrating(slot, id(toPort));
        }
    }

    /** Moves the keys of {@code slot} that are still on the old master to the new one. */
    void moveKeys(int slot, int fromPort, int toPort) {
        try (Jedis from = node(fromPort)) {
            List<String> keys;
            while (!(keys = from.clusterGetKeysInSlot(slot, 100)).isEmpty()) {
                from.migrate(
                        "127.0.0.1",
                        toPort,
                        0,
                        5000,
                        new redis.clients.jedis.params.MigrateParams(),
                        keys.toArray(String[]::new));
            }
        }
    }

    /** Gives {@code slot} to its new master on every node: the last step of a resharding. */
    void endMigration(int slot, int toPort) {
        String owner = id(toPort);
        for (int port : ports) {
            try (Jedis node = node(port)) {
                node.clusterSetSlotNode(slot, owner);
            }
        }
    }

    @Override
    public void close() {
        for (RedisServer server : servers) {
            try {
                server.stop();
            } catch (IOException e) {
                // Stopping the others matters more.
            }
        }
    }
}
