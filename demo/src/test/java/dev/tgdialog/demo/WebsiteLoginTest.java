package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.auth.LoginWidgetValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The website's Telegram login: data signed as the Login Widget signs it (core.telegram.org/widgets/login, "Checking
 * authorization") signs the user in; edited or stale data does not.
 */
class WebsiteLoginTest {
    static final String TOKEN = "123456:AAH-the-demo-test-token";
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    final WebsiteLogin site =
            new WebsiteLogin(LoginWidgetValidator.forToken(TOKEN).clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    /** The redirect query of the widget for Ann, signed at {@code authDate}. */
    static String redirect(Instant authDate) throws Exception {
        String check = "auth_date=" + authDate.getEpochSecond() + "\nfirst_name=Ann\nid=1001\nusername=ann";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(check.getBytes(StandardCharsets.UTF_8)));
        return "id=1001&first_name=Ann&username=ann&auth_date=" + authDate.getEpochSecond() + "&hash=" + hash;
    }

    @Test
    void aFreshSignedRedirect_signsTheUserIn() throws Exception {
        assertThat(site.landing(redirect(NOW.minusSeconds(30))))
                .isEqualTo("Welcome, Ann! Your pizzas are one tap away.");
    }

    @Test
    void anEditedOrStaleRedirect_isRefused_sayingWhy() throws Exception {
        assertThat(site.landing(redirect(NOW).replace("first_name=Ann", "first_name=Eve")))
                .isEqualTo("We could not sign you in (MISMATCH). Please log in with Telegram again.");
        assertThat(site.landing(redirect(NOW.minusSeconds(7200))))
                .isEqualTo("We could not sign you in (EXPIRED). Please log in with Telegram again.");
    }
}
