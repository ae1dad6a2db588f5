// docs/cookbook.md shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package dev.tgdialog.redis;

import static dev.tgdialog.Transition.done;
import static dev.tgdialog.Transition.start;
import static dev.tgdialog.redis.SharedChat.deliverAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.DialogBot;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.widgets.Button;
import dev.tgdialog.widgets.Row;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The cookbook's several-instances recipe: one user's wizard, each update handled by another instance. */
class CookbookInstancesTest {
    enum Step implements WindowId { SIZE }

    static final Dialog ORDER = Dialog.builder("order")
            .window(Step.SIZE, w -> w.text("Which size?").add(Row.of(
                    Button.of("s", "Small", ctx -> done("small").saying("A small pizza, then.")),
                    Button.of("l", "Large", ctx -> done("large").saying("A large pizza, then.")))))
            .build();

    private final SharedChat chat = new SharedChat();
    private final String prefix = TestRedis.uniquePrefix();

    /** One process of the bot. */
    private record Instance(RedisClient jedis, RedisDialogs redis, DialogBot bot) implements AutoCloseable {
        @Override
        public void close() {
            bot.stop();
            redis.close();
            jedis.close();
        }
    }

    private Instance instance(String prefix) {
        RedisClient jedis = RedisClient.create(URI.create(TestRedis.url()));
        TelegramClient telegram = chat.telegram.client(chat.time);
        // --- README: cookbook, several instances ---
        RedisDialogs redis = RedisDialogs.builder(jedis).keyPrefix(prefix).ttl(Duration.ofDays(7)).build();
        DialogBot bot = DialogBot.builder(telegram)
                .store(redis.store())                  // the stacks, saved by compare-and-set
                .isolation(redis.isolation())          // a lock per user and chat across instances
                .dialogs(ORDER)
                .command("start", (ctx, args) -> start(ORDER, StartMode.RESET_STACK))
                .build();
        // --- end ---
        return new Instance(jedis, redis, bot);
    }
    // spotless:on

    @Test
    void aWizardStartedOnOneInstance_goesOnWhereverTheNextUpdateLands() {
        try (Instance a = instance(prefix);
                Instance b = instance(prefix)) {
            deliverAndWait(a.bot(), chat.message("/start"));
            assertThat(chat.lastMessage().text()).isEqualTo("Which size?");

            deliverAndWait(b.bot(), chat.click("Large"));

            assertThat(chat.lastMessage().text()).isEqualTo("A large pizza, then.");
        }
    }
}
