// docs/cookbook.md shows this file's snippets as they are: the formatter leaves them alone.
// spotless:off
package example.cookbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.Pacing;
import dev.tgdialog.telegram.RetryPolicy;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.testing.FakeMessage;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The broadcast recipe of docs/cookbook.md, run against the fake Bot API on a fake clock. */
class CookbookBroadcastTest {

    // --- README: cookbook, a broadcast ---
    // Telegram's limits with no burst across chats: one send every 34 ms, so never more than 30 in any second.
    static final Pacing EVEN = Pacing.telegramLimits().withGlobal(Duration.ofMillis(34), 1);

    // Nobody waits on a broadcast, so it may sit out a flood wait of up to ten minutes (the default is one).
    static final RetryPolicy PATIENT = new RetryPolicy(
            Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofSeconds(10), 0.1);

    /** What a broadcast did: how many got it, the chats that refuse the bot (drop them), how many failed otherwise. */
    record Delivery(int sent, List<Long> blocked, int failed) {}

    static Delivery broadcast(TelegramClient telegram, List<Long> chatIds, String text) {
        TelegramClient patient = telegram.withRetryPolicy(PATIENT);   // the same connections and pacing
        int sent = 0;
        int failed = 0;
        List<Long> blocked = new ArrayList<>();
        for (long chatId : chatIds) {
            try {
                patient.execute(SendMessage.of(chatId, text));        // paced; waits out a 429 in here
                sent++;
            } catch (TelegramException.Forbidden e) {                   // blocked the bot, or the account is gone
                blocked.add(chatId);
            } catch (TelegramException e) {                             // no such chat, an even longer flood wait, ...
                failed++;
            }
        }
        return new Delivery(sent, List.copyOf(blocked), failed);
    }
    // --- end ---
    // spotless:on

    static final String NEWS = "We open at 8 tomorrow.";

    @Test
    void aBroadcast_reachesEveryoneButTheBlocked_atMost30ASecond_andSitsOutA429() {
        FakeTime time = new FakeTime();
        FakeTelegram fake = new FakeTelegram(time);
        TelegramClient telegram = TelegramClient.builder(FakeTelegram.TOKEN)
                .transport(fake.transport())
                .timeSource(time)
                .pacing(EVEN)
                .build();
        List<Long> subscribers =
                new ArrayList<>(LongStream.rangeClosed(2001, 2100).boxed().toList());
        fake.block(2007);
        List<Instant> sends = new ArrayList<>();
        fake.onCall(call -> {
            if (!call.method().equals("sendMessage")) {
                return;
            }
            sends.add(time.now());
            // The 41st request (to 2041) meets a flood wait longer than the client's default; the 71st, after
            // 2041's repeat, a chat that is gone (2070).
            if (sends.size() == 40) {
                fake.failNext("sendMessage", 429, "Too Many Requests: retry after 90", 90);
            } else if (sends.size() == 70) {
                fake.failNext("sendMessage", 400, "Bad Request: chat not found");
            }
        });

        // spotless:off
        // --- README: cookbook, a broadcast sent ---
        Delivery delivery = broadcast(telegram, subscribers, "We open at 8 tomorrow.");
        subscribers.removeAll(delivery.blocked());             // Telegram would refuse them every time
        // --- end ---
        // spotless:on

        assertThat(delivery).isEqualTo(new Delivery(98, List.of(2007L), 1));
        assertThat(subscribers).hasSize(99).doesNotContain(2007L);
        for (long chat = 2001; chat <= 2100; chat++) {
            List<String> texts =
                    fake.messages(chat).stream().map(FakeMessage::text).toList();
            assertThat(texts).as("chat %d", chat).isEqualTo(chat == 2007 || chat == 2070 ? List.of() : List.of(NEWS));
        }
        assertThat(sends).hasSize(101);
        for (int i = 0; i + 30 < sends.size(); i++) {
            assertThat(Duration.between(sends.get(i), sends.get(i + 30)))
                    .as("the time 31 requests took, from request %d", i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        // 2041 was asked again once retry_after was over (plus the policy's jitter, at most a tenth).
        assertThat(Duration.between(sends.get(40), sends.get(41)))
                .isBetween(Duration.ofSeconds(90), Duration.ofSeconds(99));
    }
}
