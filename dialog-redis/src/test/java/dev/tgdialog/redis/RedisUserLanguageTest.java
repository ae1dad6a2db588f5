package dev.tgdialog.redis;

import static dev.tgdialog.redis.SharedChat.deliverAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.store.UpdateIsolation;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.widgets.Button;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * A bot that speaks its users' languages on Redis: the language record of a private chat's user is read in the same
 * round trip as the chat's stack, so each update costs what it costs a bot that never asks; a language picked on one
 * instance is what the next update on another shows (nothing is cached between updates).
 */
class RedisUserLanguageTest {
    enum Talk implements WindowId {
        MAIN
    }

    static final Dialog TALK = Dialog.builder("talk")
            .window(
                    Talk.MAIN,
                    w -> w.text(ctx -> ctx.language()
                                            .map(Locale::getLanguage)
                                            .orElse("")
                                            .equals("de")
                                    ? "Hallo"
                                    : "Hello")
                            .add(Button.of("de", "Deutsch", ctx -> {
                                ctx.pickLanguage(Locale.GERMAN);
                                return Transition.stay();
                            }))
                            .add(Button.of("again", "Again", ctx -> Transition.stay())))
            .build();

    private final String prefix = TestRedis.uniquePrefix();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
        pool.shutdownNow();
    }

    private <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    /** A client on the test's Redis that counts the commands it sends, closed after the test. */
    private CountingRedis counted() {
        CountingRedis counted = new CountingRedis(TestRedis.url());
        closing(counted.client);
        return counted;
    }

    /** A pair on {@code redis} under this test's prefix, closed after the test. */
    private RedisDialogs pair(UnifiedJedis redis) {
        return closing(
                RedisDialogs.builder(redis).keyPrefix(prefix).executor(pool).build());
    }

    private DialogBot bot(SharedChat chat, StackStore store, UpdateIsolation isolation) {
        DialogBot bot = chat.bot(b -> b.dialogs(TALK)
                .command("talk", (ctx, args) -> Transition.start(TALK, null, StartMode.RESET_STACK))
                .store(store)
                .isolation(isolation)
                .executor(pool));
        closing(bot::stop);
        return bot;
    }

    /** The commands each step sent: "Again" twice, the pick, then "Again" once more. */
    private List<List<String>> steps(DialogBot bot, SharedChat chat, Supplier<List<String>> drain) {
        deliverAndWait(bot, chat.message("/talk")); // loads the scripts; the first ask for the record is a GET
        deliverAndWait(bot, chat.click("Again"));
        assertThat(drain.get()).as("the warm-up click sent commands").isNotEmpty();
        List<List<String>> steps = new ArrayList<>();
        deliverAndWait(bot, chat.click("Again"));
        steps.add(drain.get());
        assertThat(chat.lastMessage().text()).isEqualTo("Hello");
        deliverAndWait(bot, chat.click("Deutsch"));
        steps.add(drain.get());
        assertThat(chat.lastMessage().text()).isEqualTo("Hallo");
        deliverAndWait(bot, chat.click("Again"));
        steps.add(drain.get());
        assertThat(chat.lastMessage().text()).isEqualTo("Hallo");
        return steps;
    }

    @Test
    void pair_readsTheLanguageInItsLockScript_twoRoundTripsPerUpdateAsWithout() {
        CountingRedis counted = counted();
        RedisDialogs pair = pair(counted.client);
        SharedChat chat = new SharedChat();

        List<List<String>> steps = steps(bot(chat, pair.store(), pair.isolation()), chat, counted::drain);

        assertThat(steps.get(0)).containsExactly("EVALSHA", "EVALSHA");
        assertThat(steps.get(1)).as("the pick writes the record").containsExactly("EVALSHA", "SET", "EVALSHA");
        assertThat(steps.get(2)).containsExactly("EVALSHA", "EVALSHA");
    }

    @Test
    void aRecordOfTheBotsOwnAskedFirst_doesNotTakeTheLanguagesPlaceInTheLockScript() {
        CountingRedis counted = counted();
        RedisDialogs pair = pair(counted.client);
        SharedChat chat = new SharedChat();
        // A bot's own record (the cookbook's notifications switch), read before anything asked for the language.
        assertThat(pair.store().loadUserRecord(FakeTelegram.BOT_ID, SharedChat.USER_ID, "notifications"))
                .isEmpty();

        List<List<String>> steps = steps(bot(chat, pair.store(), pair.isolation()), chat, counted::drain);

        assertThat(steps.get(0)).containsExactly("EVALSHA", "EVALSHA");
        assertThat(steps.get(2)).containsExactly("EVALSHA", "EVALSHA");
    }

    @Test
    void storeAlone_readsTheLanguageWithTheStack_inOneScriptInsteadOfGetex() {
        CountingRedis counted = counted();
        RedisStackStore store =
                RedisStackStore.builder(counted.client).keyPrefix(prefix).build();
        SharedChat chat = new SharedChat();

        List<List<String>> steps = steps(bot(chat, store, UpdateIsolation.inProcess(pool)), chat, counted::drain);

        assertThat(steps.get(0)).containsExactly("EVALSHA", "EVALSHA");
        assertThat(steps.get(2)).containsExactly("EVALSHA", "EVALSHA");
        assertThat(store.loadUserRecord(FakeTelegram.BOT_ID, SharedChat.USER_ID, "language"))
                .contains("de en");
    }

    @Test
    void pipelinedPair_sendsTheRecordsGetInTheLocksWrite_andUsesWhatItRead() throws Exception {
        TestRedis.Server server = TestRedis.Server.start(TestRedis.freePort(), null);
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(server.url()));
                JedisPooled admin = new JedisPooled(java.net.URI.create(server.url()))) {
            RedisDialogs pair = pair(redis);
            assertThat(pair.pipelined()).isTrue();
            SharedChat chat = new SharedChat();
            long[] before = {pair.commandsSent(), serverCalls(admin, "get")};
            Supplier<List<String>> drain = () -> {
                long now = pair.commandsSent();
                long gets = serverCalls(admin, "get");
                List<String> sent = List.of(now - before[0] + " commands", gets - before[1] + " GET");
                before[0] = now;
                before[1] = gets;
                return sent;
            };

            List<List<String>> steps = steps(bot(chat, pair.store(), pair.isolation()), chat, drain);

            // SET NX, GETEX and GET in one write, then the save's script. The server counts three GETs: two
            // the save's script runs (the stored version, the lock), and the record's, in the lock's write.
            assertThat(steps.get(0)).containsExactly("4 commands", "3 GET");
            assertThat(steps.get(2)).containsExactly("4 commands", "3 GET");
        } finally {
            closeAll();
            closing.clear();
            server.stop();
        }
    }

    private static long serverCalls(JedisPooled admin, String command) {
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll("^cmdstat_[^:]+:calls=(\\d+),.*$", "$1"));
            }
        }
        return 0;
    }

    @Test
    void aLanguagePickedOnOneInstance_isWhatTheNextUpdateOnAnotherShows() {
        CountingRedis counted = counted();
        RedisDialogs first = pair(counted.client);
        RedisDialogs second = pair(counted.client);
        SharedChat chat = new SharedChat();
        DialogBot one = bot(chat, first.store(), first.isolation());
        DialogBot other = bot(chat, second.store(), second.isolation());

        deliverAndWait(one, chat.message("/talk"));
        deliverAndWait(other, chat.click("Again"));
        assertThat(chat.lastMessage().text()).isEqualTo("Hello");
        deliverAndWait(one, chat.click("Deutsch"));
        deliverAndWait(other, chat.click("Again"));

        assertThat(chat.lastMessage().text()).isEqualTo("Hallo");
    }
}
