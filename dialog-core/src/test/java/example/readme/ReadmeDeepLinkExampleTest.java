// The README shows this file's snippet as it is: the formatter leaves it alone.
// spotless:off
package example.readme;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.links.BotLink;
import dev.tgdialog.links.DeepLink;
import dev.tgdialog.links.PayloadCodec;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deep-link snippet of the README, compiled and run so it cannot rot. */
class ReadmeDeepLinkExampleTest {
    static final byte[] SECRET = "a secret of the bot's, 16+ bytes".getBytes(StandardCharsets.UTF_8);
    final List<String> credited = new ArrayList<>();

    // --- README: deep links ---
    static final DeepLink<Long> REFERRAL = DeepLink.of("ref", PayloadCodec.longValue().signed(SECRET))
            .refusal("This invitation link is broken. Ask your friend for a new one.");

    @Test
    void aReferralLink_creditsItsOwner() {
        BotHarness harness = BotHarness.of(bot -> bot
                .deepLink(REFERRAL, (ctx, inviter) -> {
                    credited.add(inviter + " invited " + ctx.userId());
                    return stay();
                }));
        String link = BotLink.of(FakeTelegram.BOT_USERNAME).start(REFERRAL.payload(1001L));
        FakeUser bob = harness.user(1002, "Bob");

        bob.openLink(link);                                   // Telegram sends "/start ref_..."
        bob.openLink(link.substring(0, link.length() - 1) + "x");

        assertThat(credited).containsExactly("1001 invited 1002");
        assertThat(bob.lastMessage().text()).isEqualTo("This invitation link is broken. Ask your friend for a new one.");
    }
    // --- end ---
    // spotless:on

    @Test
    void theReadmeShowsThisSnippet() throws Exception {
        ReadmeSnippets.assertShown("ReadmeDeepLinkExampleTest.java", "deep links");
    }
}
