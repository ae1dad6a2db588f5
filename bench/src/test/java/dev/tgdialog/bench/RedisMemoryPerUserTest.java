package dev.tgdialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.redis.RedisDialogs;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What one user of the benchmark's wizard keeps in Redis: mid-dialog (after step 4) the stack document and its keys'
 * {@code MEMORY USAGE}, and once the dialog finished, nothing but keys the time-to-live expires. Prints the figures.
 */
class RedisMemoryPerUserTest {

    @Test
    void aMidWizardUser_keepsOneSmallDocument_andAFinishedOne_onlyWhatItsTtlExpires() {
        try (BenchRedis server = BenchRedis.start();
                JedisPooled redis = server.client();
                JedisPooled admin = new JedisPooled(URI.create(server.url()))) {
            String prefix = "mem-" + System.nanoTime() + ":";
            RedisDialogs pair = RedisDialogs.builder(redis).keyPrefix(prefix).build();
            BotHarness harness = BotHarness.of(bot -> WizardBot.configure(
                    bot.store(pair.store()).isolation(pair.isolation()), WizardBot.dialog(new ConcurrentHashMap<>())));
            FakeUser user = harness.user(424242, "Bench");
            user.send("/start");
            user.click("Next »");
            user.click("item 7");
            user.send("3");
            assertThat(user.lastMessage().text()).isEqualTo("item 7 x 3");

            TreeMap<String, Long> usage = new TreeMap<>();
            long documentBytes = 0;
            for (String key : keys(admin, prefix)) {
                usage.put(key.substring(prefix.length()), admin.memoryUsage(key));
                if (key.contains("stack:")) {
                    documentBytes = admin.strlen(key);
                }
            }
            System.out.printf(
                    "redis per mid-wizard user: stack document %d bytes; MEMORY USAGE %s, %d bytes in all%n",
                    documentBytes,
                    usage,
                    usage.values().stream().mapToLong(Long::longValue).sum());
            assertThat(usage.keySet())
                    .as("only the stack; the lock went with its update")
                    .hasSize(1);
            assertThat(documentBytes).isPositive().isLessThanOrEqualTo(256);

            user.click("Confirm");
            assertThat(user.lastMessage().text()).isEqualTo("Done");
            List<String> left = keys(admin, prefix);
            TreeMap<String, Long> ttls = new TreeMap<>();
            for (String key : left) {
                ttls.put(key.substring(prefix.length()), admin.pttl(key));
            }
            System.out.printf("redis per finished user: %s (key → ms until it expires)%n", ttls);
            assertThat(ttls.values())
                    .as("every key left expires")
                    .allSatisfy(ttl -> assertThat(ttl).isPositive());
            pair.close();
        }
    }

    private static List<String> keys(JedisPooled admin, String prefix) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    admin.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
