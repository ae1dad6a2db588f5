package dev.tgdialog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * One {@code initData} a real Telegram client sent, checked against Telegram's real production key: the third-party
 * check needs only the bot's id, not its token. The sample (a fact: data as Telegram sent it, signed by Telegram) was
 * published in the public GitHub repository GomenAmonai/CargoSaas, file {@code test_telegram_validation.py}, for the
 * bot with id 8591035047; its user's id is 6698369098. The repository also shows that bot's token, which this project
 * does not copy: the hash check with a token is shown by {@link AuthDataTest} on data signed in the test.
 */
class RealInitDataTest {
    static final long BOT_ID = 8591035047L;
    static final String SAMPLE = "user=%7B%22id%22%3A6698369098%2C%22first_name%22%3A%22LL%22%2C%22last_name%22%3A%22"
            + "%22%2C%22username%22%3A%22hikill8%22%2C%22language_code%22%3A%22ru%22%2C%22allows_write_to_pm%22%3Atrue"
            + "%2C%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%2FWv2Pan8AblvcXnRiYGifR"
            + "Mtzn8SiynLRMmeKIyWtl75-qbOEMAuzqnhDHrtjIIC1.svg%22%7D&chat_instance=-5471737045128434439"
            + "&chat_type=sender&auth_date=1765127072"
            + "&signature=Wn1Xo5OboCJ7X-KwCMsfhAp6okKjKMuoKKyYoYKskC9_F7h-5wIYoIlgA86kjFIZ3FKofmWXT0aTOmEl_fweDw"
            + "&hash=20fe086cb18a6481d11f8fc5e16543e8e3bf28d3aaef970997e2bedbbd7277f5";
    /** A minute after the sample was made. */
    static final Clock THEN = Clock.fixed(Instant.ofEpochSecond(1765127072L + 60), ZoneOffset.UTC);

    @Test
    void aRealSample_passesTheThirdPartyCheck_withTelegramsProductionKey() throws Exception {
        InitData data = InitDataValidator.thirdParty(BOT_ID, InitDataValidator.Environment.PRODUCTION)
                .clock(THEN)
                .validate(SAMPLE);

        assertThat(data.user()).isNotNull();
        assertThat(data.user().id()).isEqualTo(6698369098L);
        assertThat(data.user().username()).isEqualTo("hikill8");
        assertThat(data.chatType()).isEqualTo("sender");
        assertThat(data.authDate()).isEqualTo(Instant.ofEpochSecond(1765127072L));
    }

    @Test
    void theSameSample_isRefused_forAnotherBot_byTheTestKey_orWithAFieldChanged() {
        assertThatThrownBy(() -> InitDataValidator.thirdParty(BOT_ID + 1, InitDataValidator.Environment.PRODUCTION)
                        .clock(THEN)
                        .validate(SAMPLE))
                .isInstanceOfSatisfying(
                        InvalidAuthDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAuthDataException.Reason.MISMATCH));
        assertThatThrownBy(() -> InitDataValidator.thirdParty(BOT_ID, InitDataValidator.Environment.TEST)
                        .clock(THEN)
                        .validate(SAMPLE))
                .isInstanceOfSatisfying(
                        InvalidAuthDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAuthDataException.Reason.MISMATCH));
        assertThatThrownBy(() -> InitDataValidator.thirdParty(BOT_ID, InitDataValidator.Environment.PRODUCTION)
                        .clock(THEN)
                        .validate(SAMPLE.replace("hikill8", "hikill9")))
                .isInstanceOfSatisfying(
                        InvalidAuthDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAuthDataException.Reason.MISMATCH));
    }
}
